import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { principalOf, projectInScope } from '../auth/index.js';
import { evidenceProvenanceSchema } from '../domain/index.js';
import { findTrackerPlugin } from '../trackers/registry.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { EvidenceNotAcceptedError, type IngestEvidence, type IngestResult } from '../intake/ingest-evidence.js';
import { InvalidReportError, UnrecognisedReportError } from '../evidence/reports/index.js';
import { readEvidenceUpload, UploadError } from './read-evidence-upload.js';
import { sendError } from './send-error.js';
import { evidenceFieldsShape, evidenceUploadSchema, missingFieldsOf } from './evidence-upload-schema.js';
import { errorResponse } from './openapi/error-response.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestPart } from './parse-request-part.js';

/** The 201 answer: the stored record, and whether the ticket's re-evaluation was queued. */
const evidenceCreatedSchema = z.object({
  evidence: z.object({
    id: z.string(),
    tracker: z.string(),
    ticket: z.string(),
    criterion: z.string(),
    format: z.unknown().meta({ description: 'The report format donegate read it as, such as npm-audit or sarif.' }),
    outcome: z.enum(['pass', 'fail']).meta({ description: 'What the report shows on its own.' }),
    summary: z.string(),
    details: z.array(z.string()),
    sha256: z.string().meta({ description: 'sha256 of the report bytes received.' }),
    submitter: z.string(),
    source: z.string(),
    provenance: evidenceProvenanceSchema.nullable(),
    createdAt: z.iso.datetime(),
  }),
  reevaluation: z.enum(['queued', 'not-queued']),
});

/** Which answer each field's problem gets, first match first; a missing field is MISSING_FIELDS before any of these. */
const UPLOAD_PROBLEMS = {
  tracker: { status: 400, code: 'INVALID_TRACKER' },
  ticket: { status: 400, code: 'INVALID_TICKET_KEY' },
  ciRunUrl: { status: 400, code: 'INVALID_CI_RUN_URL', label: 'ciRunUrl' },
  criterion: { status: 400, code: 'MISSING_FIELDS' },
  report: { status: 400, code: 'MISSING_FIELDS' },
  format: { status: 400, code: 'MISSING_FIELDS' },
  source: { status: 400, code: 'MISSING_FIELDS' },
} as const;

import { answerRepeatedKey, idempotencyKeyHeaderSchema, readIdempotencyKey, requestFingerprint } from './idempotency-key-header.js';
import type { IdempotencyKeys } from '../evidence/idempotency-keys.js';

/**
 * `POST /api/v1/evidence`: a CI job (token role `ci` or `admin`) submits a report for a ticket and a
 * criterion, optionally with `ciRunUrl` (the https page of the CI run that produced it). 201 with the
 * stored record and its provenance (token name and role, run URL); 400 for a run URL that is not an
 * absolute https URL; 422 when the report is not one donegate reads.
 *
 * With an `Idempotency-Key` header, a repeat of the same request by the same token gets the first 201
 * answer again (header `Idempotent-Replayed: true`) and stores, audits and queues nothing: a client may
 * retry an upload whose answer it lost. 400 for a malformed key, 409 while the first request is still
 * being handled, 422 `IDEMPOTENCY_KEY_REUSED` when the key came with a different request.
 */
