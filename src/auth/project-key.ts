/**
 * The project (Jira) or team (Linear) key of a ticket key: the part before the last `-`, upper-cased so
 * `ml-142` and `ML-142` belong to the same project. Undefined when the text has no `-` to split on.
 * @example projectKeyOf('ML-142') // 'ML'
 * @example projectKeyOf('ai-7') // 'AI'
 */
export function projectKeyOf(ticketKey: string): string | undefined {
  const dash = ticketKey.lastIndexOf('-');
  if (dash <= 0) return undefined;
  return ticketKey.slice(0, dash).toUpperCase();
}

/** Whether a token limited to `projects` may act on `project`; an empty list means every project. */
export function projectInScope(projects: readonly string[], project: string): boolean {
  if (projects.length === 0) return true;
  const wanted = project.toUpperCase();
  return projects.some((p) => p.toUpperCase() === wanted);
}
