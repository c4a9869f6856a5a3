import { createJiraSimulator, type JiraSimulator } from '../../../simulators/jira/index.js';

/** A site with project ML on the simplified workflow and ML-1 in In Progress. */
export async function createSimulatedSite(): Promise<JiraSimulator> {
  const jira = await createJiraSimulator({ selfAccountId: 'donegate-bot' });
  jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
  jira.state.useSimplifiedWorkflow();
  jira.state.createIssue({ project: 'ML', summary: 'Train the churn model', status: 'In Progress' });
  return jira;
}

/** A raw request, as a careless client would send it. */
export async function send(
  jira: JiraSimulator,
  method: string,
  path: string,
  options: { body?: unknown; auth?: string | null } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const auth = options.auth === undefined ? `${jira.email}:${jira.apiToken}` : options.auth;
  const response = await fetch(`${jira.baseUrl}${path}`, {
    method,
    headers: {
      ...(auth === null ? {} : { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` }),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
}
