import { z } from 'zod';

/**
 * Parsers for single environment values, shared by `loadConfig` and by each tracker plugin's env
 * schema, so every variable is read the same way and every problem names its variable.
 */
export const nonEmpty = z.string().trim().min(1);

/** Unset, empty or blank → `undefined`; otherwise the trimmed value. */
export const optionalNonEmpty = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** A whole number given as text; unset or empty → `fallback`. */
export const wholeNumber = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? String(fallback) : value.trim()))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number'))
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** `a.example,b.example:8443`; unset or empty → `fallback`. Hosts only: no scheme, path or wildcard. */
export const hostList = (fallback: string[]) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== ''))
    .transform((hosts) => (hosts.length === 0 ? fallback : hosts))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'must be host names such as uploads.linear.app, without scheme or path')));
