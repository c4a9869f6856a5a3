import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { InvalidPeriodError, parsePeriod } from '../audit/audit-period.js';
import { EXPORT_FORMATS, exportAudit, type ExportFormat } from '../audit/export-audit.js';
import { verifyAuditLog, type VerifyReport } from '../audit/verify-audit-log.js';
import { verifyExportFile, type FileVerifyReport } from '../audit/verify-export-file.js';
import type { Database } from '../store/database.js';

export interface AuditCommandDeps {
  /** A migrated database; closed after each command. */
  openDb: () => Promise<Database>;
  out: Writable;
  err: NodeJS.WritableStream;
  /** 0 verified or exported, 1 the chain is broken, 2 usage error or a file that cannot be read or written. */
  setExitCode: (code: number) => void;
}

const positiveInt = (text: string): number => {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('a sequence number (1 or more)');
  return Number(text);
};
const sha256Hex = (text: string): string => {
  if (!/^[0-9a-f]{64}$/.test(text)) throw new InvalidArgumentError('64 lowercase hex digits');
  return text;
};

/** `donegate audit verify | export`. */
export function registerAuditCommands(program: Command, deps: AuditCommandDeps): void {
  const { out, err, setExitCode } = deps;
  const withDb = async (work: (db: Database) => Promise<void>) => {
    const db = await deps.openDb();
    try {
      await work(db);
    } finally {
      await db.close();
    }
  };

  const audit = program
    .command('audit')
    .description("the append-only audit log: verify its hash chain, export a period for auditors")
    .configureOutput({ writeOut: (text) => out.write(text), writeErr: (text) => err.write(text) });

  audit
    .command('verify')
    .description('recompute the hash chain (of the database, or of a JSONL export with --file); exit 0 intact, 1 the first entry that does not match')
    .option('--from <seq>', 'start at this sequence number (default: the oldest entry kept)', positiveInt)
    .option('--prev-hash <sha256>', 'the prevHash the first entry must carry: the head hash of the archive that ends before it', sha256Hex)
    .option('--file <export.jsonl>', 'verify a JSONL export offline instead of the database')
    .option('--json', 'print the report as JSON')
    .action(async (options: { from?: number; prevHash?: string; file?: string; json?: boolean }) => {
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
      await withDb(async (db) => {
        const report = await verifyAuditLog(db, { ...(options.from !== undefined ? { fromSeq: options.from } : {}), ...(options.prevHash ? { prevHash: options.prevHash } : {}) });
        out.write(options.json ? `${JSON.stringify(report)}\n` : describeReport(report));
        setExitCode(report.ok ? 0 : 1);
      });
    });

  audit
    .command('export')
    .description('stream a period of the audit log as JSONL (verifiable offline), CSV or a printable HTML report')
    .option('--from <date>', 'first day (2026-10-01) or instant (2026-10-01T00:00:00Z), UTC; default the first entry')
    .option('--to <date>', 'last day, included (2026-12-31), or an instant, excluded; default now')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('jsonl'))
    .option('--out <file>', 'write here instead of stdout')
    .action(async (options: { from?: string; to?: string; format: ExportFormat; out?: string }) => {
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
      await withDb(async (db) => {
        const summary = await exportAudit(db, file ?? out, { format: options.format, period });
        if (file) {
          file.end();
          await finished(file);
        }
        err.write(`donegate: exported ${summary.count} audit entries${summary.headHash ? `; head hash ${summary.headHash}` : ''}\n`);
      });
    });
}

function describeReport(report: VerifyReport): string {
  if (!report.ok) return `audit log broken at entry ${report.break!.seq}: ${report.break!.problem}\n(${report.checked} entries before it verified)\n`;
  if (report.checked === 0) return 'audit log is empty: nothing to verify\n';
  const anchor = {
    genesis: 'the first entry follows the genesis hash (64 zeros)',
    'previous entry': `entry ${report.firstSeq} follows entry ${report.firstSeq! - 1}`,
    given: `entry ${report.firstSeq} follows the given prevHash`,
    unchecked: `entry ${report.firstSeq}'s prevHash is not checked (the entries before it are archived): pass --prev-hash with the archive's head hash`,
  }[report.anchor.source];
  return `audit log verified: ${report.checked} entries (${report.firstSeq}–${report.lastSeq}); ${anchor}\nhead hash ${report.headHash}\n`;
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
