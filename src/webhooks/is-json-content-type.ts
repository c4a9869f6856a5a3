/** `application/json`, with or without parameters (`; charset=utf-8`), case-insensitive. Nothing else. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}
