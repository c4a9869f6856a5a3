import { SIGN_IN_LINK_MAX_DAYS } from './sign-in-links.js';
import type { Role } from '../domain/index.js';
import { InvalidTokenInputError } from './token-errors.js';
import { parseRole } from './token-input.js';

const HOUR_MS = 3_600_000;

/**
 * How long a sign-in link stays usable: `7d`, `36h`; at most 30 days.
 * @example parseLinkLifetime('7d') // 604800000
 * @throws InvalidTokenInputError with the fix
 */
export function parseLinkLifetime(text: string): number {
  const match = /^(\d{1,4})([dh])$/.exec(text.trim());
  if (!match) throw new InvalidTokenInputError(`--expires "${text.slice(0, 40)}" is not a lifetime; write days or hours, such as 7d or 12h`);
  const ms = Number(match[1]) * (match[2] === 'd' ? 24 * HOUR_MS : HOUR_MS);
  if (ms <= 0) throw new InvalidTokenInputError('a sign-in link must live at least 1h');
  if (ms > SIGN_IN_LINK_MAX_DAYS * 24 * HOUR_MS) throw new InvalidTokenInputError(`a sign-in link lives at most ${SIGN_IN_LINK_MAX_DAYS}d; make a new one when it runs out`);
  return ms;
}

/** Who the link is for, as the pages show it: trimmed, 1–100 characters, no control characters. */
export function parseLinkName(text: string): string {
  const name = text.trim();
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new InvalidTokenInputError('--name is who the link is for, such as "Priya (PM)": 1 to 100 characters, no control characters');
  }
  return name;
}

/** A person's role: any but `ci`, which is for pipelines and their tokens. */
export function parseLinkRole(text: string): Role {
  const role = parseRole(text);
  if (role === 'ci') throw new InvalidTokenInputError('a sign-in link is for a person: use viewer, auditor, approver or admin (ci is for pipeline tokens)');
  return role;
}
