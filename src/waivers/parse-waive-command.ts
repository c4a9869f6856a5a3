import { COMMAND_PREFIX, isDonegateCommand } from '../domain/index.js';

/** A well-formed `/donegate waive …` comment. `until` is only checked for its format here. */
export interface WaiveCommand {
  criterion: string;
  advisories: string[];
  /** YYYY-MM-DD; whether it is a real day within the policy's limit is `waiverExpiry`'s call. */
  until: string;
  reason: string;
}

export type ParsedWaiveCommand = { ok: true; command: WaiveCommand } | { ok: false; problem: string };

const ADVISORY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const MAX_ADVISORIES = 100;
const MAX_REASON = 2000;
/** Bounds what a problem message quotes from the comment: a reply must never replay the command. */
const quote = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

/**
 * Read `/donegate waive <criterion> [advisory ids…] until YYYY-MM-DD: <reason>`. Pure: the problems it
 * reports are short and say which part is wrong, so the reply can add the syntax and nothing else.
 *
 * @example
 * parseWaiveCommand('/donegate waive dependency-audit GHSA-p6mc-m468-83gw until 2026-12-31: build-time only', ['dependency-audit'])
 * // → { ok: true, command: { criterion: 'dependency-audit', advisories: ['GHSA-p6mc-m468-83gw'], until: '2026-12-31', reason: 'build-time only' } }
 */
export function parseWaiveCommand(text: string, knownCriteria: readonly string[]): ParsedWaiveCommand {
  const fail = (problem: string): ParsedWaiveCommand => ({ ok: false, problem });
  if (!isDonegateCommand(text)) return fail(`a command starts with ${COMMAND_PREFIX}`);
  const rest = text.trimStart().slice(COMMAND_PREFIX.length).trim();
  const verb = /^(\S+)\s*([\s\S]*)$/.exec(rest);
  if (!verb) return fail('the command is missing: donegate understands "waive"');
  if (verb[1]!.toLowerCase() !== 'waive') return fail(`unknown command ${quote(verb[1]!)}: donegate understands only "waive"`);

  const untilAt = /(^|\s)until(\s+|$)/i.exec(verb[2]!);
  if (!untilAt) return fail('"until YYYY-MM-DD" is missing');
  const [written, ...advisories] = verb[2]!.slice(0, untilAt.index).trim().split(/\s+/).filter(Boolean);
  if (written === undefined) return fail('the criterion is missing');
  const criterion = written.toLowerCase();
  if (!knownCriteria.includes(criterion)) return fail(`unknown criterion ${quote(written)}; known criteria: ${knownCriteria.join(', ')}`);
  const badAdvisory = advisories.find((id) => !ADVISORY_ID.test(id));
  if (badAdvisory !== undefined) return fail(`${quote(badAdvisory)} is not an advisory id (such as GHSA-p6mc-m468-83gw or CVE-2024-1234)`);
  if (advisories.length > MAX_ADVISORIES) return fail(`at most ${MAX_ADVISORIES} advisory ids per waiver`);

  const tail = verb[2]!.slice(untilAt.index + untilAt[0].length);
  const dated = /^(\S+?)\s*:([\s\S]*)$/.exec(tail);
  const until = (dated?.[1] ?? tail.trim().split(/\s+/)[0]) || '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return fail(until === '' ? 'the date after "until" is missing' : 'the date after "until" must be written YYYY-MM-DD');
  if (!dated) return fail('the reason is missing: write it after a colon following the date');
  const reason = dated[2]!.trim();
  if (reason === '') return fail('the reason is missing: say why the risk is accepted after the colon');
  if (reason.length > MAX_REASON) return fail(`the reason is longer than ${MAX_REASON} characters`);
  return { ok: true, command: { criterion, advisories, until, reason } };
}
