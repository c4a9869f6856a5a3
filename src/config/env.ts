import { z } from 'zod';
import type { ArtifactConfig } from '../artifacts/artifact-config.js';
import { nonEmpty, optionalNonEmpty, wholeNumber } from '../env/env-values.js';
import { linkHostList } from '../env/link-host-list.js';
import { parseOidcRoleMap, type OidcRoleMap } from '../auth/oidc-role-map.js';
import { TRACKER_PLUGINS } from '../trackers/registry.js';
import type { AnyTrackerPlugin } from '../trackers/tracker-plugin.js';

const envSchema = z.object({
  PORT: wholeNumber(3000, 0, 65535),
  /** The `worker` role's own port for `/metrics`, `/healthz` and `/readyz`; unset → `PORT` (a receiver in the same process serves them on its port). */
  METRICS_PORT: optionalNonEmpty.pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().max(65535)).optional()),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  DATABASE_URL: optionalNonEmpty.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** The role that owns the tables and runs migrations; DATABASE_URL is then the runtime role, which may only insert into the audit tables. */
  DATABASE_OWNER_URL: optionalNonEmpty.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** The role migrations grant the service's privileges to; unset → the user in DATABASE_URL when DATABASE_OWNER_URL is set. */
  DATABASE_RUNTIME_ROLE: optionalNonEmpty.pipe(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL role name').optional()),
  /** `false`: the service never migrates; run `donegate migrate` (as the owner) first. */
  MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
  /** Ed25519 key that signs audit checkpoints: PEM, or base64 of the PKCS#8 DER. Or AUDIT_SIGNING_KEY_FILE. */
  AUDIT_SIGNING_KEY: optionalNonEmpty,
  AUDIT_SIGNING_KEY_FILE: optionalNonEmpty,
  /** The service signs a checkpoint once this many entries were appended since the last, or … */
  AUDIT_CHECKPOINT_EVERY_ENTRIES: wholeNumber(1000, 1),
  /** … once this many minutes passed with at least one new entry. */
  AUDIT_CHECKPOINT_EVERY_MINUTES: wholeNumber(60, 1),
  /** Also append each checkpoint, one JSON line, to this file (keep it off the database host). */
  AUDIT_CHECKPOINT_FILE: optionalNonEmpty,
  /** Also write each checkpoint as an object under this `s3://bucket/prefix`, under S3 Object Lock. */
  AUDIT_CHECKPOINT_S3_URI: optionalNonEmpty.pipe(z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'must be s3://bucket or s3://bucket/prefix').optional()),
  /** Object Lock retention (compliance mode) of each checkpoint object, in days. */
  AUDIT_CHECKPOINT_RETAIN_DAYS: wholeNumber(400, 1),
  /** `off`: the first start on a store without tokens makes no initial admin token. */
  INITIAL_ADMIN_TOKEN: z.enum(['on', 'off']).default('on'),
  /** Write the initial admin token to this file (mode 0600) instead of printing it on stderr. */
  INITIAL_ADMIN_TOKEN_FILE: optionalNonEmpty,
  DATA_DIR: nonEmpty.default('./.donegate'),
  POLICY_FILE: nonEmpty.default('config/policy.yaml'),
  WEBHOOK_MAX_BYTES: wholeNumber(5 * 1024 * 1024, 1),
  /** Uploaded evidence reports; CodeQL SARIF for a large repository runs to tens of MB. */
  EVIDENCE_MAX_BYTES: wholeNumber(25 * 1024 * 1024, 1),
  /** Reports attached to tickets are downloaded up to this size; larger ones are skipped, never buffered. */
  ATTACHMENT_MAX_BYTES: wholeNumber(10 * 1024 * 1024, 1),
  /** Vendor security pages comments may link to, besides osv.dev, GitHub advisories, NVD and cve.org. */
  ADVISORY_LINK_HOSTS: linkHostList,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** BullMQ key prefix. With Redis Cluster use a hash tag, e.g. `{donegate}`, so a queue's keys share a slot. */
  QUEUE_PREFIX: nonEmpty.default('donegate'),
  WORKER_CONCURRENCY: wholeNumber(8, 1),
  /** Attempts of each notification job before it is given up (with exponential backoff, or Slack's Retry-After). */
  NOTIFICATION_ATTEMPTS: wholeNumber(8, 1, 20),
  /** S3-compatible stores (MinIO, Ceph, R2): their endpoint; unset → AWS S3. */
  S3_ENDPOINT: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** `true` for stores that need `endpoint/bucket/key` addressing (MinIO, Ceph usually do). */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /** A KMS-compatible endpoint for resolving key aliases; unset → AWS KMS, unless S3_ENDPOINT names a store outside AWS. */
  KMS_ENDPOINT: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** S3 Control, to read the account-level Block Public Access; unset → AWS, unless S3_ENDPOINT names a store outside AWS. */
  S3_CONTROL_ENDPOINT: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** STS, to learn the account (GetCallerIdentity); unset → AWS STS in AWS_REGION, as S3_CONTROL_ENDPOINT. */
  STS_ENDPOINT: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Read by the AWS SDK too; named here so a bad value is reported at start-up with the others. */
  AWS_REGION: optionalNonEmpty.pipe(z.string().regex(/^[a-z0-9-]+$/, 'must be a region such as eu-west-1').optional()),
  /** A GCS emulator or private endpoint, e.g. `http://127.0.0.1:4443`; unset → storage.googleapis.com. */
  GCS_API_ENDPOINT: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Artifacts without a stored full-object sha256 are streamed and hashed up to this size (2 GiB). */
  ARTIFACT_HASH_MAX_BYTES: wholeNumber(2 * 1024 * 1024 * 1024, 1),
  /** Each storage request (S3, GCS) gives up after this long without an answer. */
  ARTIFACT_CHECK_TIMEOUT_MS: wholeNumber(15_000, 100),
  /** The address people open donegate at, behind its proxy; its scheme decides `Secure` cookies. */
  UI_PUBLIC_URL: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  UI_SESSION_IDLE_MINUTES: wholeNumber(60, 1, 24 * 60),
  UI_SESSION_MAX_HOURS: wholeNumber(12, 1, 30 * 24),
  /** Sign-in through an OpenID Connect provider (Okta, Entra ID, Keycloak…); unset → sign-in links only. */
  OIDC_ISSUER_URL: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalNonEmpty,
  OIDC_CLIENT_SECRET: optionalNonEmpty,
  OIDC_CLIENT_SECRET_FILE: optionalNonEmpty,
  OIDC_SCOPES: nonEmpty.default('openid email profile'),
  OIDC_ROLE_CLAIM: nonEmpty.default('groups'),
  OIDC_ROLE_MAP: optionalNonEmpty,
  OIDC_PROJECTS_CLAIM: optionalNonEmpty,
  /** The IdP's name on the sign-in button; unset → the issuer's host. */
  OIDC_DISPLAY_NAME: optionalNonEmpty,
});

