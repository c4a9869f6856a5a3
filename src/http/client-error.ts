/**
 * The client's own faults that express's body parsers throw (malformed JSON, a body over the route's limit,
 * an unsupported encoding or charset, an aborted upload), as the status and code to answer with. Anything
 * else is donegate's fault and stays a 500.
 *
 * The parser's message is not echoed or logged: for malformed JSON, Node's message quotes the start of the
 * body, which may hold a ticket's text or a secret.
 */
export interface ClientError {
  status: number;
  code: string;
  message: string;
}

/** body-parser's `type` values: https://github.com/expressjs/body-parser#errors */
const BY_TYPE: Record<string, ClientError> = {
  'entity.parse.failed': { status: 400, code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the body is larger than this route accepts' },
  'entity.verify.failed': { status: 403, code: 'BODY_REFUSED', message: 'the body was refused' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_ENCODING', message: 'the Content-Encoding is not supported; send identity, gzip, deflate or br' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_CHARSET', message: 'the charset is not supported; send UTF-8' },
  'request.aborted': { status: 400, code: 'REQUEST_ABORTED', message: 'the request was aborted before its body arrived' },
  'request.size.invalid': { status: 400, code: 'INVALID_CONTENT_LENGTH', message: 'the body is shorter or longer than its Content-Length' },
};

export function clientErrorOf(error: unknown): ClientError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, expose } = error as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof type === 'string' && Object.hasOwn(BY_TYPE, type)) return BY_TYPE[type];
  // Other http-errors a parser marks safe to show (4xx), without their text.
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: 'the request could not be read' };
  }
  return undefined;
}
