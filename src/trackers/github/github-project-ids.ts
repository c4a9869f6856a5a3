/**
 * A Projects (v2) board holds issues as items, and its Status column is a single-select field. A move
 * on the board is gated per item, so such a ticket is identified by the project and the item (node ids,
 * which are letters, digits, `_`, `-` and `=`), and its status by the field and the option it shows.
 */
const NODE_ID = '[A-Za-z0-9_=-]{1,100}';
const PROJECT_ITEM = new RegExp(`^project-item/(${NODE_ID})/(${NODE_ID})/(${NODE_ID})$`);
const PROJECT_STATUS = new RegExp(`^project-status/(${NODE_ID})/(${NODE_ID})$`);

/** The project item, and the single-select field whose change was the move. */
export interface ProjectItemRef {
  projectNodeId: string;
  itemNodeId: string;
  fieldNodeId: string;
}

/** `project-item/<project>/<item>/<field>`: a board move's ticket id, and its key until the worker resolves the issue (`resolveKey`). */
export function projectItemTicketId(ref: ProjectItemRef): string {
  return `project-item/${ref.projectNodeId}/${ref.itemNodeId}/${ref.fieldNodeId}`;
}

export function parseProjectItemTicketId(id: string): ProjectItemRef | undefined {
  const match = PROJECT_ITEM.exec(id);
  return match?.[1] && match[2] && match[3] ? { projectNodeId: match[1], itemNodeId: match[2], fieldNodeId: match[3] } : undefined;
}

export function projectStatusId(fieldNodeId: string, optionId: string): string {
  return `project-status/${fieldNodeId}/${optionId}`;
}

export function parseProjectStatusId(id: string): { fieldNodeId: string; optionId: string } | undefined {
  const match = PROJECT_STATUS.exec(id);
  return match?.[1] && match[2] ? { fieldNodeId: match[1], optionId: match[2] } : undefined;
}

/** Option names compare as people see them on the board: trimmed, case ignored. */
export function isDoneOption(name: string, doneOptions: readonly string[]): boolean {
  const wanted = name.trim().toLowerCase();
  return doneOptions.some((option) => option.trim().toLowerCase() === wanted);
}
