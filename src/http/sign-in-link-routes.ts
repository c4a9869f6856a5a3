import express, { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { signInLinkCreatedEvent, tokenActor } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import { principalOf } from '../auth/principal-of.js';
import { parseLinkLifetime, parseLinkName, parseLinkRole } from '../auth/sign-in-link-input.js';
import type { SignInLinks } from '../auth/sign-in-links.js';
import { parseProjects } from '../auth/token-input.js';
import { ROLES } from '../domain/index.js';
import { errorResponse } from './openapi/error-response.js';
import { jsonBodyResponses } from './openapi/json-body-responses.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestWhole } from './parse-request-whole.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { sendError } from './send-error.js';
import { tokenInputField } from './token-input-field.js';

export interface SignInLinkRouteDeps {
  auth: RequireTokenDeps;
  links: SignInLinks;
  audit: AuditLog;
  /** `UI_PUBLIC_URL`; unset → links cannot be made (there is no address to put in them). */
  publicUrl?: string;
  now?: () => Date;
}

const BODY_LIMIT = '16kb';

/** `POST /api/v1/sign-in-links` body, read as `donegate link create` reads its flags. */
const createLinkSchema = z
  .object({
    role: z.string().max(40).meta({ description: 'One of viewer, auditor, approver, admin (any case).' }).transform(tokenInputField(parseLinkRole)),
    expires: z.string().max(20).meta({ description: 'How long the link stays usable: 7d, 12h; at most 30d.' }).transform(tokenInputField(parseLinkLifetime)),
    name: z.string().max(200).meta({ description: 'Who it is for, as pages show them: "Priya (PM)". Default: "<role> (sign-in link)".' }).transform(tokenInputField(parseLinkName)).optional(),
    projects: z
      .union([z.array(z.string().max(200)).max(200), z.string().max(4000)])
      .meta({ description: 'Project scopes, as for tokens: ["ML"] or "ML,jira:AI". Absent or empty: every project.' })
      .default([])
      .transform(tokenInputField(parseProjects)),
  })
  .strict();

export const linkRecordSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), projects: z.array(z.string()), createdBy: z.string(), createdAt: z.string(), expiresAt: z.string() });

/**
 * `POST /api/v1/sign-in-links` (`tokens:manage`): a one-use sign-in link to the web app, for someone without
 * single sign-on; 201 with the URL, shown this once. Audited as `sign-in-link-created`.
 */
export function createSignInLinkRoutes(deps: SignInLinkRouteDeps): Router {
  const router = Router();
  router.post('/sign-in-links', requireToken(deps.auth, 'tokens:manage'), express.json({ limit: BODY_LIMIT }), async (req, res) => {
    const input = parseRequestWhole(res, createLinkSchema, req.body, { code: 'INVALID_SIGN_IN_LINK', part: 'body', hint: '; send {"role": "viewer", "expires": "7d", "name": "Priya (PM)", "projects": ["ML"]}' });
    if (!input) return;
    if (deps.publicUrl === undefined) {
      sendError(res, 409, 'UI_PUBLIC_URL_UNSET', 'set UI_PUBLIC_URL on the service (the address people open donegate at); links are built on it');
      return;
    }
    const actor = tokenActor(principalOf(res).name);
    const now = deps.now?.() ?? new Date();
    const { secret, record } = await deps.links.create({
      name: input.name ?? `${input.role} (sign-in link)`,
      role: input.role,
      projects: input.projects,
      expiresAt: new Date(now.getTime() + input.expires),
      createdBy: actor,
    });
    await deps.audit.append(signInLinkCreatedEvent(record, actor));
    deps.auth.log.info({ linkId: record.id, role: record.role, by: actor }, 'sign-in link created');
    res.setHeader('cache-control', 'no-store');
    res.status(201).json({
      url: `${deps.publicUrl}/ui/link/${secret}`,
      record: { ...record, createdAt: record.createdAt.toISOString(), expiresAt: record.expiresAt.toISOString() },
    });
  });
  return router;
}

export const signInLinkPaths: ZodOpenApiPathsObject = {
  '/sign-in-links': {
    post: needsPermission('tokens:manage', {
      operationId: 'createSignInLink',
      summary: 'Create a sign-in link to the web app',
      description: 'As `donegate link create`: a link that signs one person in to /ui once, until it expires; only its sha256 is stored. Recorded in the audit log as `sign-in-link-created`.',
      requestBody: { required: true, content: { 'application/json': { schema: createLinkSchema } } },
      responses: {
        201: {
          description: 'The link, shown this once (`cache-control: no-store`), and its record.',
          content: { 'application/json': { schema: z.object({ url: z.string().meta({ description: 'UI_PUBLIC_URL/ui/link/dgl_…; send it to the person, it cannot be shown again.' }), record: linkRecordSchema }) } },
        },
        ...jsonBodyResponses(BODY_LIMIT, { codes: ['INVALID_SIGN_IN_LINK'], when: 'The role, lifetime, name or projects are not acceptable, or the body has other fields' }),
        409: errorResponse(['UI_PUBLIC_URL_UNSET'], 'The service has no UI_PUBLIC_URL to build the link on'),
      },
    }),
  },
};
