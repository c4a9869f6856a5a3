import type {
  AdfNode,
  SimAttachment,
  SimComment,
  SimIssue,
  SimIssueType,
  SimProject,
  SimRemoteLink,
  SimResolution,
  SimStatus,
  SimTransition,
  SimUser,
  StatusCategoryKey,
} from './types.js';

export interface NewIssue {
  /** Defaults to the project's next key (`ML-1`, `ML-2`, …). */
  key?: string;
  project: string;
  /** Issue type name or id; default `Task`. */
  issueType?: string;
  /** Status id or name; default the first status created. */
  status?: string;
  summary?: string;
  /** ADF document, or plain text turned into one paragraph. */
  description?: AdfNode | string;
  labels?: string[];
  reporterAccountId?: string;
}

export interface NewAttachment {
  filename: string;
  content: Buffer | string;
  /** Default `application/octet-stream`. */
  mimeType?: string;
  /** Default the API user. */
  authorAccountId?: string;
  /** The size the `attachment` field reports; default the content's length. Set it to test a lying size. */
  size?: number;
  /** Serve the content in chunks without `Content-Length`. */
  streamed?: boolean;
}

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

/**
 * The simulated site's data, all in memory. Tests and the demo set it up through these methods; the
 * HTTP handlers read and change it through the same ones.
 */
