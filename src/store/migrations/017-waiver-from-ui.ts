import type { Migration } from './migration.js';

/**
 * Waivers made on the waivers page by someone signed in (OIDC or a sign-in link) are recorded as `ui`,
 * not `api`, so an auditor can tell a person in a browser from a script holding a token.
 */
export const waiverFromUi: Migration = {
  id: 17,
  name: 'waivers approved in the browser',
  sql: `
    ALTER TABLE waivers DROP CONSTRAINT waivers_approved_via_shape;
    ALTER TABLE waivers ADD CONSTRAINT waivers_approved_via_shape
      CHECK (approved_via IN ('api', 'ui') OR approved_via ~ '^[a-z][a-z0-9-]{0,31}-comment$');
  `,
};
