import { Router } from 'express';
import { principalOf, projectInScope } from '../auth/index.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { parseCiRunUrl } from '../domain/index.js';
import { EvidenceNotAcceptedError, type IngestEvidence, type IngestResult } from '../intake/ingest-evidence.js';
import { InvalidReportError, UnrecognisedReportError } from '../evidence/reports/index.js';
import { readEvidenceUpload, UploadError } from './read-evidence-upload.js';
import { sendError } from './send-error.js';
import { readTrackerParam, trackerChoices } from './tracker-param.js';
import { answerRepeatedKey, readIdempotencyKey, requestFingerprint } from './idempotency-key-header.js';
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
    const { tracker, ticket, criterion, format, source, ciRunUrl } = upload.fields;
    const missing = (['tracker', 'ticket', 'criterion'] as const).filter((name) => !upload.fields[name]);
    if (missing.length > 0 || !upload.report) {
      sendError(res, 400, 'MISSING_FIELDS', `missing ${[...missing, ...(upload.report ? [] : ['report'])].join(', ')}`);
      return;
    }
    const named = readTrackerParam(tracker!, ticket!);
    if (!named.ok) {
      // A form field, not a path: an unknown tracker is a bad request here, not a missing resource.
      if (named.problem === 'unknown-tracker') sendError(res, 400, 'INVALID_TRACKER', `tracker must be ${trackerChoices()}, not "${tracker!.slice(0, 40)}"`);
      else sendError(res, 400, 'INVALID_TICKET_KEY', named.message);
      return;
    }
    const runUrl = ciRunUrl ? parseCiRunUrl(ciRunUrl) : undefined;
    if (runUrl && !runUrl.ok) {
      sendError(res, 400, 'INVALID_CI_RUN_URL', `ciRunUrl: ${runUrl.problem}`);
      return;
    }
    const principal = principalOf(res);
    const project = named.plugin.projectOfKey(named.key);
    if (!projectInScope(principal.projects, project, named.plugin.name)) {
      sendError(res, 403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')} and cannot submit evidence for ${tracker} ${ticket!.toUpperCase()}`);
      return;
    }
    const key = idempotencyKey.key;
    if (key !== undefined) {
      const fingerprint = requestFingerprint({ ...upload.fields, tracker: named.plugin.name, ticket: named.key }, upload.report);
      if (answerRepeatedKey(res, await deps.idempotencyKeys.claim(principal.tokenId, key, fingerprint))) return;
    }
    let result;
    try {
      result = await deps.ingest({
        tracker: named.plugin.name,
        ticketKey: named.key,
        criterion: criterion!,
        bytes: upload.report,
        ...(format ? { format } : {}),
        source: source?.slice(0, 100) || 'api',
        submitter: principal.name,
        provenance: { kind: 'token', token: principal.name, role: principal.role, ...(runUrl?.ok ? { ciRunUrl: runUrl.url } : {}) },
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
function evidenceAnswer({ record, reevaluation }: IngestResult) {
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
