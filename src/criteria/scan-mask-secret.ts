/**
 * Hide a secret found by another tool (gitleaks) before anything is stored: a few characters at each end
 * of long values, nothing of short ones, and never more than 16 stars so the length leaks little.
 */
export function maskSecret(secret: string): string {
  const chars = [...secret];
  const keep = chars.length >= 20 ? 4 : chars.length >= 12 ? 2 : 0;
  const stars = '*'.repeat(Math.min(Math.max(chars.length - 2 * keep, 4), 16));
  return keep === 0 ? stars : `${chars.slice(0, keep).join('')}${stars}${chars.slice(-keep).join('')}`;
}
