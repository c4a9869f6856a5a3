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
