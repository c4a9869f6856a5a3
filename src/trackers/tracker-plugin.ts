import type { z } from 'zod';
import type { Ticket, TrackerName, VerdictComment } from '../domain/index.js';
import type { Tracker } from './tracker.js';
import type { TrackerReceiver } from './tracker-receiver.js';

/** Settings every tracker may use, read once from the environment by `loadConfig`. */
export interface SharedTrackerSettings {
  /** `ADVISORY_LINK_HOSTS`: extra hosts a comment may link to. */
  advisoryLinkHosts: readonly string[];
}

/** What a webhook route needs from a tracker's settings. */
export interface WebhookSettings {
  /** The signing secret the receiver checks every delivery against. */
  secret: string;
  /** Signed deliveries older than this are recorded as replays and never acted on; unset → the receiver's default. */
  maxAgeMs?: number;
  /** Status names the operator declared done, for deliveries that cannot say so themselves (GitHub Projects board options). */
  doneStatusNames?: readonly string[];
}

/**
 * One tracker, whole: everything donegate needs to know about it, in one object. The list of these
 * (`TRACKER_PLUGINS` in `registry.ts`) is the only place that names trackers; routes, configuration,
 * the policy's `match` and `waivers.approvers`, job schemas, the CLI's `--tracker`, log redaction and
 * attachment checks are derived from it. Adding a tracker is: a folder `src/trackers/<name>/` that
 * exports its plugin from `plugin.ts`, and one line in `TRACKER_PLUGINS`.
 *
 * `Settings` is what `env.schema` makes of the environment; only this plugin reads it. `Match` is what
 * `policyMatch.schema` makes of the policy's `match.<name>` block.
 *
 * Building blocks: `src/trackers/webhook/` (signature HMAC, payload parsing, delivery ids, the
 * `WebhookRequestError` a normaliser throws), `src/trackers/key-list.ts` (policy key lists),
 * `src/trackers/render/` (comment and reply rendering), `src/env/` (env value parsers). A tracker's
 * folder may import only the layers below `trackers` (see `dependency-layers.json`).
 *
 * @example
 * export const githubPlugin: TrackerPlugin<GithubSettings> = {
 *   name: 'github',
 *   label: 'GitHub',
 *   env: { switches: ['GITHUB_WEBHOOK_SECRET'], companions: ['GITHUB_APP_ID', ...], variables: [...], schema: githubEnvSchema },
 *   createTracker: (settings, shared) => createGithubTracker(settings, shared),
 *   receiver: githubReceiver,
 *   webhookSettings: (settings) => ({ secret: settings.webhookSecret }),
 *   renderComment: verdictToMarkdown,
 *   keyPattern: /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+#\d+$/,
 *   keyExample: 'acme/ml#42',
 *   projectOfKey: (key) => key.slice(0, key.indexOf('#')),
 *   policyMatch: { schema: z.object({ repos: keyList }).strict(), example: '{ repos: [acme/ml] }', matches: (m, ticket) => … },
 *   waiverCommand: { approvedVia: 'github-comment', approverIdHint: 'GitHub user ids' },
 *   attachmentSources: ['github-link'],
 *   redactHeaders: ['x-hub-signature-256'],
 * };
 */
export interface TrackerPlugin<Settings = unknown, Match = unknown> {
  /** Lower-case and URL-safe: the route `POST /webhooks/<name>`, the policy key `match.<name>`, job payloads, audit entries. */
  readonly name: TrackerName;
  /** How people write it ("Jira", "GitHub"), for messages. */
  readonly label: string;
  readonly env: {
    /**
     * The variables that switch the tracker on. All set → on; none set → off; some set → a startup
     * error naming the missing ones.
     */
    readonly switches: readonly string[];
    /**
     * Variables that are not switches (because they come in alternative forms, like a token or an
     * App's credentials) yet mean nothing while the tracker is off: one of them set with no switch is
     * the same startup error as a missing switch, so a half-done set-up never leaves the tracker silently off.
     */
    readonly companions?: readonly string[];
    /** Every variable the tracker reads, switches included, for the documentation and `--help`. */
    readonly variables: readonly string[];
    /**
     * Parses the whole environment into this tracker's settings. Run only when every switch is set;
     * its problems are reported with the rest of the configuration, each naming its variable.
     */
    readonly schema: z.ZodType<Settings>;
  };
  /** The tracker client, built once at startup from its settings. */
  createTracker(settings: Settings, shared: SharedTrackerSettings): Tracker;
  /** The tracker half of `POST /webhooks/<name>`: headers, signature check, normaliser, how the tracker is answered. */
  readonly receiver: TrackerReceiver;
  /** The receiver's secret and replay window, from the settings. */
  webhookSettings(settings: Settings): WebhookSettings;
  /** The verdict comment in the tracker's own format (ADF document, Markdown, …). */
  renderComment(comment: VerdictComment): unknown;
  /**
   * A ticket key as people write it on this tracker (`ML-142`). Routes and waiver requests check keys
   * against it, then upper-case them, as decisions, waivers and evidence are stored: a tracker whose keys
   * may hold lower case should give `Ticket.key` upper-cased too, or the API will not find its tickets.
   */
  readonly keyPattern: RegExp;
  /** One key in that pattern, for messages ("ML-142"). */
  readonly keyExample: string;
  /** The project (team, repository, …) a key belongs to: what API tokens are scoped to. */
  projectOfKey(key: string): string;
  /** The policy's `match.<name>` block: its schema, and whether a ticket of this tracker falls under it. */
  readonly policyMatch: {
    readonly schema: z.ZodType<Match>;
    /** A short example for messages ("{ projects: [ML] }"). */
    readonly example: string;
    matches(match: Match, ticket: Ticket): boolean;
  };
  /** How a `/donegate waive` comment on this tracker is attributed. Approvers are listed under `waivers.approvers.<name>`. */
  readonly waiverCommand: {
    /** Stored as the waiver's `approved_via`, e.g. `jira-comment`. */
    readonly approvedVia: string;
    /** What the ids in `waivers.approvers.<name>` are, for messages ("Jira accountIds"). */
    readonly approverIds: string;
  };
  /** The `source` values of this tracker's `TicketAttachment`s and `TicketLink`s; a download from any other source is refused. */
  readonly attachmentSources: readonly string[];
  /** Request headers that carry secrets on this tracker's webhook (lower-case): logged as "[redacted]". */
  readonly redactHeaders: readonly string[];
}

/**
 * The part of a plugin that needs no client library: names, keys, the policy's `match` block, waiver
 * attribution, redaction. Each tracker keeps it in its own `<name>-basics.ts`, which imports no SDK, so
 * the policy, `policy check` and `--tracker` checks load without jira.js, octokit or @linear/sdk.
 */
export type TrackerBasics<Match = unknown> = Pick<
  TrackerPlugin<unknown, Match>,
  'name' | 'label' | 'keyPattern' | 'keyExample' | 'projectOfKey' | 'policyMatch' | 'waiverCommand' | 'attachmentSources' | 'redactHeaders'
>;

/** A plugin whose settings and match types are its own business: what the registry holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTrackerPlugin = TrackerPlugin<any, any>;
