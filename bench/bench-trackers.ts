import { createJiraSimulator, type JiraSimulator } from '../simulators/jira/create-jira-simulator.js';
import { createLinearSimulator, type LinearSimulator } from '../simulators/linear/create-linear-simulator.js';
import { signJiraDelivery, type SignedDelivery } from '../test/support/sign-deliveries.js';

export const JIRA_SECRET = 'jira-webhook-secret-for-the-bench';
export const LINEAR_SECRET = 'linear-webhook-secret-for-the-bench';
/** The Jira project and Linear team the bench policy gates. */
export const BENCH_PROJECT = 'BENCH';

/** Where the simulated trackers listen, and the credentials they accept. */
export interface TrackerEndpoints {
  jiraBaseUrl: string;
  jiraEmail: string;
  jiraApiToken: string;
  linearApiUrl: string;
  linearApiKey: string;
}

export interface BenchTrackers {
  jira: JiraSimulator;
  linear: LinearSimulator;
  /** Ticket keys created up front, all "In Progress", one per delivery. */
  jiraKeys: string[];
  linearKeys: string[];
  endpoints: TrackerEndpoints;
  /** Move the ticket to Done as a person on the board, and return the delivery the tracker would send. */
  moveJira(key: string, deliveryId: string): SignedDelivery;
  moveLinear(key: string): SignedDelivery & { deliveryId: string };
  close(): Promise<void>;
}

const DESCRIPTION = 'Ship the retrieval model behind the feature flag; customer list at s3://raw must stay encrypted.';

/**
 * Both simulators with `tickets` tickets each in the gated project/team. Deliveries are real-shaped and
 * signed as the trackers sign them: Jira with X-Hub-Signature, Linear by the simulator itself.
 */
export async function startBenchTrackers(tickets: number): Promise<BenchTrackers> {
  const jira = await createJiraSimulator();
  const linear = await createLinearSimulator({ webhookSecret: LINEAR_SECRET });
  jira.state.addProject({ key: BENCH_PROJECT, name: 'Benchmark' });
  jira.state.useSimplifiedWorkflow();
  linear.addTeam({ key: BENCH_PROJECT, name: 'Benchmark' });
  const alice = { actorAccountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Alice Engineer' };
  const lena = linear.addUser({ name: 'Lena Fischer', email: 'lena@example.com' });
  const doneStateId = linear.stateNamed(BENCH_PROJECT, 'Done')!.id;
  const jiraKeys: string[] = [];
  const linearKeys: string[] = [];
  for (let n = 0; n < tickets; n++) {
    jiraKeys.push(jira.state.createIssue({ project: BENCH_PROJECT, status: 'In Progress', summary: `Bench ticket ${n}`, description: DESCRIPTION }).key);
    linearKeys.push(linear.addIssue({ team: BENCH_PROJECT, title: `Bench ticket ${n}`, description: DESCRIPTION, stateId: 'In Progress' }).identifier);
  }
  return {
    jira,
    linear,
    jiraKeys,
    linearKeys,
    endpoints: { jiraBaseUrl: jira.baseUrl, jiraEmail: jira.email, jiraApiToken: jira.apiToken, linearApiUrl: linear.url, linearApiKey: linear.apiKey },
    moveJira: (key, deliveryId) => signJiraDelivery(JIRA_SECRET, jira.moveIssue(key, 'Done', alice), { deliveryId }),
    moveLinear(key) {
      const delivery = linear.moveIssue(key, doneStateId, { actorId: lena.id });
      return { body: delivery.rawBody, headers: delivery.headers, deliveryId: delivery.deliveryId };
    },
    close: async () => {
      await Promise.all([jira.close(), linear.close()]);
    },
  };
}
