// What the audit commands run, loaded by their actions in audit-commands.ts: the chain checks, the
// exporters, the checkpoint store and their zod schemas.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { InvalidPeriodError, parsePeriod } from '../audit/audit-period.js';
import type { Checkpoint } from '../audit/checkpoint.js';
import { exportAudit } from '../audit/export-audit.js';
import type { ExportFormat } from '../audit/export-formats.js';
import type { SigningKey } from '../audit/signing-key.js';
import { verifyAuditLog, type VerifyReport } from '../audit/verify-audit-log.js';
import { verifyExportFile, type FileVerifyReport } from '../audit/verify-export-file.js';
import type { Database } from '../store/database.js';
import { serviceUrlOf } from './api-client.js';
import { checkpointsToCheck, publicKeyFor, readCheckpointFile, UsageProblem } from './audit-checkpoint.js';

export interface AuditCommandDeps {
  /** A migrated database; closed after each command. */
  openDb: () => Promise<Database>;
  out: Writable;
  err: NodeJS.WritableStream;
  /** 0 verified or exported, 1 the chain is broken, 2 usage error or a file that cannot be read or written. */
  setExitCode: (code: number) => void;
  /** The checkpoint signing key (AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE), if one is configured. */
  signingKey: () => Promise<SigningKey | undefined>;
  /** Where `DONEGATE_URL` and `DONEGATE_TOKEN` are read for `verify --url`; default none. */
  env?: NodeJS.ProcessEnv;
}

export interface AuditVerifyOptions {
  from?: number;
  prevHash?: string;
  file?: string;
  checkpoint?: string;
  publicKey?: string;
  json?: boolean;
  url?: string;
}

export interface AuditExportOptions {
  from?: string;
  to?: string;
  format: ExportFormat;
  out?: string;
}

/** What the actions get besides the command's deps: the database for one piece of work, closed after it. */
export interface AuditRunDeps extends AuditCommandDeps {
  withDb: (work: (db: Database) => Promise<void>) => Promise<void>;
}

/** `donegate audit verify`: the database, a running service's (`--url`) or a JSONL export (`--file`). */
export async function verifyAudit(options: AuditVerifyOptions, deps: AuditRunDeps): Promise<void> {
  const { out, err, setExitCode } = deps;
  if (options.file) {
    let report: FileVerifyReport;
    try {
      report = await verifyExportFile(options.file);
    } catch (error) {
      // A file that cannot be read says nothing about the chain: exit 2, not 1.
      if (!isFileSystemError(error)) throw error;
      err.write(`donegate: cannot read ${options.file}: ${error.code}\n`);
      setExitCode(2);
      return;
    }
    out.write(options.json ? `${JSON.stringify(report)}\n` : describeFileReport(options.file, report));
    setExitCode(report.ok ? 0 : 1);
    return;
  }
  const url = serviceUrlOf(options.url, deps.env ?? {});
  if (url !== undefined) {
    if (options.checkpoint !== undefined || options.publicKey !== undefined) {
      err.write('donegate: --checkpoint and --public-key read local files: run them without --url (and without DONEGATE_URL) where the database can be opened\n');
      setExitCode(2);
      return;
    }
    const result = await (await import('./audit-verify-api.js')).verifyThroughService(url, deps.env ?? {}, options);
    if (!result.ok) {
      err.write(`donegate: ${result.message}\n`);
      setExitCode(result.exitCode);
      return;
    }
    out.write(options.json ? `${JSON.stringify({ ...result.body, notes: [] })}\n` : describeReport(result.body, []));
    setExitCode(result.body.ok ? 0 : 1);
    return;
  }
  let publicKey: KeyObject | undefined;
  let file: { path: string; checkpoint: Checkpoint } | undefined;
  try {
    publicKey = await publicKeyFor(options.publicKey, deps.signingKey);
    if (options.checkpoint !== undefined) {
      file = { path: options.checkpoint, checkpoint: await readCheckpointFile(options.checkpoint) };
      if (!publicKey) throw new UsageProblem('--checkpoint needs a public key to check its signature: pass --public-key FILE or set AUDIT_SIGNING_KEY');
    }
  } catch (error) {
    if (!(error instanceof UsageProblem)) throw error;
    err.write(`donegate: ${error.message}\n`);
    setExitCode(2);
    return;
  }
  await deps.withDb(async (db) => {
    const { toCheck, refused, notes } = await checkpointsToCheck(db, file, publicKey);
    const verified = await verifyAuditLog(db, {
      ...(options.from !== undefined ? { fromSeq: options.from } : {}),
      ...(options.prevHash ? { prevHash: options.prevHash } : {}),
      checkpoints: toCheck,
    });
    const checkpoints = [...refused, ...(verified.checkpoints ?? [])];
    const report: VerifyReport = { ...verified, ok: verified.ok && refused.length === 0, ...(checkpoints.length > 0 ? { checkpoints } : {}) };
    out.write(options.json ? `${JSON.stringify({ ...report, notes })}\n` : describeReport(report, notes));
    setExitCode(report.ok ? 0 : 1);
  });
}

