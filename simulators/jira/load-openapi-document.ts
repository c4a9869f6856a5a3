import { readFileSync } from 'node:fs';

/** The parts of an OpenAPI 3.0 document the simulator reads. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

export type OpenApiSchema = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

const DOCUMENT_URL = new URL('../contracts/jira-platform-openapi-v3.json', import.meta.url);

let cached: OpenApiDocument | undefined;

/** Parsed once per process: the document is 1.7 MB and every simulator shares it. */
export function loadJiraOpenApiDocument(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(DOCUMENT_URL, 'utf8')) as OpenApiDocument;
  return cached;
}
