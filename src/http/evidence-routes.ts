import { Router } from 'express';
import { principalOf, projectInScope } from '../auth/index.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { parseCiRunUrl } from '../domain/index.js';
import { EvidenceNotAcceptedError, type IngestEvidence } from '../intake/ingest-evidence.js';
import { InvalidReportError, UnrecognisedReportError } from '../evidence/reports/index.js';
import { readEvidenceUpload, UploadError } from './read-evidence-upload.js';
import { sendError } from './send-error.js';
import { readTrackerParam, trackerChoices } from './tracker-param.js';


/**
 * `POST /api/v1/evidence`: a CI job (token role `ci` or `admin`) submits a report for a ticket and a
 * criterion, optionally with `ciRunUrl` (the https page of the CI run that produced it). 201 with the
 * stored record and its provenance (token name and role, run URL); 400 for a run URL that is not an
 * absolute https URL; 422 when the report is not one donegate reads.
 */
export function createEvidenceRoutes(deps: { auth: RequireTokenDeps; ingest: IngestEvidence; maxBytes: number }): Router {
  const router = Router();
  router.post('/evidence', requireToken(deps.auth, 'evidence:write'), async (req, res) => {
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
    try {
      const result = await deps.ingest({
        tracker: named.plugin.name,
        ticketKey: named.key,
        criterion: criterion!,
        bytes: upload.report,
        ...(format ? { format } : {}),
        source: source?.slice(0, 100) || 'api',
        submitter: principal.name,
        provenance: { kind: 'token', token: principal.name, role: principal.role, ...(runUrl?.ok ? { ciRunUrl: runUrl.url } : {}) },
      });
      const { record } = result;
      res.status(201).json({
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
        reevaluation: result.reevaluation,
      });
    } catch (error) {
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
  });
  return router;
}
