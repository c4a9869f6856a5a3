import * as crypto from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import { keyIdOf, type SigningKey } from './signing-key.js';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A signed statement that the log's head was entry `seq` with hash `hash` at `time`. The signature is
 * Ed25519 over the UTF-8 of canonicalJson of every other field; `keyId` names the key (see keyIdOf).
 */
export const checkpointSchema = z.strictObject({
  format: z.literal('donegate-audit-checkpoint'),
  version: z.literal(1),
  seq: z.number().int().positive(),
  hash: sha256Hex,
  time: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.base64(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export interface Head {
  seq: number;
  hash: string;
  time: string;
}

const signedText = (checkpoint: Omit<Checkpoint, 'signature'>): Buffer =>
  Buffer.from(
    canonicalJson({ format: checkpoint.format, version: checkpoint.version, seq: checkpoint.seq, hash: checkpoint.hash, time: checkpoint.time, keyId: checkpoint.keyId }),
    'utf8',
  );

export function signCheckpoint(head: Head, key: SigningKey): Checkpoint {
  const unsigned = { format: 'donegate-audit-checkpoint' as const, version: 1 as const, seq: head.seq, hash: head.hash, time: head.time, keyId: key.keyId };
  return { ...unsigned, signature: crypto.sign(null, signedText(unsigned), key.privateKey).toString('base64') };
}

/** Why the signature cannot be trusted with this public key, or undefined when it verifies. */
export function signatureProblem(checkpoint: Checkpoint, publicKey: crypto.KeyObject): string | undefined {
  const keyId = keyIdOf(publicKey);
  if (checkpoint.keyId !== keyId) return `it was signed with key ${checkpoint.keyId}, not with the public key given (${keyId})`;
  const ok = crypto.verify(null, signedText(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  return ok ? undefined : `its signature does not verify with key ${keyId}: the checkpoint was altered or forged`;
}
