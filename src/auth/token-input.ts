import { isRole, ROLES, type Role } from './roles.js';
import { InvalidTokenInputError } from './token-errors.js';

const MAX_NAME_LENGTH = 100;
/** Jira project keys and Linear team keys: a letter, then letters, digits or `_`. */
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A trimmed, non-empty name without control characters (it ends up in log lines and tables). */
export function parseTokenName(text: string): string {
  const name = text.trim();
  if (name === '') throw new InvalidTokenInputError('a token needs a name, such as ci-main or auditor-2026');
  if (name.length > MAX_NAME_LENGTH) throw new InvalidTokenInputError(`a token name has at most ${MAX_NAME_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new InvalidTokenInputError('a token name cannot contain control characters');
  return name;
}

export function parseRole(text: string): Role {
  const role = text.trim().toLowerCase();
  if (!isRole(role)) throw new InvalidTokenInputError(`unknown role "${text}"; use one of ${ROLES.join(', ')}`);
  return role;
}

/** `ML,ai` → `['ML', 'AI']`: upper-cased, de-duplicated. An empty list means every project. */
export function parseProjects(list: readonly string[] | string): string[] {
  const items = (typeof list === 'string' ? list.split(',') : list).map((p) => p.trim()).filter((p) => p !== '');
  for (const project of items) {
    if (!PROJECT_KEY.test(project)) {
      throw new InvalidTokenInputError(`"${project}" is not a project key such as ML or AI (a letter, then letters, digits or _)`);
    }
  }
  return [...new Set(items.map((p) => p.toUpperCase()))];
}
