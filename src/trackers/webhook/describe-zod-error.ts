import type { z } from 'zod';

/** "issue.key: Invalid input: expected string, received undefined" — names the field, never quotes a value. */
export function describeZodError(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
      return `${path === '' ? '(body)' : path}: ${issue.message}`;
    })
    .join('; ');
}
