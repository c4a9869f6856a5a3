import { z } from 'zod';
import { hasExpired, isActive, type Waiver } from '../waivers/waiver.js';

/** A waiver as the API answers it (described in the OpenAPI document as `Waiver`). */
export const waiverViewSchema = z
  .object({
    id: z.string(),
    tracker: z.string(),
    ticket: z.string(),
    criterion: z.string(),
    advisories: z.array(z.string()).meta({ description: 'Empty: the whole criterion is waived.' }),
    reason: z.string(),
    approver: z.string().meta({ description: 'The token name (or tracker account) that approved it.' }),
    approvedVia: z.string().meta({ description: 'api (a token), ui (a person on the waivers page), or the tracker comment command it came from (jira-comment, …).' }),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    status: z.enum(['active', 'expired', 'revoked']),
    revoked: z
      .object({ by: z.string(), reason: z.string(), at: z.iso.datetime() })
      .optional()
      .meta({ description: 'Who revoked it, why and when; absent while it was never revoked.' }),
  })
  .meta({ id: 'Waiver' });

/** A waiver as the API answers it, with whether it counts at `now`. */
export function presentWaiver(waiver: Waiver, now: Date): z.infer<typeof waiverViewSchema> {
  return {
    id: waiver.id,
    tracker: waiver.tracker,
    ticket: waiver.ticketKey,
    criterion: waiver.criterion,
    advisories: waiver.advisories,
    reason: waiver.reason,
    approver: waiver.approver,
    approvedVia: waiver.approvedVia,
    expiresAt: waiver.expiresAt.toISOString(),
    createdAt: waiver.createdAt.toISOString(),
    status: isActive(waiver, now) ? 'active' : waiver.revoked && !hasExpired(waiver, waiver.revoked.at) ? 'revoked' : 'expired',
    ...(waiver.revoked ? { revoked: { by: waiver.revoked.by, reason: waiver.revoked.reason, at: waiver.revoked.at.toISOString() } } : {}),
  };
}
