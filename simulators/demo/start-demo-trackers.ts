import type { DemoTrackers, StartDemoTrackers } from '../../src/demo/demo-trackers.js';
import { DEMO_PEOPLE } from '../../src/demo/demo-tickets.js';
import { adfToText } from '../jira/adf-to-text.js';
import { createJiraSimulator } from '../jira/create-jira-simulator.js';
import { createLinearSimulator } from '../linear/create-linear-simulator.js';
import { createS3Simulator, s3ClientFor } from '../s3/index.js';
import { seedJira, seedLinear, seedS3 } from './seed-demo-trackers.js';

/** The built-in Jira, Linear and S3 the demo runs against, seeded with its tickets and model file. */
export const startDemoTrackers: StartDemoTrackers = async (): Promise<DemoTrackers> => {
  const jira = await createJiraSimulator();
  const linear = await createLinearSimulator();
  const s3 = await createS3Simulator();
  seedJira(jira);
  seedLinear(linear);
  seedS3(s3);
  return {
    jira: {
      baseUrl: jira.baseUrl,
      email: jira.email,
      apiToken: jira.apiToken,
      issueId: (key) => jira.state.issue(key).id,
      moveTicket: (key, statusId) => ({ ...jira.moveIssue(key, statusId, { actorAccountId: DEMO_PEOPLE.jira.accountId }) }),
      view: (key) => {
        const issue = jira.state.issue(key);
        const own = jira.state.comments(key).filter((c) => c.authorAccountId === jira.selfAccountId);
        const last = own.at(-1);
        return { status: jira.state.status(issue.statusId).name, labels: issue.labels, ownComments: own.length, ...(last ? { lastOwnComment: adfToText(last.body) } : {}) };
      },
    },
    linear: {
      apiUrl: linear.url,
      apiKey: linear.apiKey,
      moveTicket: (key, stateId) => ({ ...linear.moveIssue(key, stateId, { actorId: DEMO_PEOPLE.linear.id }).body }),
      view: (key) => {
        const own = linear.commentsOn(key).filter((c) => c.userId === linear.viewer.id);
        const last = own.at(-1);
        return { status: linear.stateOf(key)?.name ?? '?', labels: linear.labelNamesOf(key), ownComments: own.length, ...(last ? { lastOwnComment: last.body } : {}) };
      },
    },
    s3: s3ClientFor(s3),
    close: async () => {
      await Promise.all([jira.close(), linear.close(), s3.close()]);
    },
  };
};