/** A tracker the environment switches on, with the settings its plugin read from it. */
export interface EnabledTracker {
  plugin: AnyTrackerPlugin;
  /** What `plugin.env.schema` made of the environment; only the plugin reads it. */
  settings: unknown;
}

export type { ArtifactConfig };

export interface Config {
  port: number;
  /** `METRICS_PORT`: where a worker without the receiver serves `/metrics` and health. */
  metricsPort?: number;
  redisUrl: string;
  /** Unset → the embedded PGlite database under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  policyFile: string;
  /** The trackers whose variables are all set, in `TRACKER_PLUGINS` order. None set → none on. */
  trackers: EnabledTracker[];
  webhookMaxBytes: number;
  evidenceMaxBytes: number;
  attachmentMaxBytes: number;
  /** Extra hosts (or host/path prefixes) a comment may link to: the vendor's own security pages. */
  advisoryLinkHosts: string[];
  logLevel: string;
  queuePrefix: string;
  workerConcurrency: number;
  notificationAttempts: number;
  /** The `NOTIFY_*` variables (and their `_FILE` forms): the secrets the policy's notification channels name. */
  notifyEnv: Record<string, string>;
  artifacts: ArtifactConfig;
  /** Runs migrations (`DATABASE_OWNER_URL`); unset → DATABASE_URL's role does, as it owns the tables. */
  databaseOwnerUrl?: string;
  /** The role the migrations grant INSERT/SELECT-only access to the audit tables. */
  databaseRuntimeRole?: string;
  migrateOnStart: boolean;
  auditCheckpoints: AuditCheckpointConfig;
  /** The admin token made on the first start of a store with no token (README "Running it"). */
  initialAdminToken: { enabled: boolean; file?: string };
  ui: UiConfig;
}

