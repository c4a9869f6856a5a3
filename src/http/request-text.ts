import { z } from 'zod';

/**
 * A query value as express hands it over: a repeated `?a=1&a=2` arrives as an array, which counts as not
 * given; an empty `?a=` stays text, so `schema` decides whether it is acceptable.
 */
export const queryText = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' ? value : undefined), schema);

/** A query value or form field where empty (`?from=`), repeated or non-text counts as not given. */
export const emptyAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value !== '' ? value : undefined), schema);
