/**
 * Why `--tracker` names no registered tracker, or undefined when it does. Imported when a command that
 * takes `--tracker` runs, not when the CLI starts; the list it reads loads no tracker's client library.
 */
export async function unknownTrackerProblem(tracker: string): Promise<string | undefined> {
  const { TRACKER_NAMES } = await import('../trackers/tracker-basics-list.js');
  return TRACKER_NAMES.includes(tracker) ? undefined : `--tracker must be one of ${TRACKER_NAMES.join(', ')}`;
}