/** Sign-in to the web app under /ui (README "For PMs and auditors"). */
export interface UiConfig {
  /** `UI_PUBLIC_URL` without a trailing slash; sign-in links and the OIDC redirect URI are built on it. */
  publicUrl?: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  oidc?: OidcConfig;
}

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string;
  clientSecretFile?: string;
  scopes: string;
  roleClaim: string;
  roleMap: OidcRoleMap;
  projectsClaim?: string;
  displayName: string;
}

/** Signed checkpoints of the audit log's head (see README, "For auditors"). */
export interface AuditCheckpointConfig {
  signingKey?: string;
  signingKeyFile?: string;
  everyEntries: number;
  everyMinutes: number;
  file?: string;
  s3?: { bucket: string; prefix: string; retainDays: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parse the environment once, at startup. Every problem is reported at once, each naming its
 * variable, so an operator fixes the deployment in one pass.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, plugins: readonly AnyTrackerPlugin[] = TRACKER_PLUGINS): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
  }
  const trackers: EnabledTracker[] = [];
  for (const plugin of plugins) {
    const tracker = readTrackerSettings(plugin, env, problems);
    if (tracker) trackers.push(tracker);
  }
  const ui = parsed.success ? readUiConfig(parsed.data, problems) : undefined;
  if (problems.length > 0 || !parsed.success || !ui) {
    throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    ...(e.METRICS_PORT === undefined ? {} : { metricsPort: e.METRICS_PORT }),
    redisUrl: e.REDIS_URL,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.DATABASE_OWNER_URL ? { databaseOwnerUrl: e.DATABASE_OWNER_URL } : {}),
    ...(e.DATABASE_RUNTIME_ROLE ? { databaseRuntimeRole: e.DATABASE_RUNTIME_ROLE } : {}),
    migrateOnStart: e.MIGRATE_ON_START === 'true',
    initialAdminToken: { enabled: e.INITIAL_ADMIN_TOKEN === 'on', ...(e.INITIAL_ADMIN_TOKEN_FILE ? { file: e.INITIAL_ADMIN_TOKEN_FILE } : {}) },
    ui,
    auditCheckpoints: {
      ...(e.AUDIT_SIGNING_KEY ? { signingKey: e.AUDIT_SIGNING_KEY } : {}),
      ...(e.AUDIT_SIGNING_KEY_FILE ? { signingKeyFile: e.AUDIT_SIGNING_KEY_FILE } : {}),
      everyEntries: e.AUDIT_CHECKPOINT_EVERY_ENTRIES,
      everyMinutes: e.AUDIT_CHECKPOINT_EVERY_MINUTES,
      ...(e.AUDIT_CHECKPOINT_FILE ? { file: e.AUDIT_CHECKPOINT_FILE } : {}),
      ...(e.AUDIT_CHECKPOINT_S3_URI ? { s3: { ...splitS3Uri(e.AUDIT_CHECKPOINT_S3_URI), retainDays: e.AUDIT_CHECKPOINT_RETAIN_DAYS } } : {}),
    },
    dataDir: e.DATA_DIR,
    policyFile: e.POLICY_FILE,
    trackers,
    webhookMaxBytes: e.WEBHOOK_MAX_BYTES,
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    advisoryLinkHosts: e.ADVISORY_LINK_HOSTS,
    logLevel: e.LOG_LEVEL,
    queuePrefix: e.QUEUE_PREFIX,
    workerConcurrency: e.WORKER_CONCURRENCY,
    notificationAttempts: e.NOTIFICATION_ATTEMPTS,
    notifyEnv: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[0].startsWith('NOTIFY_') && typeof entry[1] === 'string')),
    artifacts: {
      ...(e.S3_ENDPOINT ? { s3Endpoint: e.S3_ENDPOINT } : {}),
      s3ForcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
      ...(e.KMS_ENDPOINT ? { kmsEndpoint: e.KMS_ENDPOINT } : {}),
      ...(e.S3_CONTROL_ENDPOINT ? { s3ControlEndpoint: e.S3_CONTROL_ENDPOINT } : {}),
      ...(e.STS_ENDPOINT ? { stsEndpoint: e.STS_ENDPOINT } : {}),
      ...(e.AWS_REGION ? { awsRegion: e.AWS_REGION } : {}),
      ...(e.GCS_API_ENDPOINT ? { gcsApiEndpoint: e.GCS_API_ENDPOINT } : {}),
      hashMaxBytes: e.ARTIFACT_HASH_MAX_BYTES,
      timeoutMs: e.ARTIFACT_CHECK_TIMEOUT_MS,
    },
  };
}

