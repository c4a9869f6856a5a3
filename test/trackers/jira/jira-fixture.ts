import { createJiraSimulator, type JiraSimulator, type SimIssue, type SimStatus } from '../../../simulators/jira/index.js';
import { createJiraClient, createJiraTracker } from '../../../src/trackers/jira/index.js';
import type { Tracker } from '../../../src/trackers/tracker.js';

export interface JiraFixture {
  jira: JiraSimulator;
  tracker: Tracker;
  issue: SimIssue;
  statuses: { todo: SimStatus; inProgress: SimStatus; done: SimStatus };
}

/**
 * A simulated site with project ML on Jira's simplified workflow (To Do, In Progress, Done; every status
 * reachable, Resolution on the screens leading out of Done), issue ML-1 in In Progress, and a tracker on it.
 */
export async function createJiraFixture(credentials: { apiToken?: string } = {}): Promise<JiraFixture> {
  const jira = await createJiraSimulator({ selfAccountId: 'donegate-bot' });
  jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
  const statuses = jira.state.useSimplifiedWorkflow();
  const issue = jira.state.createIssue({
    project: 'ML',
    issueType: 'Story',
    status: statuses.inProgress.id,
    summary: 'Train the churn model',
    description: 'uses customer emails',
    labels: ['ml'],
  });
  const client = createJiraClient({ baseUrl: jira.baseUrl, email: jira.email, apiToken: credentials.apiToken ?? jira.apiToken });
  return { jira, tracker: createJiraTracker({ client, siteUrl: jira.baseUrl }), issue, statuses };
}
