import { z } from 'zod';
import { notificationEventKindSchema } from '../domain/notification-event.js';
import { keyList } from '../trackers/key-list.js';
import { TRACKER_BASICS_LIST } from '../trackers/tracker-basics-list.js';

/**
 * A rule's `match`: one optional block per registered tracker (`jira: { projects: [ML] }`, each checked
 * by its plugin's schema), plus labels and issue types, which any tracker's tickets may carry.
 */
export interface RuleMatch {
  labels?: string[];
  /** Only tickets that have an issue type (Jira's) are held to it; others are not excluded by it. */
  issueTypes?: string[];
  /** `match.<tracker>`: what that tracker's plugin parsed. */
  [tracker: string]: unknown;
}

const matchSchema = z
  .object({
    ...Object.fromEntries(TRACKER_BASICS_LIST.map((plugin) => [plugin.name, plugin.policyMatch.schema.optional()])),
    labels: keyList.optional(),
    issueTypes: keyList.optional(),
  })
  .strict() as unknown as z.ZodType<RuleMatch>;

const approverList = z.array(z.string().trim().min(1)).default([]);
const noApprovers = (): Record<string, string[]> => Object.fromEntries(TRACKER_BASICS_LIST.map((plugin) => [plugin.name, []]));

/** `- pii-scan` or `- dependency-audit: { failOn: high }`: options are checked against the criterion later. */
const requirementSchema = z.union([
  z.string().trim().min(1),
  z.record(z.string(), z.unknown()).refine((entry) => Object.keys(entry).length === 1, {
    message: 'a requirement is a criterion id, or a map with exactly one criterion id and its options',
  }),
]);

const ruleSchema = z
  .object({
    name: z.string().trim().min(1),
    match: matchSchema,
    mode: z.enum(['block', 'warn']).default('block'),
    require: z.array(requirementSchema).min(1),
  })
  .strict();

/** Who may accept a risk, and for how long at most. */
const waiversSchema = z
  .object({
    maxDays: z.number().int().min(1).max(365).default(90),
    /** Per tracker, the accounts whose `/donegate waive` comments create waivers (Jira accountIds, Linear user ids, …). */
    approvers: z
      .object(Object.fromEntries(TRACKER_BASICS_LIST.map((plugin) => [plugin.name, approverList])))
      .strict()
      .default(noApprovers) as unknown as z.ZodDefault<z.ZodType<Record<string, string[]>>>,
  })
  .strict();

/**
 * An account that may vouch for a report by attaching it: `jira:<accountId>`, `linear:<userId>`, or a bare
 * id (Jira accountIds and Linear UUIDs never collide, so a bare id is unambiguous).
 */
const attachingAccount = z
  .string()
  .trim()
  .min(1)
  .max(140)
  .regex(/^\S+$/, 'an account id has no spaces: jira:<accountId>, linear:<userId>, or the bare id');

/**
 * What counts as evidence besides uploads with a token. Installation-wide on purpose: who may vouch for
 * a report is a trust decision about people, not about a kind of ticket, so a rule cannot widen it.
 */
const evidenceSchema = z
  .object({
    /** Reports attached to a ticket count only when attached by one of these accounts. Default: no one. */
    attachments: z.object({ from: z.array(attachingAccount).default([]) }).strict().default({ from: [] }),
  })
  .strict();

/**
 * The name of the environment variable that holds a channel's secret (a webhook URL, a token, a signing
 * key). Secrets never sit in the policy file; the `NOTIFY_` prefix keeps a policy from pointing a channel at
 * another of donegate's secrets (the database URL, a tracker token) and sending it out.
 */
const secretVariable = z
  .string()
  .regex(/^NOTIFY_[A-Z0-9_]{1,80}$/, 'name an environment variable starting with NOTIFY_ (e.g. NOTIFY_SLACK_SECURITY_URL); secrets never go in the policy');

/** `daily`: collect this channel's events and send one summary a day at `digestHourUtc`, instead of one message each. */
const digest = z.enum(['daily']).optional();

// A union, not a discriminated one: two Slack shapes share the kind (a webhook URL, or a bot token and a channel).
const channelSchema = z.union([
  z.object({ kind: z.literal('slack'), webhookUrlEnv: secretVariable, digest }).strict(),
  z
    .object({
      kind: z.literal('slack'),
      tokenEnv: secretVariable,
      /** The Slack channel id (`C0123…`) a bot token posts to with chat.postMessage. */
      channel: z.string().regex(/^[A-Z0-9]{5,30}$/, 'a Slack channel id, like C0123ABCD'),
      digest,
    })
    .strict(),
  z.object({ kind: z.literal('webhook'), urlEnv: secretVariable, secretEnv: secretVariable, digest }).strict(),
]);

const routeSchema = z
  .object({
    /** Like a rule's `match`; absent, the route takes every ticket. */
    match: matchSchema.optional(),
    channels: z.array(z.string().trim().min(1)).min(1),
    events: z.array(notificationEventKindSchema).min(1).default([...notificationEventKindSchema.options]),
  })
  .strict();

/** Who hears about blocks and expiring waivers. Absent: nobody is notified. */
const notificationsSchema = z
  .object({
    channels: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a channel name is lower-case letters, digits and dashes'), channelSchema).default({}),
    routes: z.array(routeSchema).default([]),
    /** A waiver is announced once when it has this many days or fewer left. */
    waiverExpiryDays: z.number().int().min(1).max(90).default(7),
    /** The UTC hour (0–23) at which daily digests go out. */
    digestHourUtc: z.number().int().min(0).max(23).default(9),
  })
  .strict()
  .superRefine((value, context) => {
    value.routes.forEach((route, index) => {
      for (const channel of route.channels) {
        if (!(channel in value.channels)) {
          context.addIssue({ code: 'custom', path: ['routes', index, 'channels'], message: `no channel named "${channel}" under notifications.channels` });
        }
      }
    });
  });

const noNotifications = () => ({ channels: {}, routes: [], waiverExpiryDays: 7, digestHourUtc: 9 });

/** The policy file as written. Unknown keys are errors: a misspelt key must not quietly weaken the gate. */
export const policyFileSchema = z
  .object({
    version: z.literal(1),
    waivers: waiversSchema.default(() => ({ maxDays: 90, approvers: noApprovers() })),
    evidence: evidenceSchema.default({ attachments: { from: [] } }),
    rules: z.array(ruleSchema).min(1),
    notifications: notificationsSchema.default(noNotifications),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type WaiverPolicy = z.infer<typeof waiversSchema>;
export type EvidencePolicy = z.infer<typeof evidenceSchema>;
export type NotificationPolicy = z.infer<typeof notificationsSchema>;
export type NotificationChannel = z.infer<typeof channelSchema>;

/**
 * `from: ci` in a requirement's options (`- dependency-audit: { failOn: high, from: ci }`): only evidence
 * uploaded with a `ci` token counts for that criterion. Read by the policy loader, never by the criterion.
 */
export const requirementFromSchema = z.enum(['ci'], { message: 'from takes one value: ci (only evidence uploaded with a ci token counts)' });
export type RequirementFrom = z.infer<typeof requirementFromSchema>;
