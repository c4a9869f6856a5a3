import type { Response } from 'express';

/** Every error answer has one shape: a stable code a client can branch on and a message that says the fix. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
