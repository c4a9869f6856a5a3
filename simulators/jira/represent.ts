import { jiraTime } from './jira-time.js';
import type { JiraState } from './jira-state.js';
import type { AdfNode, SimAttachment, SimComment, SimIssue, SimStatus, SimTransition, SimUser, StatusCategoryKey } from './types.js';

/** Where representations point their `self` links, and which REST version they mimic. */
export interface RepresentContext {
  state: JiraState;
  baseUrl: string;
  /** Webhooks carry REST v2 representations (`/rest/api/2/…`, plain-text description). */
  apiVersion: '2' | '3';
}

const CATEGORIES: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

const api = (ctx: RepresentContext) => `${ctx.baseUrl}/rest/api/${ctx.apiVersion}`;

function avatarUrls(seed: string): Record<string, string> {
  const url = `https://avatar-management.example.invalid/initials/${encodeURIComponent(seed)}`;
  return { '48x48': `${url}-48.png`, '24x24': `${url}-24.png`, '16x16': `${url}-16.png`, '32x32': `${url}-32.png` };
}

export function representUser(ctx: RepresentContext, user: SimUser) {
  return {
    self: `${api(ctx)}/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    avatarUrls: avatarUrls(user.displayName),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: 'atlassian',
  };
}

export function representStatus(ctx: RepresentContext, status: SimStatus) {
  const category = CATEGORIES[status.category];
  return {
    self: `${api(ctx)}/status/${status.id}`,
    description: '',
    iconUrl: `${ctx.baseUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${api(ctx)}/statuscategory/${category.id}`,
      id: category.id,
      key: status.category,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

/** Every field the simulator knows, in the representation of `ctx.apiVersion`. */
export function representIssueFields(ctx: RepresentContext, issue: SimIssue): Record<string, unknown> {
  const { state } = ctx;
  const project = state.project(issue.projectKey);
  const type = state.issueType(issue.issueTypeId);
  const resolution = issue.resolutionId === null ? undefined : state.resolution(issue.resolutionId);
  const reporter = representUser(ctx, state.user(issue.reporterAccountId));
  return {
    summary: issue.summary,
    description: ctx.apiVersion === '3' ? issue.description : issue.description && adfToPlainText(issue.description),
    status: representStatus(ctx, state.status(issue.statusId)),
    statuscategorychangedate: jiraTime(issue.statusCategoryChangeDate),
    project: {
      self: `${api(ctx)}/project/${project.id}`,
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: avatarUrls(project.key),
    },
    issuetype: {
      self: `${api(ctx)}/issuetype/${type.id}`,
      id: type.id,
      description: '',
      iconUrl: `${ctx.baseUrl}/images/icons/issuetypes/${type.name.toLowerCase()}.svg`,
      name: type.name,
      subtask: type.subtask,
      hierarchyLevel: type.subtask ? -1 : type.name === 'Epic' ? 1 : 0,
    },
    labels: [...issue.labels],
    resolution: resolution
      ? { self: `${api(ctx)}/resolution/${resolution.id}`, id: resolution.id, description: resolution.description, name: resolution.name }
      : null,
    resolutiondate: issue.resolutionDate ? jiraTime(issue.resolutionDate) : null,
    priority: { self: `${api(ctx)}/priority/3`, iconUrl: `${ctx.baseUrl}/images/icons/priorities/medium.svg`, name: 'Medium', id: '3' },
    assignee: issue.assigneeAccountId ? representUser(ctx, state.user(issue.assigneeAccountId)) : null,
    reporter,
    creator: reporter,
    created: jiraTime(issue.created),
    updated: jiraTime(issue.updated),
    attachment: state.attachments(issue.id).map((a) => representAttachment(ctx, a)),
  };
}

/** The `Attachment` schema: `content` is the download URL on the site, which answers 303 to the content. */
export function representAttachment(ctx: RepresentContext, attachment: SimAttachment) {
  return {
    self: `${api(ctx)}/attachment/${attachment.id}`,
    id: attachment.id,
    filename: attachment.filename,
    author: representUser(ctx, ctx.state.user(attachment.authorAccountId)),
    created: jiraTime(attachment.created),
    size: attachment.size,
    mimeType: attachment.mimeType,
    content: `${api(ctx)}/attachment/content/${attachment.id}`,
  };
}

export function representComment(ctx: RepresentContext, comment: SimComment) {
  const { state } = ctx;
  return {
    self: `${api(ctx)}/issue/${comment.issueId}/comment/${comment.id}`,
    id: comment.id,
    author: representUser(ctx, state.user(comment.authorAccountId)),
    body: ctx.apiVersion === '3' ? comment.body : adfToPlainText(comment.body),
    updateAuthor: representUser(ctx, state.user(comment.updateAuthorAccountId)),
    created: jiraTime(comment.created),
    updated: jiraTime(comment.updated),
    jsdPublic: true,
  };
}

export function representTransition(ctx: RepresentContext, transition: SimTransition, expandFields: boolean) {
  const { state } = ctx;
  return {
    id: transition.id,
    name: transition.name,
    to: representStatus(ctx, state.status(transition.to)),
    hasScreen: transition.resolutionOnScreen,
    isGlobal: transition.from === undefined,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
    ...(expandFields ? { fields: transition.resolutionOnScreen ? { resolution: resolutionFieldMeta(ctx) } : {} } : {}),
  };
}

/** The Resolution field as a transition screen describes it (`FieldMetadata`). */
function resolutionFieldMeta(ctx: RepresentContext) {
  return {
    required: false,
    schema: { type: 'resolution', system: 'resolution' },
    name: 'Resolution',
    key: 'resolution',
    hasDefaultValue: false,
    operations: ['set'],
    allowedValues: ctx.state.resolutions().map((r) => ({
      self: `${api(ctx)}/resolution/${r.id}`,
      id: r.id,
      name: r.name,
      description: r.description,
    })),
  };
}

export function adfToPlainText(node: AdfNode): string {
  if (node.type === 'text') return node.text ?? '';
  const inner = (node.content ?? []).map(adfToPlainText).join(node.type === 'doc' ? '\n' : '');
  return ['paragraph', 'heading', 'listItem'].includes(node.type) ? `${inner}\n` : inner;
}
