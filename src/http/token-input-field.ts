import { z } from 'zod';
import { InvalidTokenInputError } from '../auth/token-errors.js';

/**
 * A zod transform from one of the token-input parsers (`parseRole`, `parseProjects`, …), so a route reads
 * those fields with its schema: the parser's refusal becomes an issue on the field, with its message.
 */
export function tokenInputField<I, O>(parse: (input: I) => O) {
  return (input: I, ctx: z.core.$RefinementCtx<I>): O => {
    try {
      return parse(input);
    } catch (error) {
      if (!(error instanceof InvalidTokenInputError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, input });
      return z.NEVER;
    }
  };
}
