import type { Response } from 'express';
import { z } from 'zod';

/** Every error answer has one shape: a stable code a client can branch on and a message that says the fix. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, upper-case code to branch on, such as INVALID_WAIVER or FORBIDDEN_ROLE.' }),
      message: z.string().meta({ description: 'What went wrong and how to fix it; for people, not for parsing.' }),
    }),
  })
  .meta({ id: 'Error' });

export function sendError(res: Response, status: number, code: string, message: string): void {
  const body: z.infer<typeof apiErrorSchema> = { error: { code, message } };
  res.status(status).json(body);
}
