import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from '../openapi/openapi-document.js';

const DOCUMENT_URL = new URL('../contracts/jira-platform-openapi-v3.json', import.meta.url);

let cached: OpenApiDocument | undefined;

/** Parsed once per process: the document is 1.7 MB and every simulator shares it. */
export function loadJiraOpenApiDocument(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(DOCUMENT_URL, 'utf8')) as OpenApiDocument;
  return cached;
}
