import { representUser } from '../represent.js';
import type { Handler } from './handler.js';

export const getCurrentUser: Handler = (ctx) => {
  const user = ctx.state.user(ctx.callerAccountId);
  return {
    status: 200,
    body: {
      ...representUser(ctx.v3, user),
      emailAddress: user.emailAddress,
      locale: 'en_US',
      groups: { size: 0, items: [] },
      applicationRoles: { size: 0, items: [] },
      expand: 'groups,applicationRoles',
    },
  };
};

/** `GET /rest/api/3/user?accountId=`: a person's public profile (no e-mail, as for other users on Cloud). */
export const getUser: Handler = (ctx) => {
  const accountId = ctx.query.get('accountId');
  if (!accountId) return { status: 400, body: { errorMessages: ['The accountId query parameter needs to be provided.'], errors: {} } };
  return { status: 200, body: { ...representUser(ctx.v3, ctx.state.user(accountId)), locale: 'en_US', expand: 'groups,applicationRoles' } };
};
