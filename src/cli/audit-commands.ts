import { InvalidArgumentError, Option, type Command } from 'commander';
import { EXPORT_FORMATS } from '../audit/export-formats.js';
import type { Database } from '../store/database.js';
import type { AuditCommandDeps, AuditExportOptions, AuditVerifyOptions } from './run-audit-commands.js';

export type { AuditCommandDeps } from './run-audit-commands.js';

const positiveInt = (text: string): number => {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('a sequence number (1 or more)');
  return Number(text);
};
const sha256Hex = (text: string): string => {
  if (!/^[0-9a-f]{64}$/.test(text)) throw new InvalidArgumentError('64 lowercase hex digits');
  return text;
};

/** What the commands run (the chain checks, the exporters, the checkpoints, zod): loaded by an action, not by `--help`. */
const run = () => import('./run-audit-commands.js');

/** `donegate audit verify | export | checkpoint`: options and help here; the work in run-audit-commands.ts and audit-checkpoint.ts. */
export function registerAuditCommands(program: Command, deps: AuditCommandDeps): void {
  const { out, err } = deps;
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
    .description('the append-only audit log: verify its hash chain, export a period for auditors, sign checkpoints of its head')
    .configureOutput({ writeOut: (text) => out.write(text), writeErr: (text) => err.write(text) });

  audit
    .command('verify')
    .description('recompute the hash chain (of the database, or of a JSONL export with --file); exit 0 intact, 1 the first entry that does not match')
    .option('--from <seq>', 'start at this sequence number (default: the oldest entry kept)', positiveInt)
    .option('--prev-hash <sha256>', 'the prevHash the first entry must carry: the head hash of the archive that ends before it', sha256Hex)
    .option('--file <export.jsonl>', 'verify a JSONL export offline instead of the database')
    .option('--checkpoint <file>', 'a signed checkpoint (donegate audit checkpoint --out): the log must still hold the head it signed')
    .option('--public-key <file>', 'the public key to check checkpoint signatures with (default: the public half of AUDIT_SIGNING_KEY)')
    .option('--json', 'print the report as JSON')
    .option('--url <url>', 'ask a running donegate at this URL (default DONEGATE_URL) to verify its database, with an auditor or admin token in DONEGATE_TOKEN')
    .action(async (options: AuditVerifyOptions) => (await run()).verifyAudit(options, { ...deps, withDb }));

  audit
    .command('export')
    .description('stream a period of the audit log as JSONL (verifiable offline), CSV or a printable HTML report')
    .option('--from <date>', 'first day (2026-10-01) or instant (2026-10-01T00:00:00Z), UTC; default the first entry')
    .option('--to <date>', 'last day, included (2026-12-31), or an instant, excluded; default now')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('jsonl'))
    .option('--out <file>', 'write here instead of stdout')
    .action(async (options: AuditExportOptions) => (await run()).exportAuditPeriod(options, { ...deps, withDb }));

  audit
    .command('checkpoint')
    .description("sign the log's head (seq, hash, time) with the Ed25519 audit key, store it and print it (or write it to --out); keep a copy outside the database")
    .option('--out <file>', 'write the signed checkpoint here instead of stdout')
    .option('--public-key', 'print the public key (PEM) and its key id for auditors, and sign nothing')
    .action(async (options: { out?: string; publicKey?: boolean }) =>
      (await import('./audit-checkpoint.js')).signAuditCheckpoint(options, { withDb, signingKey: deps.signingKey, out, err, setExitCode: deps.setExitCode }),
    );
}
