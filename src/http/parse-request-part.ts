import type { Response } from 'express';
import type { z } from 'zod';
import { sendError } from './send-error.js';

/** The answer to a field that does not parse: its status and stable error code. */
export interface FieldProblem {
  status: 400 | 404;
  code: string;
  /** Put before the schema's message, e.g. `ciRunUrl`, when the message does not name the field itself. */
  label?: string;
}

/**
 * Parse one part of a request (query, path params, form fields) with the schema the OpenAPI document
 * describes it with. On failure, answer with the status and code of the first failing field in the order
 * of `problems` (so precedence is written down, not left to zod's order), and the schema's own message.
 * Every field of the schema has a problem entry, or this does not compile.
 */
export function parseRequestPart<S extends z.ZodType<unknown, Record<string, unknown>>>(
  res: Response,
  schema: S,
  input: unknown,
  problems: { readonly [K in keyof z.input<S> & string]-?: FieldProblem },
): z.output<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = Object.keys(problems) as Array<keyof typeof problems>;
  const issues = parsed.error.issues;
  const field = fields.find((name) => issues.some((issue) => issue.path[0] === name)) ?? fields[0]!;
  const issue = issues.find((candidate) => candidate.path[0] === field) ?? issues[0]!;
  const problem = problems[field];
  sendError(res, problem.status, problem.code, problem.label ? `${problem.label}: ${issue.message}` : issue.message);
  return undefined;
}
