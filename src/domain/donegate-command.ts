/** Comments starting with this (after leading blanks) are commands; every other comment is ignored. */
export const COMMAND_PREFIX = '/donegate';

/** True when a comment's text is meant for donegate: `/donegate` as its first word. Every tracker's normaliser asks this. */
export function isDonegateCommand(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed.slice(0, COMMAND_PREFIX.length).toLowerCase() !== COMMAND_PREFIX) return false;
  const next = trimmed.charAt(COMMAND_PREFIX.length);
  return next === '' || /\s/.test(next);
}
