/**
 * Why `--tracker` names no registered tracker, or undefined when it does. The registry loads every tracker's
 * plugin, so it is imported here, when a command that takes `--tracker` runs, not when the CLI starts.
 */
export async function unknownTrackerProblem(tracker: string): Promise<string | undefined> {
  const { TRACKER_NAMES } = await import('../trackers/registry.js');
  return TRACKER_NAMES.includes(tracker) ? undefined : `--tracker must be one of ${TRACKER_NAMES.join(', ')}`;
}
