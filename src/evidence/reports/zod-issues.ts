import type { z } from 'zod';
import { InvalidReportError } from './report-errors.js';

/** `runs[0].results[3].ruleId` — the way a reader would find it in the file. */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$@][\w$@-]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === '' ? 'the top level' : text;
}

/**
 * Parse with a schema and turn the first problems into one InvalidReportError. Real reports carry many
 * fields we never read; schemas only describe what the parsers use, so only those can fail.
 */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, formatLabel: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const more = issues.length > 1 ? `; and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}` : '';
  throw new InvalidReportError(formatLabel, `${first?.message ?? 'does not match the format'}${more}`, pathText(first?.path ?? []));
}
