// zod-openapi (over @asteasolutions/zod-to-openapi): it reads zod 4's own `.meta()` and JSON Schema output,
// so our schemas need no patched `.openapi()` method or separate registry, and each route module can export
// a plain paths object that this builder merges; it writes OpenAPI 3.1 and describes a schema's input side
// for requests and its output side for responses.
import { ROLES } from '../../domain/index.js';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { scannerVersion } from '../../scan/scanner-version.js';
import { auditPaths } from '../audit-routes.js';
import { auditVerifyPaths } from '../audit-verify-route.js';
import { decisionPaths } from '../decision-routes.js';
import { evidencePaths } from '../evidence-routes.js';
import { failingTicketPaths } from '../failing-ticket-routes.js';
import { policyPaths } from '../policy-routes.js';
import { tokenPaths } from '../token-routes.js';
import { signInLinkPaths } from '../sign-in-link-routes.js';
import { waiverAdminPaths } from '../waiver-admin-routes.js';
import { waiverPaths } from '../waiver-routes.js';
import { BEARER_SCHEME } from './needs-permission.js';
import { openApiDocumentPaths } from './openapi-route.js';

/** Where the described paths are mounted: every key of the paths objects is relative to it. */
export const API_BASE = '/api/v1';

/** Each `/api/v1` route module's description of its own routes. */
const ROUTE_PATHS: readonly ZodOpenApiPathsObject[] = [
  decisionPaths,
  auditPaths,
  auditVerifyPaths,
  failingTicketPaths,
  waiverPaths,
  waiverAdminPaths,
  tokenPaths,
  signInLinkPaths,
  evidencePaths,
  policyPaths,
  openApiDocumentPaths,
];

/** The route modules' paths objects as one; two modules may describe different methods of one path. */
function mergePaths(all: readonly ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const merged: ZodOpenApiPathsObject = {};
  for (const paths of all) for (const [path, item] of Object.entries(paths)) merged[path] = { ...merged[path], ...item };
  return merged;
}

export type OpenApiDocument = ReturnType<typeof createDocument>;

/** The OpenAPI 3.1 description of `/api/v1`, from the zod schemas the routes validate with. */
export function buildOpenApiDocument(): OpenApiDocument {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'donegate API',
      version: scannerVersion(),
      description:
        'Submit security evidence, waive risks, and read decisions and the audit log of the Definition-of-Done gate. Every route but this document needs an API token (`donegate token create`); each operation names the roles that may call it in its description and in `x-donegate-roles`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: API_BASE, description: 'This donegate receiver.' }],
    paths: mergePaths(ROUTE_PATHS),
    components: {
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'dg_ followed by 43 characters',
          description: `An API token from \`donegate token create --role <${ROLES.join('|')}> --name <name> [--projects ML,AI]\`, sent as \`Authorization: Bearer dg_…\`.`,
        },
      },
    },
  });
}
