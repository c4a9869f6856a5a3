import type { OpenApiDocument, OpenApiOperation } from './openapi-document.js';

export interface MatchedOperation {
  template: string;
  method: string;
  operation: OpenApiOperation;
  pathParams: Record<string, string>;
}

interface Route {
  template: string;
  segments: Array<{ literal: string } | { param: string }>;
  methods: Record<string, OpenApiOperation>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * Finds the operation a request addresses. Literal segments win over parameters, so
 * `/issue/createmeta` is never read as `/issue/{issueIdOrKey}`.
 */
export function createOperationMatcher(document: OpenApiDocument) {
  const routesByLength = new Map<number, Route[]>();
  for (const [template, item] of Object.entries(document.paths)) {
    const segments = template
      .split('/')
      .slice(1)
      .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s }));
    const methods: Record<string, OpenApiOperation> = {};
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.has(method)) methods[method] = operation;
    }
    const list = routesByLength.get(segments.length) ?? [];
    list.push({ template, segments, methods });
    routesByLength.set(segments.length, list);
  }
  for (const list of routesByLength.values()) list.sort(bySpecificity);

  return function matchOperation(method: string, path: string): MatchedOperation | undefined {
    const parts = path.split('/').slice(1);
    for (const route of routesByLength.get(parts.length) ?? []) {
      const pathParams = matchSegments(route, parts);
      const operation = route.methods[method.toLowerCase()];
      if (pathParams && operation) return { template: route.template, method, operation, pathParams };
    }
    return undefined;
  };
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    const part = parts[i] ?? '';
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === '') return undefined;
      try {
        params[segment.param] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    }
  }
  return params;
}

function bySpecificity(a: Route, b: Route): number {
  for (let i = 0; i < a.segments.length; i++) {
    const aLiteral = a.segments[i] !== undefined && 'literal' in a.segments[i]!;
    const bLiteral = b.segments[i] !== undefined && 'literal' in b.segments[i]!;
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}
