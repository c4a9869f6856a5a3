import type { JiraState } from './jira-state.js';
import type { SimIssue, SimTransition } from './types.js';

/** One entry of a Jira changelog, as webhooks and `expand=changelog` carry it. */
export interface ChangeItem {
  field: string;
  fieldtype: 'jira';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** `undefined`: the request did not touch the resolution; `null`: clear it; a string: that resolution id. */
export type ResolutionChange = string | null | undefined;

/**
 * Moves the issue through a transition and returns the changelog items, resolution before status as Jira
 * writes them. Entering a done status sets the resolution (the simplified workflow's post function);
 * leaving one keeps it unless the request clears it, which is why stale resolutions exist in real sites.
 */
export function applyTransition(
  state: JiraState,
  issue: SimIssue,
  transition: SimTransition,
  resolution: ResolutionChange,
): ChangeItem[] {
  const from = state.status(issue.statusId);
  const to = state.status(transition.to);
  const items: ChangeItem[] = [];
  const now = new Date();

  let nextResolution = issue.resolutionId;
  if (resolution !== undefined) nextResolution = resolution;
  else if (to.category === 'done' && issue.resolutionId === null) nextResolution = '10000';

  if (nextResolution !== issue.resolutionId) {
    items.push({
      field: 'resolution',
      fieldtype: 'jira',
      fieldId: 'resolution',
      from: issue.resolutionId,
      fromString: issue.resolutionId === null ? null : (state.resolution(issue.resolutionId)?.name ?? null),
      to: nextResolution,
      toString: nextResolution === null ? null : (state.resolution(nextResolution)?.name ?? null),
    });
    issue.resolutionId = nextResolution;
    issue.resolutionDate = nextResolution === null ? null : now;
  }
  items.push({
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from: from.id,
    fromString: from.name,
    to: to.id,
    toString: to.name,
  });
  if (from.category !== to.category) issue.statusCategoryChangeDate = now;
  issue.statusId = to.id;
  issue.updated = now;
  return items;
}