export function createEvidenceRoutes(deps: { auth: RequireTokenDeps; ingest: IngestEvidence; maxBytes: number; idempotencyKeys: IdempotencyKeys }): Router {
  const router = Router();
  router.post('/evidence', requireToken(deps.auth, 'evidence:write'), async (req, res) => {
    const idempotencyKey = readIdempotencyKey(req);
    if (!idempotencyKey.ok) {
      sendError(res, 400, 'INVALID_IDEMPOTENCY_KEY', idempotencyKey.problem);
      return;
    }
    let upload;
    try {
      upload = await readEvidenceUpload(req, deps.maxBytes);
    } catch (error) {
      if (error instanceof UploadError) {
        sendError(res, error.status, error.code, error.message);
        return;
      }
      throw error;
    }
    const input = { ...upload.fields, report: upload.report };
    const missing = missingFieldsOf(input);
    if (missing.length > 0) {
      sendError(res, 400, 'MISSING_FIELDS', `missing ${missing.join(', ')}`);
      return;
    }
    const fields = parseRequestPart(res, evidenceUploadSchema, input, UPLOAD_PROBLEMS);
    if (!fields) return;
    const plugin = findTrackerPlugin(fields.tracker)!;
    const ticketKey = fields.ticket.toUpperCase();
    const principal = principalOf(res);
    if (!projectInScope(principal.projects, plugin.projectOfKey(ticketKey), plugin.name)) {
      sendError(res, 403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')} and cannot submit evidence for ${fields.tracker} ${ticketKey}`);
      return;
    }
    const key = idempotencyKey.key;
    if (key !== undefined) {
      const fingerprint = requestFingerprint({ ...upload.fields, tracker: plugin.name, ticket: ticketKey }, fields.report);
      if (answerRepeatedKey(res, await deps.idempotencyKeys.claim(principal.tokenId, key, fingerprint))) return;
    }
    let result: IngestResult;
    try {
      result = await deps.ingest({
        tracker: plugin.name,
        ticketKey,
        criterion: fields.criterion,
        bytes: fields.report,
        ...(fields.format ? { format: fields.format } : {}),
        source: fields.source?.slice(0, 100) || 'api',
        submitter: principal.name,
        provenance: { kind: 'token', token: principal.name, role: principal.role, ...(fields.ciRunUrl ? { ciRunUrl: fields.ciRunUrl } : {}) },
      });
    } catch (error) {
      const refused = error instanceof UnrecognisedReportError || error instanceof InvalidReportError || error instanceof EvidenceNotAcceptedError;
      // A refused report was never stored, so its key is freed. After any other fault the record may be
      // stored, so the key stays claimed (409 to retries) until abandoned, rather than freed for a second record.
      if (refused && key !== undefined) await deps.idempotencyKeys.release(principal.tokenId, key);
      if (error instanceof UnrecognisedReportError || error instanceof InvalidReportError) {
        sendError(res, 422, error.code, error.message);
        return;
      }
      if (error instanceof EvidenceNotAcceptedError) {
        sendError(res, 422, 'CRITERION_NOT_ACCEPTED', error.message);
        return;
      }
      throw error;
    }
    const body = evidenceAnswer(result);
    // Stored before answering: a retry after a lost answer finds it. Should this fail, the key stays claimed
    // (409 to retries) until abandoned, rather than freed for a second record.
    if (key !== undefined) await deps.idempotencyKeys.complete(principal.tokenId, key, { status: 201, body });
    res.status(201).json(body);
  });
  return router;
}

/** The 201 answer: the stored record, its provenance, and whether the ticket's re-evaluation was queued. */
function evidenceAnswer({ record, reevaluation }: IngestResult): z.infer<typeof evidenceCreatedSchema> {
  return {
    evidence: {
      id: record.id,
      tracker: record.tracker,
      ticket: record.ticketKey,
      criterion: record.criterion,
      format: record.summary.format,
      outcome: record.outcome,
      summary: record.summary.text,
      details: record.summary.details ?? [],
      sha256: record.sha256,
      submitter: record.submitter,
      source: record.source,
      provenance: record.provenance ?? null,
      createdAt: record.createdAt.toISOString(),
    },
    reevaluation,
  };
}

/** The JSON form of an upload: the same fields, with the report as text or as the JSON report itself. */
const evidenceJsonBodySchema = z.object({
  ...evidenceFieldsShape,
  report: z.union([z.string(), z.record(z.string(), z.unknown())]).meta({ description: "The report: its text, or the JSON report object itself." }),
});

export const evidencePaths: ZodOpenApiPathsObject = {
  '/evidence': {
    post: needsPermission('evidence:write', {
      operationId: 'submitEvidence',
      summary: 'Submit a report as evidence for a ticket and criterion',
      description:
        'What `donegate evidence submit` sends: multipart/form-data with a `report` file part and text fields, or JSON. The report is recognised, summarised and stored with its provenance (token name and role, CI run URL), and the ticket is re-evaluated.',
      requestParams: { header: idempotencyKeyHeaderSchema },
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': { schema: evidenceUploadSchema },
          'application/json': { schema: evidenceJsonBodySchema },
        },
      },
      responses: {
        201: { description: 'The stored evidence.', content: { 'application/json': { schema: evidenceCreatedSchema } } },
        400: errorResponse(
          ['MISSING_FIELDS', 'INVALID_TRACKER', 'INVALID_TICKET_KEY', 'INVALID_CI_RUN_URL', 'MALFORMED_JSON', 'INVALID_BODY', 'MALFORMED_MULTIPART', 'INVALID_IDEMPOTENCY_KEY'],
          'A field is missing or not acceptable, or the body cannot be read',
        ),
        409: errorResponse(['IDEMPOTENCY_KEY_IN_USE'], 'A request with this Idempotency-Key is still being handled (with Retry-After)'),
        413: errorResponse(['PAYLOAD_TOO_LARGE'], 'The report is larger than EVIDENCE_MAX_BYTES'),
        415: errorResponse(['UNSUPPORTED_MEDIA_TYPE'], 'The body is neither multipart/form-data nor JSON'),
        422: errorResponse(
          ['DONEGATE_REPORT_UNRECOGNISED', 'DONEGATE_REPORT_INVALID', 'CRITERION_NOT_ACCEPTED', 'IDEMPOTENCY_KEY_REUSED'],
          'donegate does not read this report, the criterion does not take it, or the Idempotency-Key came with a different upload',
        ),
      },
    }),
  },
};
