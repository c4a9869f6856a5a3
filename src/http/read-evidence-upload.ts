import busboy from 'busboy';
import type { Request } from 'express';
import { evidenceFieldsShape } from './evidence-upload-schema.js';

export interface EvidenceUpload {
  fields: Record<string, string>;
  /** The report's bytes exactly as received (multipart file, or the JSON `report` member). */
  report?: Buffer;
}

/** Why an upload could not be read; the route turns it into its HTTP status. */
export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FIELD_NAMES = new Set(Object.keys(evidenceFieldsShape));

/**
 * Read `POST /api/v1/evidence`: multipart/form-data (a `report` file part plus text fields; what
 * `donegate evidence submit` sends) or JSON (`report` as the report's text, or as the report object
 * itself). Never holds more than `maxBytes` of report.
 */
export async function readEvidenceUpload(req: Request, maxBytes: number): Promise<EvidenceUpload> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readMultipart(req, maxBytes);
  if (type.startsWith('application/json')) return readJson(req, maxBytes);
  throw new UploadError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the report as multipart/form-data (a "report" file part) or as application/json');
}

async function readJson(req: Request, maxBytes: number): Promise<EvidenceUpload> {
  // The JSON envelope adds a little around the report itself.
  const text = (await readAll(req, maxBytes + 64 * 1024)).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UploadError(400, 'MALFORMED_JSON', 'the request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UploadError(400, 'INVALID_BODY', 'the body must be a JSON object with tracker, ticket, criterion and report');
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (FIELD_NAMES.has(key) && typeof value === 'string') fields[key] = value;
  }
  const raw = (body as { report?: unknown }).report;
  if (raw === undefined || raw === null) return { fields };
  const report = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(JSON.stringify(raw), 'utf8');
  if (report.length > maxBytes) throw tooLarge(maxBytes);
  return { fields, report };
}

function readMultipart(req: Request, maxBytes: number): Promise<EvidenceUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 4096 } });
    } catch {
      reject(new UploadError(400, 'MALFORMED_MULTIPART', 'the multipart body has no boundary'));
      return;
    }
    const fields: Record<string, string> = {};
    let report: Buffer | undefined;
    let failure: UploadError | undefined;
    parser.on('field', (name, value) => {
      if (FIELD_NAMES.has(name)) fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'report') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = tooLarge(maxBytes);
      });
      stream.on('end', () => {
        if (!failure) report = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => reject(new UploadError(400, 'MALFORMED_MULTIPART', 'the multipart body could not be read')));
    parser.on('close', () => {
      if (failure) reject(failure);
      else resolve(report ? { fields, report } : { fields });
    });
    req.pipe(parser);
  });
}

function readAll(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(maxBytes: number): UploadError {
  return new UploadError(413, 'PAYLOAD_TOO_LARGE', `the report is larger than ${maxBytes} bytes (EVIDENCE_MAX_BYTES)`);
}
