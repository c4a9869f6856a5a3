import type { Response } from 'express';
import type { Principal } from './api-token.js';

/** Thrown when a handler asks for the principal on a route that `requireToken` does not guard: a wiring bug. */
export class MissingPrincipalError extends Error {
  override readonly name = 'MissingPrincipalError';
  constructor() {
    super('no principal on res.locals: mount requireToken(...) before this handler');
  }
}

/** The principal `requireToken` authenticated for this request, typed. */
export function principalOf(res: Response): Principal {
  const principal: unknown = res.locals.principal;
  if (typeof principal !== 'object' || principal === null || !('tokenId' in principal)) throw new MissingPrincipalError();
  return principal as Principal;
}
