import { getGithubContract } from './load-github-contract.js';
import { issueKey, type GithubStore, type SimGithubComment, type SimGithubIssue, type SimGithubUser, type SimProjectItem } from './github-store.js';
import { synthesizeFromSchema } from './synthesize-from-schema.js';

/**
 * Objects as GitHub's REST API and webhooks show them: every required field present (from GitHub's own
 * schemas), the fields donegate reads filled from the store. `web` is the simulator's own address,
 * standing in for https://github.com.
 */
export function createRepresentations(store: GithubStore, web: string) {
  const { components } = getGithubContract();
  const shaped = (schema: string, values: Parameters<typeof synthesizeFromSchema>[2]) =>
    synthesizeFromSchema({ $ref: `#/components/schemas/${schema}` }, components, values);

  const user = (account: SimGithubUser) =>
    shaped('simple-user', {
      id: account.id,
      node_id: `U_sim${account.id}`,
      login: account.login,
      type: account.type,
      gravatar_id: '',
      html_url: `${web}/${encodeURIComponent(account.login)}`,
      url: `${web}/users/${encodeURIComponent(account.login)}`,
    });

  const userById = (id: number) => user(store.users.get(id) ?? { id, login: `user-${id}`, type: 'User' });

  const repository = (fullName: string) => {
    const [owner = '', name = ''] = fullName.split('/');
    return {
      id: Math.abs(hash(fullName)),
      node_id: `R_sim${Math.abs(hash(fullName)).toString(36)}`,
      name,
      full_name: fullName,
      owner: userOrOrg(owner),
      html_url: `${web}/${fullName}`,
    };
  };

  const userOrOrg = (login: string) => {
    const known = [...store.users.values()].find((candidate) => candidate.login === login);
    return user(known ?? { id: Math.abs(hash(login)), login, type: 'Organization' });
  };

  const issueFields = (issue: SimGithubIssue) => ({
    id: issue.id,
    node_id: issue.nodeId,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason,
    labels: issue.labels.map((name) => ({ id: Math.abs(hash(name)), node_id: `LA_sim${Math.abs(hash(name)).toString(36)}`, name, color: 'ededed', default: false, description: null, url: `${web}/labels/${encodeURIComponent(name)}` })),
    user: userById(issue.authorId),
    html_url: `${web}/${issue.repo}/issues/${issue.number}`,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    comments: [...store.comments.values()].filter((comment) => comment.issueKey === issueKey(issue)).length,
  });

  const commentFields = (comment: SimGithubComment) => ({
    id: comment.id,
    node_id: comment.nodeId,
    body: comment.body,
    user: userById(comment.authorId),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: `${web}/${comment.issueKey.replace('#', '/issues/')}#issuecomment-${comment.id}`,
  });

  return {
    user,
    userById,
    repository: (fullName: string) => shaped('repository-webhooks', repository(fullName)),
    organization: (login: string) => shaped('organization-simple-webhooks', { login, id: Math.abs(hash(login)), node_id: `O_sim${Math.abs(hash(login)).toString(36)}` }),
    /** `GET /repos/{owner}/{repo}/issues/{n}`. */
    issue: (issue: SimGithubIssue) => shaped('issue', { ...issueFields(issue), repository_url: `${web}/repos/${issue.repo}` }),
    labelsOf: (issue: SimGithubIssue) => issueFields(issue).labels,
    /** The `issue` of an `issues` or `issue_comment` delivery. */
    webhookIssue: (issue: SimGithubIssue, payloadSchema: 'webhook-issues-closed' | 'webhook-issue-comment-created') => {
      const envelope = shaped(payloadSchema, { issue: { ...issueFields(issue), repository_url: `${web}/repos/${issue.repo}` } });
      return (envelope as { issue: unknown }).issue;
    },
    comment: (comment: SimGithubComment) => shaped('issue-comment', commentFields(comment)),
    /** The `comment` of an `issue_comment` delivery. */
    webhookComment: (comment: SimGithubComment) => (shaped('webhook-issue-comment-created', { comment: commentFields(comment) }) as { comment: unknown }).comment,
    projectItem: (item: SimProjectItem, contentNodeId: string) =>
      shaped('projects-v2-item', {
        id: item.id,
        node_id: item.nodeId,
        project_node_id: item.projectNodeId,
        content_node_id: contentNodeId,
        content_type: 'Issue',
        created_at: item.createdAt,
        updated_at: item.updatedAt,
        archived_at: null,
      }),
  };
}

export type GithubRepresentations = ReturnType<typeof createRepresentations>;

/** A stable number from a name, for ids of things the store does not keep (repositories, labels). */
function hash(text: string): number {
  let value = 7;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
  return value || 1;
}
