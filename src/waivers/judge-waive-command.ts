import type { Policy } from '../policy/policy.js';
import type { TrackerName } from '../domain/index.js';
import { findTrackerPlugin } from '../trackers/registry.js';
import { parseWaiveCommand } from './parse-waive-command.js';
import { WAIVE_COMMAND_SYNTAX } from './waive-command-syntax.js';
import type { NewWaiver } from './waiver.js';
import { waiverExpiry } from './waiver-request.js';

export interface WaiveCommandInput {
  tracker: TrackerName;
  ticketKey: string;
  authorId: string;
  text: string;
}

/** A waiver to store, or the reply saying why not (with the syntax) and a reason for the audit trail. */
export type WaiveCommandVerdict = { ok: true; waiver: NewWaiver } | { ok: false; reason: string; reply: string };

const SYNTAX_LINE = `Syntax: \`${WAIVE_COMMAND_SYNTAX}\``;

/**
 * Decide a `/donegate waive` comment: its author must be one of the policy's approvers for the tracker,
 * the command well formed, the criterion known and the date within `waivers.maxDays`. Replies never
 * repeat the comment (only a short fragment of a wrong word), so they can never read as a command.
 */
export function judgeWaiveCommand(
  input: WaiveCommandInput,
  context: { policy: Policy; knownCriteria: readonly string[]; now: Date },
): WaiveCommandVerdict {
  const { waivers } = context.policy;
  const plugin = findTrackerPlugin(input.tracker);
  // A tracker the policy lists no approvers for has none: nobody there can waive.
  const approvers = Object.hasOwn(waivers.approvers, input.tracker) ? (waivers.approvers[input.tracker] ?? []) : [];
  if (!plugin || !approvers.includes(input.authorId)) {
    return {
      ok: false,
      reason: `waive command by ${input.authorId}, who is not an approver (waivers.approvers.${input.tracker})`,
      reply: `donegate: only the approvers listed in donegate's policy (\`waivers.approvers.${input.tracker}\`) can waive a criterion, so no waiver was created.\n${SYNTAX_LINE}`,
    };
  }
  const refuse = (problem: string): WaiveCommandVerdict => ({
    ok: false,
    reason: `waive command refused: ${problem}`,
    reply: `donegate: no waiver was created: ${problem}.\n${SYNTAX_LINE}`,
  });
  const parsed = parseWaiveCommand(input.text, context.knownCriteria);
  if (!parsed.ok) return refuse(parsed.problem);
  const { command } = parsed;
  const expiry = waiverExpiry(command.until, context.now, waivers.maxDays);
  if ('problem' in expiry) return refuse(expiry.problem);
  return {
    ok: true,
    waiver: {
      tracker: input.tracker,
      ticketKey: input.ticketKey,
      criterion: command.criterion,
      advisories: command.advisories,
      reason: command.reason,
      approver: input.authorId,
      approvedVia: plugin.waiverCommand.approvedVia,
      expiresAt: expiry.expiresAt,
    },
  };
}
