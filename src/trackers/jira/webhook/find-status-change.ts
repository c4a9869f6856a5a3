import type { JiraChangelogItem } from './jira-payload-schema.js';

/**
 * The changelog item for the workflow status, wherever it sits: a move to Done usually lists `resolution`
 * first. A custom field that happens to be called "status" is not it.
 */
export function findStatusChange(items: readonly JiraChangelogItem[]): { item: JiraChangelogItem; index: number } | undefined {
  const index = items.findIndex(
    (item) => item.fieldId === 'status' || (item.field === 'status' && item.fieldtype !== 'custom'),
  );
  const item = items[index];
  return item === undefined ? undefined : { item, index };
}
