import { isScopeTracker } from './project-key.js';
import { ROLES, type Role } from '../domain/index.js';
import { TRACKER_NAMES } from '../trackers/registry.js';
import { isRole } from './roles.js';
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

/**
 * A token's project scopes: `ML,ai,linear:Data` → `['ML', 'AI', 'linear:DATA']`. A bare key covers that
 * project in every tracker; `jira:ML` / `linear:ML` only in that tracker (Jira project ML and Linear team ML
 * are different teams' work). Keys upper-cased, trackers lower-cased, de-duplicated. Empty: every project.
 */
export function parseProjects(list: readonly string[] | string): string[] {
  return [...new Set(splitList(list).map(parseScope))];
}

/** Bare project keys only (`?project=ML,AI` filters): upper-cased, de-duplicated. */
export function parseProjectKeys(list: readonly string[] | string): string[] {
  return [...new Set(splitList(list).map(parseProjectKey))];
}

function splitList(list: readonly string[] | string): string[] {
  return (typeof list === 'string' ? list.split(',') : list).map((p) => p.trim()).filter((p) => p !== '');
}

function parseScope(text: string): string {
  const colon = text.indexOf(':');
  if (colon < 0) return parseProjectKey(text);
  const tracker = text.slice(0, colon).trim().toLowerCase();
  if (!isScopeTracker(tracker)) {
    const forms = TRACKER_NAMES.map((name) => `${name}:KEY`).join(', ');
    throw new InvalidTokenInputError(`"${text}" names no tracker donegate knows; write ${forms}, or a bare KEY for every tracker`);
  }
  return `${tracker}:${parseProjectKey(text.slice(colon + 1).trim())}`;
}

function parseProjectKey(text: string): string {
  if (!PROJECT_KEY.test(text)) {
    throw new InvalidTokenInputError(`"${text}" is not a project key such as ML or AI (a letter, then letters, digits or _)`);
  }
  return text.toUpperCase();
}
