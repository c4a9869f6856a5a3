/**
 * The trackers' names as the CLI's `--tracker` choices. The registry (`trackers/registry.ts`) loads every
 * tracker's plugin, which the help text and the light commands should not wait for; a test keeps this list
 * equal to the registry's `TRACKER_NAMES`.
 */
export const CLI_TRACKER_NAMES: readonly string[] = ['jira', 'linear', 'github'];