export function createJiraState(self: SimUser) {
  // Starts above the seeded ids (issue types, resolutions, the simplified workflow's statuses).
  let nextId = 10100;
  const newId = () => String(nextId++);
  const users = new Map<string, SimUser>([[self.accountId, self]]);
  const projects = new Map<string, SimProject>();
  const issueTypes: SimIssueType[] = [
    { id: '10000', name: 'Epic', subtask: false },
    { id: '10001', name: 'Story', subtask: false },
    { id: '10002', name: 'Task', subtask: false },
    { id: '10003', name: 'Bug', subtask: false },
    { id: '10004', name: 'Subtask', subtask: true },
  ];
  const resolutions: SimResolution[] = [
    { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
    { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
    { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
    { id: '10003', name: 'Cannot Reproduce', description: 'This issue could not be reproduced.' },
  ];
  const statuses: SimStatus[] = [];
  const transitions: SimTransition[] = [];
  const issuesById = new Map<string, SimIssue>();
  const issuesByKey = new Map<string, SimIssue>();
  const comments = new Map<string, SimComment[]>();
  const attachments = new Map<string, SimAttachment>();
  const remoteLinks: SimRemoteLink[] = [];
  const issueCounters = new Map<string, number>();

  const state = {
    self,

    addUser(user: { accountId: string; displayName?: string; emailAddress?: string; timeZone?: string }): SimUser {
      const added: SimUser = {
        accountId: user.accountId,
        displayName: user.displayName ?? user.accountId,
        emailAddress: user.emailAddress ?? `${user.accountId}@example.com`,
        timeZone: user.timeZone ?? 'Etc/UTC',
      };
      users.set(added.accountId, added);
      return added;
    },

    /** Unknown account ids get a plain user, as people appear in Jira the first time they act. */
    user(accountId: string): SimUser {
      return users.get(accountId) ?? state.addUser({ accountId });
    },

    addProject(project: { key: string; name?: string; id?: string }): SimProject {
      const added: SimProject = { id: project.id ?? newId(), key: project.key, name: project.name ?? project.key };
      projects.set(added.key, added);
      return added;
    },

    project(key: string): SimProject {
      const found = projects.get(key);
      if (!found) throw new Error(`Jira simulator: no project '${key}'; add it with state.addProject()`);
      return found;
    },

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

    resolution(idOrName: string): SimResolution | undefined {
      return resolutions.find((r) => r.id === idOrName) ?? resolutions.find((r) => r.name === idOrName);
    },

    resolutions(): readonly SimResolution[] {
      return resolutions;
    },

    addTransition(transition: NewTransition): SimTransition {
      const to = state.status(transition.to);
      let generated = 11;
      while (transitions.some((t) => t.id === String(generated))) generated += 10;
      const added: SimTransition = {
        id: transition.id ?? String(generated),
        name: transition.name ?? to.name,
        to: to.id,
        resolutionOnScreen: transition.resolutionOnScreen ?? false,
        ...(transition.from ? { from: transition.from.map((s) => state.status(s).id) } : {}),
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
        statuses.find((s) => s.name === name) ?? state.addStatus({ id, name, category });
      const todo = ensure('10000', 'To Do', 'new');
      const inProgress = ensure('10001', 'In Progress', 'indeterminate');
      const done = ensure('10002', 'Done', 'done');
      const scope = projectKey ? { projectKey } : {};
      state.addTransition({ id: '11', to: todo.id, resolutionOnScreen: true, ...scope });
      state.addTransition({ id: '21', to: inProgress.id, resolutionOnScreen: true, ...scope });
      state.addTransition({ id: '31', to: done.id, ...scope });
      return { todo, inProgress, done };
    },

    createIssue(input: NewIssue): SimIssue {
      const project = state.project(input.project);
      const firstStatus = statuses[0];
      if (!input.status && !firstStatus) throw new Error('Jira simulator: add a status before creating issues');
      const status = state.status(input.status ?? firstStatus!.id);
      const counter = (issueCounters.get(project.key) ?? 0) + 1;
      issueCounters.set(project.key, counter);
      const now = new Date();
      const issue: SimIssue = {
        id: newId(),
        key: input.key ?? `${project.key}-${counter}`,
        projectKey: project.key,
        issueTypeId: state.issueType(input.issueType ?? 'Task').id,
        statusId: status.id,
        summary: input.summary ?? `Issue ${counter}`,
        description: typeof input.description === 'string' ? plainDoc(input.description) : (input.description ?? null),
        labels: [...(input.labels ?? [])],
        resolutionId: status.category === 'done' ? '10000' : null,
        resolutionDate: status.category === 'done' ? now : null,
        reporterAccountId: input.reporterAccountId ?? self.accountId,
        created: now,
        updated: now,
        statusCategoryChangeDate: now,
        properties: new Map(),
      };
      issuesById.set(issue.id, issue);
      issuesByKey.set(issue.key, issue);
      comments.set(issue.id, []);
      return issue;
    },

    findIssue(idOrKey: string): SimIssue | undefined {
      return issuesById.get(idOrKey) ?? issuesByKey.get(idOrKey);
    },

    issue(idOrKey: string): SimIssue {
      const found = state.findIssue(idOrKey);
      if (!found) throw new Error(`Jira simulator: no issue '${idOrKey}'`);
      return found;
    },

    comments(issueIdOrKey: string): SimComment[] {
      return comments.get(state.issue(issueIdOrKey).id) ?? [];
    },

    /** Adds a comment as `authorAccountId`, as a person (or another app) would. */
    addComment(issueIdOrKey: string, input: { authorAccountId: string; body: AdfNode | string }): SimComment {
      const issue = state.issue(issueIdOrKey);
      state.user(input.authorAccountId);
      const now = new Date();
      const comment: SimComment = {
        id: newId(),
        issueId: issue.id,
        authorAccountId: input.authorAccountId,
        updateAuthorAccountId: input.authorAccountId,
        body: typeof input.body === 'string' ? plainDoc(input.body) : input.body,
        created: now,
        updated: now,
      };
      comments.get(issue.id)?.push(comment);
      issue.updated = now;
      return comment;
    },

    /** Attaches a file as `authorAccountId` would through the UI; listed in the issue's `attachment` field. */
    addAttachment(issueIdOrKey: string, input: NewAttachment): SimAttachment {
      const issue = state.issue(issueIdOrKey);
      const content = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
      const authorAccountId = input.authorAccountId ?? self.accountId;
      state.user(authorAccountId);
      const attachment: SimAttachment = {
        id: newId(),
        issueId: issue.id,
        filename: input.filename,
        content,
        mimeType: input.mimeType ?? 'application/octet-stream',
        authorAccountId,
        created: new Date(),
        size: input.size ?? content.length,
        streamed: input.streamed ?? false,
      };
      attachments.set(attachment.id, attachment);
      issue.updated = attachment.created;
      return attachment;
    },

    attachments(issueIdOrKey: string): SimAttachment[] {
      const { id } = state.issue(issueIdOrKey);
      return [...attachments.values()].filter((a) => a.issueId === id);
    },

    findAttachment(id: string): SimAttachment | undefined {
      return attachments.get(id);
    },

    /** Link the issue to a URL, as an app or a user adding a web link does. */
    addRemoteLink(issueIdOrKey: string, input: Omit<SimRemoteLink, 'id' | 'issueId'>): SimRemoteLink {
      const issue = state.issue(issueIdOrKey);
      const link: SimRemoteLink = { id: newId(), issueId: issue.id, ...input };
      remoteLinks.push(link);
      issue.updated = new Date();
      return link;
    },

    remoteLinks(issueIdOrKey: string): SimRemoteLink[] {
      const { id } = state.issue(issueIdOrKey);
      return remoteLinks.filter((link) => link.issueId === id);
    },

    newId,
  };
  return state;
}

export type JiraState = ReturnType<typeof createJiraState>;

function plainDoc(text: string): AdfNode {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}
