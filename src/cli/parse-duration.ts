const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `90s`, `10m`, `1h`, `500ms` (a bare number is seconds) as milliseconds; undefined when it is not one, or is 0. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,7})(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[(match[2] ?? 's') as keyof typeof UNIT_MS];
  return ms > 0 ? ms : undefined;
}
