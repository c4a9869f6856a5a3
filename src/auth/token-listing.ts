import { z } from 'zod';
import { ROLES } from '../domain/index.js';
import type { ApiTokenRecord } from './api-token.js';

/**
 * A token as `donegate token list --json` and `GET /api/v1/tokens` show it: never the token, never its
 * hash. One schema, so the CLI reads back from the API exactly what it prints from the database.
 */
export const tokenListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  projects: z.array(z.string()),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenListing = z.infer<typeof tokenListingSchema>;

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
const date = (text: string | null): Date | null => (text === null ? null : new Date(text));

export function toTokenListing(record: ApiTokenRecord): TokenListing {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    projects: record.projects,
    prefix: record.tokenPrefix,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    lastUsedAt: iso(record.lastUsedAt),
    revokedAt: iso(record.revokedAt),
  };
}

export function fromTokenListing(listing: TokenListing): ApiTokenRecord {
  return {
    id: listing.id,
    name: listing.name,
    role: listing.role,
    projects: listing.projects,
    tokenPrefix: listing.prefix,
    createdAt: new Date(listing.createdAt),
    createdBy: listing.createdBy,
    lastUsedAt: date(listing.lastUsedAt),
    revokedAt: date(listing.revokedAt),
  };
}