/**
 * The web app's sign-in settings. OIDC is on when OIDC_ISSUER_URL is set, and then needs the client id, the
 * public URL (for the redirect URI) and a role map; the issuer must be https except on this machine (tests).
 */
function readUiConfig(e: z.infer<typeof envSchema>, problems: string[]): UiConfig | undefined {
  const publicUrl = e.UI_PUBLIC_URL?.replace(/\/+$/, '');
  const ui: UiConfig = { ...(publicUrl ? { publicUrl } : {}), sessionIdleMinutes: e.UI_SESSION_IDLE_MINUTES, sessionMaxHours: e.UI_SESSION_MAX_HOURS };
  if (e.OIDC_ISSUER_URL === undefined) return ui;
  const before = problems.length;
  const issuer = new URL(e.OIDC_ISSUER_URL);
  if (issuer.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)) problems.push('OIDC_ISSUER_URL: must be https (http only for a provider on this machine)');
  if (e.OIDC_CLIENT_ID === undefined) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER_URL: the client id of donegate\'s app registration at the IdP');
  if (publicUrl === undefined) problems.push('UI_PUBLIC_URL: required with OIDC_ISSUER_URL: the redirect URI is UI_PUBLIC_URL/ui/auth/callback');
  if (e.OIDC_CLIENT_SECRET !== undefined && e.OIDC_CLIENT_SECRET_FILE !== undefined) problems.push('OIDC_CLIENT_SECRET_FILE: set it or OIDC_CLIENT_SECRET, not both');
  if (!e.OIDC_SCOPES.split(/\s+/).includes('openid')) problems.push('OIDC_SCOPES: must include openid');
  const roles = e.OIDC_ROLE_MAP === undefined ? { problems: ['required with OIDC_ISSUER_URL, such as security-leads=admin,approvers=approver,auditors=auditor,*=viewer'] } : parseOidcRoleMap(e.OIDC_ROLE_MAP);
  if ('problems' in roles) problems.push(...roles.problems.map((problem) => `OIDC_ROLE_MAP: ${problem}`));
  if (problems.length > before || 'problems' in roles || e.OIDC_CLIENT_ID === undefined) return undefined;
  return {
    ...ui,
    oidc: {
      issuerUrl: e.OIDC_ISSUER_URL,
      clientId: e.OIDC_CLIENT_ID,
      ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : {}),
      ...(e.OIDC_CLIENT_SECRET_FILE ? { clientSecretFile: e.OIDC_CLIENT_SECRET_FILE } : {}),
      scopes: e.OIDC_SCOPES,
      roleClaim: e.OIDC_ROLE_CLAIM,
      roleMap: roles.map,
      ...(e.OIDC_PROJECTS_CLAIM ? { projectsClaim: e.OIDC_PROJECTS_CLAIM } : {}),
      displayName: e.OIDC_DISPLAY_NAME ?? issuer.host,
    },
  };
}

/** `s3://bucket/some/prefix` → bucket and `some/prefix/` (empty for the bucket's root). */
function splitS3Uri(uri: string): { bucket: string; prefix: string } {
  const [bucket = '', ...path] = uri.slice('s3://'.length).split('/');
  const prefix = path.join('/').replace(/^\/+|\/+$/g, '');
  return { bucket, prefix: prefix === '' ? '' : `${prefix}/` };
}

/**
 * A tracker is on when all of its switch variables are set, off when none of them nor of its companions
 * is; anything in between is a problem naming the missing switches. An enabled tracker's own variables are checked by its plugin's schema, and
 * each problem names its variable.
 */
function readTrackerSettings(plugin: AnyTrackerPlugin, env: NodeJS.ProcessEnv, problems: string[]): EnabledTracker | undefined {
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const switches = plugin.env.switches;
  const missing = switches.filter((name) => !isSet(name));
  const present = [...switches, ...(plugin.env.companions ?? [])].filter(isSet);
  if (present.length === 0) return undefined;
  if (missing.length > 0) {
    problems.push(
      `${plugin.label} is partly configured: set ${missing.join(', ')} too (or unset ${present.join(', ')} to turn ${plugin.label} off)`,
    );
    return undefined;
  }
  const parsed = plugin.env.schema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
    return undefined;
  }
  return { plugin, settings: parsed.data };
}

/** The settings of an enabled tracker, or undefined when the environment leaves it off. */
export function settingsOf(config: Pick<Config, 'trackers'>, name: string): unknown {
  return config.trackers.find((tracker) => tracker.plugin.name === name)?.settings;
}
