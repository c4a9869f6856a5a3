import { z } from 'zod';

/**
 * What came of moving a ticket back. A failed move carries the tracker's own words: `explanation`
 * (what is missing, e.g. "no workflow transition leads from Done to In Progress") and `fix` (who can
 * change what in that tracker), because only the tracker knows how its workflows are administered.
 * It is also a job checkpoint, so a retried job does not move the ticket twice.
 */
export const moveOutcomeSchema = z.union([
  z.object({
    moved: z.literal(true),
    toStatusId: z.string(),
    toStatusName: z.string().optional(),
    transitionId: z.string().optional(),
  }),
  z.object({
    moved: z.literal(false),
    reason: z.literal('no-transition'),
    explanation: z.string(),
    fix: z.string(),
  }),
]);

export type MoveOutcome = z.infer<typeof moveOutcomeSchema>;
