/** ISO 8601 from epoch milliseconds or a date string; `undefined` when it is not a real time. */
export function toIsoTime(value: number | string | undefined | null): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
