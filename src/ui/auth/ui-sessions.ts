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
