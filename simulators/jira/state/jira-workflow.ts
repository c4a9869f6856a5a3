import type { SimIssue, SimStatus, SimTransition, StatusCategoryKey } from '../types.js';

export interface NewTransition {
  id?: string;
  /** Defaults to the target status name, as Jira names simplified-workflow transitions. */
  name?: string;
  /** Status ids or names it starts from; omitted → global ("any status"). */
  from?: string[];
  /** Target status id or name. */
  to: string;
  resolutionOnScreen?: boolean;
  projectKey?: string;
}

/** Statuses and the transitions between them. */
export function createJiraWorkflow(newId: () => string) {
  const statuses: SimStatus[] = [];
  const transitions: SimTransition[] = [];
  const part = {
    addStatus(status: { name: string; category: StatusCategoryKey; id?: string }): SimStatus {
      const added: SimStatus = { id: status.id ?? newId(), name: status.name, category: status.category };
      statuses.push(added);
      return added;
    },

    status(idOrName: string): SimStatus {
      const found = statuses.find((s) => s.id === idOrName) ?? statuses.find((s) => s.name === idOrName);
      if (!found) throw new Error(`Jira simulator: no status '${idOrName}'; add it with state.addStatus()`);
      return found;
    },

    statuses(): readonly SimStatus[] {
      return statuses;
    },

    addTransition(transition: NewTransition): SimTransition {
      const to = part.status(transition.to);
      let generated = 11;
      while (transitions.some((t) => t.id === String(generated))) generated += 10;
      const added: SimTransition = {
        id: transition.id ?? String(generated),
        name: transition.name ?? to.name,
        to: to.id,
        resolutionOnScreen: transition.resolutionOnScreen ?? false,
        ...(transition.from ? { from: transition.from.map((s) => part.status(s).id) } : {}),
        ...(transition.projectKey ? { projectKey: transition.projectKey } : {}),
      };
      transitions.push(added);
      return added;
    },

    removeTransition(id: string): void {
      const index = transitions.findIndex((t) => t.id === id);
      if (index >= 0) transitions.splice(index, 1);
    },

    /** What the issue's workflow offers from its current status (a transition back to it is not offered). */
    availableTransitions(issue: SimIssue): SimTransition[] {
      return transitions.filter(
        (t) =>
          (!t.projectKey || t.projectKey === issue.projectKey) &&
          (!t.from || t.from.includes(issue.statusId)) &&
          t.to !== issue.statusId,
      );
    },

    /**
     * Jira's simplified workflow: To Do, In Progress and Done, each reachable from any status.
     * The Done transition sets the resolution; the others show it on their screen so it can be cleared.
     */
    useSimplifiedWorkflow(projectKey?: string): { todo: SimStatus; inProgress: SimStatus; done: SimStatus } {
      const ensure = (id: string, name: string, category: StatusCategoryKey) =>
        statuses.find((s) => s.name === name) ?? part.addStatus({ id, name, category });
      const todo = ensure('10000', 'To Do', 'new');
      const inProgress = ensure('10001', 'In Progress', 'indeterminate');
      const done = ensure('10002', 'Done', 'done');
      const scope = projectKey ? { projectKey } : {};
      part.addTransition({ id: '11', to: todo.id, resolutionOnScreen: true, ...scope });
      part.addTransition({ id: '21', to: inProgress.id, resolutionOnScreen: true, ...scope });
      part.addTransition({ id: '31', to: done.id, ...scope });
      return { todo, inProgress, done };
    },
  };
  return part;
}
