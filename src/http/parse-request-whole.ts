import type { Response } from 'express';
import type { z } from 'zod';
import { sendError } from './send-error.js';

/**
 * Parse a whole body or query, where every problem has one status and code, with the schema the OpenAPI
 * document describes it with. On failure, answer 400 with the first issue, named by its field (or by
 * `part` when it is the whole, such as an unknown key), and `hint`, which says what to send instead.
 */
export function parseRequestWhole<S extends z.ZodType>(
  res: Response,
  schema: S,
  input: unknown,
  problem: { code: string; part: 'body' | 'query'; hint: string },
): z.output<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  sendError(res, 400, problem.code, `${issue.path.join('.') || problem.part}: ${issue.message}${problem.hint}`);
  return undefined;
}
