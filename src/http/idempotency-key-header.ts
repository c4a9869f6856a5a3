import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { IdempotencyClaim } from '../evidence/idempotency-keys.js';
import { z } from 'zod';
import { sendError } from './send-error.js';

/** Long enough to be unguessable when random (a UUID is 36), short enough to bound what is stored. */
const KEY_SHAPE = /^[A-Za-z0-9_.:-]{16,128}$/;

/** The header as the OpenAPI document describes it; `readIdempotencyKey` applies the same shape. */
export const idempotencyKeyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(KEY_SHAPE)
    .optional()
    .meta({ description: 'A random key per upload (a UUID), the same on its retries: a repeat by the same token gets the first answer again, with `Idempotent-Replayed: true`, and stores nothing.' }),
});

/** The `Idempotency-Key` header: absent, well-formed, or the reason it is refused. */
export function readIdempotencyKey(req: Request): { ok: true; key?: string } | { ok: false; problem: string } {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return { ok: true };
  if (typeof raw === 'string' && KEY_SHAPE.test(raw)) return { ok: true, key: raw };
  return { ok: false, problem: 'Idempotency-Key must be 16 to 128 letters, digits, "-", "_", "." or ":" (a random UUID is one), sent once per request' };
}

/**
 * What makes two uploads the same request: their fields and the report's digest. Not the raw body: a
 * multipart body has a fresh boundary on every send.
 */
export function requestFingerprint(fields: Record<string, string | undefined>, report: Buffer): string {
  const names = ['tracker', 'ticket', 'criterion', 'format', 'source', 'ciRunUrl'] as const;
  const reportSha256 = createHash('sha256').update(report).digest('hex');
  return createHash('sha256')
    .update(JSON.stringify([...names.map((name) => fields[name] ?? null), reportSha256]))
    .digest('hex');
}

/** Answer a request whose key was seen before; false when it is the first and is to be handled. */
export function answerRepeatedKey(res: Response, claim: IdempotencyClaim): boolean {
  switch (claim.kind) {
    case 'first':
      return false;
    case 'replay':
      res.status(claim.answer.status).set('Idempotent-Replayed', 'true').json(claim.answer.body);
      return true;
    case 'in-progress':
      res.set('Retry-After', '1');
      sendError(res, 409, 'IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is still being handled; retry it in a moment');
      return true;
    case 'reused':
      sendError(res, 422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key came with a different upload; send a new key for each upload, and the same key only when retrying it');
      return true;
  }
}
