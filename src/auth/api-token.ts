import type { Role } from '../domain/index.js';

/** A stored token as listings and the API see it: never the token itself, never its hash. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  /** Upper-cased project keys; empty means every project. */
  projects: string[];
  /** The first 8 characters of the token (`dg_` and 5 more), to recognise it. */
  tokenPrefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiToken {
  name: string;
  role: Role;
  projects?: readonly string[];
  /** Who created it (an operator's name, `cli`), for the audit trail. */
  createdBy?: string | null;
}

/** Who an authenticated request speaks for; the middleware puts it on `res.locals.principal`. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  projects: string[];
  /** A person signed in to the pages (OIDC or a sign-in link), not a script holding an API token. */
  session?: true;
}