/** `donegate audit export`: a period of the log as JSONL, CSV or HTML, to stdout or `--out`. */
export async function exportAuditPeriod(options: AuditExportOptions, deps: AuditRunDeps): Promise<void> {
  const { out, err, setExitCode } = deps;
  let period;
  try {
    period = parsePeriod(options.from, options.to);
  } catch (error) {
    if (!(error instanceof InvalidPeriodError)) throw error;
    err.write(`donegate: ${error.message}\n`);
    setExitCode(2);
    return;
  }
  let file: WriteStream | undefined;
  if (options.out) {
    try {
      file = await openForWriting(options.out);
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      err.write(`donegate: cannot write ${options.out}: ${error.code}\n`);
      setExitCode(2);
      return;
    }
  }
  await deps.withDb(async (db) => {
    const summary = await exportAudit(db, file ?? out, { format: options.format, period });
    if (file) {
      file.end();
      await finished(file);
    }
    err.write(`donegate: exported ${summary.count} audit entries${summary.headHash ? `; head hash ${summary.headHash}` : ''}\n`);
  });
}

function describeReport(report: VerifyReport, notes: string[]): string {
  const failedCheckpoints = (report.checkpoints ?? []).filter((c) => !c.ok);
  const badRows = report.rows?.problems ?? [];
  const extra = [
    ...failedCheckpoints.map((c) => `checkpoint not satisfied (${c.origin}): ${c.problem}`),
    ...badRows.map((r) => `record changed: ${r.problem}`),
    ...notes.map((n) => `note: ${n}`),
    ...unchainedNote(report),
  ].map((line) => `${line}\n`).join('');
  if (report.break && report.lastSeq !== undefined) {
    return `audit log NOT verified: ${report.break.problem}\n(entries ${report.firstSeq}–${report.lastSeq} chain to one another, but nothing anchors the first of them)\n${extra}`;
  }
  if (report.break) return `audit log broken at entry ${report.break.seq}: ${report.break.problem}\n(${report.checked} entries before it verified)\n${extra}`;
  if (!report.ok) return `audit log NOT verified: ${report.checked} entries chain correctly, but:\n${extra}`;
  if (report.checked === 0) return `audit log is empty: nothing to verify\n${extra}`;
  const anchor = {
    genesis: 'the first entry follows the genesis hash (64 zeros)',
    'previous entry': `entry ${report.firstSeq} follows entry ${report.firstSeq! - 1}`,
    given: `entry ${report.firstSeq} follows the given prevHash`,
    unchecked: `entry ${report.firstSeq}'s prevHash is not checked (the entries before it are archived): pass --prev-hash with the archive's head hash`,
  }[report.anchor.source];
  const held = (report.checkpoints ?? []).length;
  const rows = report.rows && report.rows.checked > 0 ? `; ${report.rows.checked} decision, evidence and waiver records match their entries` : '';
  return `audit log verified: ${report.checked} entries (${report.firstSeq}–${report.lastSeq}); ${anchor}${held > 0 ? `; holds the heads of ${held} signed checkpoints` : ''}${rows}\nhead hash ${report.headHash}\n${extra}`;
}

function unchainedNote(report: VerifyReport): string[] {
  const counts = Object.entries(report.rows?.unchained ?? {}).filter(([, n]) => n > 0);
  if (counts.length === 0) return [];
  return [`note: records no audit entry vouches for (written before records were chained, or not by donegate): ${counts.map(([table, n]) => `${n} ${table}`).join(', ')}`];
}

function describeFileReport(file: string, report: FileVerifyReport): string {
  if (report.break) return `${file}: broken at entry ${report.break.seq}: ${report.break.problem}\n(${report.checked} entries before it verified)\n`;
  if (!report.ok) return `${file}: not verified: ${report.problem}\n`;
  if (report.checked === 0) return `${file}: verified, no entries\n`;
  return `${file}: verified ${report.checked} entries (${report.firstSeq}–${report.lastSeq}), starting from prevHash ${report.prevHash}\nhead hash ${report.headHash} (compare it with the head hash donegate reports for entry ${report.lastSeq})\n`;
}

/** A failed system call on a file (ENOENT, EACCES, EISDIR…). Duck-typed: such errors may come from another realm. */
const isFileSystemError = (error: unknown): error is NodeJS.ErrnoException & { code: string } =>
  typeof error === 'object' && error !== null && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';

/** The stream once the file is open, so a bad path fails here rather than mid-export. */
function openForWriting(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path);
    stream.once('open', () => resolve(stream));
    stream.once('error', reject);
  });
}
