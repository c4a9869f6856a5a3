// What `donegate audit checkpoint` and `audit verify --checkpoint` run, loaded by their actions: the checkpoint schema (zod), its store and the signing key.
import type { KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { checkpointSchema, signatureProblem, signCheckpoint, type Checkpoint } from '../audit/checkpoint.js';
import { readHead, readStoredCheckpoints, storeCheckpoint } from '../audit/checkpoint-store.js';
import { parsePublicKey, SigningKeyError, keyIdOf, type SigningKey } from '../audit/signing-key.js';
import type { CheckpointResult, CheckpointToCheck } from '../audit/verify-audit-log.js';
import type { Database } from '../store/database.js';

export interface CheckpointCommandDeps {
  withDb: (work: (db: Database) => Promise<void>) => Promise<void>;
  /** The key from AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, if set. */
  signingKey: () => Promise<SigningKey | undefined>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  setExitCode: (code: number) => void;
}

/** Exit 2 with a message: something the operator must fix before anything can be checked. */
export class UsageProblem extends Error {
  override readonly name = 'UsageProblem';
}

const NO_KEY = 'no signing key: set AUDIT_SIGNING_KEY (PEM or base64 PKCS#8) or AUDIT_SIGNING_KEY_FILE to an Ed25519 key (openssl genpkey -algorithm ed25519 -out audit-signing.pem)';

/** `donegate audit checkpoint [--out FILE] | --public-key`: sign the log's head, or print the public key. */
export async function signAuditCheckpoint(options: { out?: string; publicKey?: boolean }, deps: CheckpointCommandDeps): Promise<void> {
  const key = await deps.signingKey().catch((error: unknown) => {
    if (error instanceof SigningKeyError) return error;
    throw error;
  });
  if (key === undefined || key instanceof SigningKeyError) {
    deps.err.write(`donegate: ${key?.message ?? NO_KEY}\n`);
    deps.setExitCode(2);
    return;
  }
  if (options.publicKey) {
    deps.out.write(`${String(key.publicKey.export({ type: 'spki', format: 'pem' })).trimEnd()}\n`);
    deps.err.write(`donegate: key id ${key.keyId}\n`);
    return;
  }
  await deps.withDb(async (db) => {
    const head = await readHead(db);
    if (!head) {
      deps.err.write('donegate: the audit log is empty: there is no head to sign\n');
      deps.setExitCode(1);
      return;
    }
    const checkpoint = signCheckpoint(head, key);
    const text = `${JSON.stringify(checkpoint)}\n`;
    if (options.out) {
      try {
        await writeFile(options.out, text, { flag: 'wx' });
      } catch (error) {
        deps.err.write(`donegate: cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)} (an existing file is never overwritten)\n`);
        deps.setExitCode(2);
        return;
      }
    } else deps.out.write(text);
    await storeCheckpoint(db, checkpoint);
    deps.err.write(`donegate: signed entry ${checkpoint.seq} (hash ${checkpoint.hash}) with key ${checkpoint.keyId}\n`);
  });
}

/** The public key to check signatures with: `--public-key FILE`, else the public half of the signing key. */
export async function publicKeyFor(file: string | undefined, signingKey: () => Promise<SigningKey | undefined>): Promise<KeyObject | undefined> {
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageProblem(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    try {
      return parsePublicKey(text);
    } catch (error) {
      throw new UsageProblem(`${file}: ${(error as Error).message}`);
    }
  }
  try {
    return (await signingKey())?.publicKey;
  } catch (error) {
    if (error instanceof SigningKeyError) throw new UsageProblem(error.message);
    throw error;
  }
}

/** A checkpoint file as `donegate audit checkpoint --out` wrote it. Unreadable or malformed: a UsageProblem. */
export async function readCheckpointFile(file: string): Promise<Checkpoint> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageProblem(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageProblem(`${file} is not JSON: expected a checkpoint written by donegate audit checkpoint`);
  }
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) throw new UsageProblem(`${file} is not a donegate audit checkpoint: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * The checkpoints to hold the log to: the file's (whose signature must verify) and every stored one.
 * A stored checkpoint signed with another key (before a rotation) is listed as not checked; one whose
 * signature fails with the current key is a finding, since only the key's holder can make one.
 */
export async function checkpointsToCheck(
  db: Database,
  file: { path: string; checkpoint: Checkpoint } | undefined,
  publicKey: KeyObject | undefined,
): Promise<{ toCheck: CheckpointToCheck[]; refused: CheckpointResult[]; notes: string[] }> {
  const toCheck: CheckpointToCheck[] = [];
  const refused: CheckpointResult[] = [];
  const notes: string[] = [];
  if (file) {
    const problem = publicKey ? signatureProblem(file.checkpoint, publicKey) : 'no public key to check its signature with';
    if (problem) refused.push({ origin: file.path, seq: file.checkpoint.seq, ok: false, problem: `${file.path}: ${problem}` });
    else toCheck.push({ origin: file.path, checkpoint: file.checkpoint });
  }
  let otherKey = 0;
  for (const stored of await readStoredCheckpoints(db)) {
    const origin = `stored checkpoint ${stored.id}`;
    if ('malformed' in stored) {
      refused.push({ origin, seq: 0, ok: false, problem: `${origin} is malformed (${stored.malformed}): only the database's owner can have written it` });
      continue;
    }
    const { checkpoint } = stored;
    if (publicKey && checkpoint.keyId !== keyIdOf(publicKey)) {
      otherKey += 1;
      continue;
    }
    const problem = publicKey ? signatureProblem(checkpoint, publicKey) : undefined;
    if (problem) refused.push({ origin, seq: checkpoint.seq, ok: false, problem: `${origin}: ${problem}` });
    else toCheck.push({ origin, checkpoint });
  }
  if (otherKey > 0) notes.push(`${otherKey} stored checkpoints were signed with another key and were not checked`);
  if (!publicKey && toCheck.length > 0) notes.push('stored checkpoints were compared without checking their signatures: set AUDIT_SIGNING_KEY or pass --public-key');
  return { toCheck, refused, notes };
}
