/** The metric's outcome for a delivery's logged outcome (`ignored:<reason>` → `ignored`) and status. */
export function deliveryOutcome(logged: string | undefined, status: number): 'accepted' | 'duplicate' | 'ignored' | 'refused' {
  if (status >= 400 || logged === undefined) return 'refused';
  if (logged === 'accepted' || logged === 'duplicate') return logged;
  if (logged.startsWith('ignored')) return 'ignored';
  return 'refused';
}
