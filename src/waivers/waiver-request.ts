import { z } from 'zod';
import { findTrackerPlugin, registeredTrackerSchema } from '../trackers/registry.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `POST /api/v1/waivers` body. `expires` is a calendar day: the waiver lasts to the end of that day (UTC). */
export const waiverRequestSchema = z
  .object({
    tracker: registeredTrackerSchema,
    ticket: z.string().min(1).max(200),
    criterion: z.string().min(1),
    advisories: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    reason: z.string().trim().min(1, 'say why the risk is accepted').max(2000),
    expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  })
  .strict()
  .superRefine((request, ctx) => {
    // The key's shape is the tracker's own: one pattern per plugin.
    const plugin = findTrackerPlugin(request.tracker);
    if (plugin && !plugin.keyPattern.test(request.ticket)) {
      ctx.addIssue({ code: 'custom', path: ['ticket'], message: `not a ${plugin.label} ticket key such as ${plugin.keyExample}` });
    }
  });

export type WaiverRequest = z.infer<typeof waiverRequestSchema>;

/**
 * The instant a waiver ending on `day` stops counting, or why the day is not acceptable: it must be a
 * real date, after today, and at most `maxDays` ahead (the policy's `waivers.maxDays`).
 */
export function waiverExpiry(day: string, now: Date, maxDays: number): { expiresAt: Date } | { problem: string } {
  const start = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== day) return { problem: `${day} is not a real date` };
  const expiresAt = new Date(start.getTime() + DAY_MS);
  if (expiresAt.getTime() <= now.getTime()) return { problem: `${day} is in the past` };
  const latest = new Date(now.getTime() + maxDays * DAY_MS);
  if (start.getTime() > latest.getTime()) {
    return { problem: `${day} is more than ${maxDays} days away; the policy allows waivers up to ${latest.toISOString().slice(0, 10)}` };
  }
  return { expiresAt };
}
