/** Jira writes times as `2024-05-01T09:30:00.000+0000` (offset without a colon), not ISO `Z`. */
export function jiraTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
