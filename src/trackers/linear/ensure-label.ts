import { TrackerPermanentError } from '../errors.js';
import { CREATE_LABEL, LABEL_CONTEXT } from './linear-documents.js';
import type { LinearRequest } from './linear-request.js';
import { labelContextResponse, labelCreateResponse, type LabelContext } from './linear-responses.js';

export function readLabelContext(request: LinearRequest, issueId: string, name: string, action: string): Promise<LabelContext> {
  return request(LABEL_CONTEXT, { id: issueId, name }, labelContextResponse, action);
}

/** The label with this name the issue can carry: its team's own first, else a workspace label. */
export function usableLabelId(context: LabelContext, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const candidates = context.issueLabels.nodes.filter((label) => label.name.toLowerCase() === wanted);
  const teamLabel = candidates.find((label) => label.team?.id === context.issue.team.id);
  return (teamLabel ?? candidates.find((label) => label.team === null))?.id;
}

/**
 * The id of a label named `name` usable on the issue, created when missing. donegate creates a
 * workspace label so one filter finds blocked tickets across teams; when Linear refuses that (a team
 * label of that name exists elsewhere, or another worker created it a moment ago) it looks again and
 * falls back to a label of the issue's team.
 */
export async function ensureLabel(
  request: LinearRequest,
  context: LabelContext,
  name: string,
  action: string,
): Promise<string> {
  const existing = usableLabelId(context, name);
  if (existing) return existing;
  try {
    const created = await request(CREATE_LABEL, { input: { name } }, labelCreateResponse, action);
    return created.issueLabelCreate.issueLabel.id;
  } catch (error) {
    if (!(error instanceof TrackerPermanentError && error.fault === 'invalid-request')) throw error;
  }
  const again = usableLabelId(await readLabelContext(request, context.issue.id, name, action), name);
  if (again) return again;
  const created = await request(
    CREATE_LABEL,
    { input: { name, teamId: context.issue.team.id } },
    labelCreateResponse,
    action,
  );
  return created.issueLabelCreate.issueLabel.id;
}
