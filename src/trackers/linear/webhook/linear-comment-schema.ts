import { z } from 'zod';

/**
 * The `data` of a Linear `Comment` `create` delivery, as far as donegate reads it. `userId` is absent for
 * comments an integration wrote; `issue` (with its identifier) is usually embedded but not promised.
 */
export const LinearCommentDataSchema = z.looseObject({
  id: z.string().min(1),
  body: z.string(),
  issueId: z.string().min(1),
  userId: z.string().min(1).nullish().catch(undefined),
  createdAt: z.string().optional().catch(undefined),
  issue: z.looseObject({ identifier: z.string().min(1) }).nullish().catch(undefined),
});

/** Just the body, read first: a plain comment is ignored whatever else its delivery carries. */
export const LinearCommentBodySchema = z.looseObject({ body: z.string() }).optional().catch(undefined);
