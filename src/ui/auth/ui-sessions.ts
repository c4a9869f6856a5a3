import type { Request, Response } from 'express';
import type { Principal } from '../../auth/api-token.js';

/**
 * Signed-in browser sessions (cookie), as the pages see them. The sign-in methods (OIDC, sign-in links) make
 * sessions; the pages only ask who the request speaks for and check CSRF tokens on their forms.
 */
export interface UiSessions {
  /** The session's principal and CSRF token, or undefined when the request carries no live session. */
  current(req: Request, res: Response): Promise<{ principal: Principal; csrfToken: string } | undefined>;
}

/** How someone signed in: the IdP's subject (never their e-mail) or the sign-in link's id. */
export type SignInMethod = { kind: 'oidc'; issuer: string; subject: string } | { kind: 'link'; linkId: string };

/** Who a new session speaks for, once a sign-in method vouched for them. */
export interface SignedInPerson {
  /** E-mail or name, as the header shows it. */
  name: string;
  role: Principal['role'];
  projects: readonly string[];
  method: SignInMethod;
}

/** The sessions the sign-in routes make and end; the pages see only `UiSessions`. */
export interface UiSessionStore extends UiSessions {
  /** Always a new id (no fixation): any session the browser already had is revoked first. Sets the cookie. */
  start(req: Request, res: Response, person: SignedInPerson): Promise<{ principal: Principal }>;
  /** Revokes the request's session, if any, and clears the cookie; returns the principal it spoke for. */
  end(req: Request, res: Response): Promise<Principal | undefined>;
}
