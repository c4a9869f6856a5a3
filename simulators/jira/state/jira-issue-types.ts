import type { SimIssueType } from '../types.js';

/** A new site's issue types; more can be added. */
export function createJiraIssueTypes(newId: () => string) {
  const issueTypes: SimIssueType[] = [
    { id: '10000', name: 'Epic', subtask: false },
    { id: '10001', name: 'Story', subtask: false },
    { id: '10002', name: 'Task', subtask: false },
    { id: '10003', name: 'Bug', subtask: false },
    { id: '10004', name: 'Subtask', subtask: true },
  ];
  return {
    addIssueType(type: { name: string; id?: string; subtask?: boolean }): SimIssueType {
      const added: SimIssueType = { id: type.id ?? newId(), name: type.name, subtask: type.subtask ?? false };
      issueTypes.push(added);
      return added;
    },

    issueType(idOrName: string): SimIssueType {
      const found = issueTypes.find((t) => t.id === idOrName) ?? issueTypes.find((t) => t.name === idOrName);
      if (!found) throw new Error(`Jira simulator: no issue type '${idOrName}'`);
      return found;
    },
  };
}
