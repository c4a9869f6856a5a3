const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export interface XmlFields {
  [name: string]: string | boolean | XmlFields | undefined;
}

/** `<Name>value</Name>` for each entry, in order; nested objects become nested elements. */
export function xmlElements(fields: XmlFields): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<${name}>${typeof value === 'object' ? xmlElements(value) : escape(String(value))}</${name}>`)
    .join('');
}

export function xmlDocument(root: string, fields: XmlFields): string {
  return `${XML_DECLARATION}<${root} xmlns="${S3_NAMESPACE}">${xmlElements(fields)}</${root}>`;
}

/** S3's error body: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html */
export function xmlError(code: string, message: string, requestId: string, extra: Record<string, string> = {}): string {
  return `${XML_DECLARATION}<Error>${xmlElements({ Code: code, Message: message, ...extra, RequestId: requestId, HostId: Buffer.from(requestId).toString('base64') })}</Error>`;
}
