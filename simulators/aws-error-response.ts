import { xmlElements } from './s3/s3-xml.js';

/**
 * The error body of AWS's XML services other than S3 (S3 Control, and the Query protocol of STS):
 * `<ErrorResponse><Error>…</Error><RequestId>…</RequestId></ErrorResponse>`.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
export function xmlErrorResponse(error: { type?: 'Sender' | 'Receiver'; code: string; message: string }, requestId: string, namespace?: string): string {
  const fields = { Error: { Type: error.type, Code: error.code, Message: error.message }, RequestId: requestId };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${namespace ? ` xmlns="${namespace}"` : ''}>${xmlElements(fields)}</ErrorResponse>`;
}
