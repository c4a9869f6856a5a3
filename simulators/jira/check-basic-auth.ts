import { timingSafeEqual } from 'node:crypto';

/** True when the `Authorization` header carries exactly `email:apiToken`, as Jira Cloud basic auth expects. */
export function checkBasicAuth(header: string | undefined, email: string, apiToken: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const given = Buffer.from(header.slice('Basic '.length).trim(), 'base64');
  const expected = Buffer.from(`${email}:${apiToken}`, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
