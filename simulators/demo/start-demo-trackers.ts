import type { DemoTrackers, StartDemoTrackers } from '../../src/demo/demo-trackers.js';
import { createGithubSimulator } from '../github/index.js';
import { createJiraSimulator } from '../jira/create-jira-simulator.js';
import { createLinearSimulator } from '../linear/create-linear-simulator.js';
import { createS3Simulator, s3ClientFor } from '../s3/index.js';
import { GITHUB_DEMO_SECRET, githubDemoTracker } from './github-demo-tracker.js';
import { jiraDemoTracker } from './jira-demo-tracker.js';
import { LINEAR_DEMO_SECRET, linearDemoTracker } from './linear-demo-tracker.js';
import { seedGithub, seedJira, seedLinear, seedS3 } from './seed-demo-trackers.js';

/**
 * The built-in trackers the demo shows, one each of the registered trackers, seeded with their tickets,
 * and the S3 that holds the model file. Adding a tracker to the demo is one entry in this list.
 */
export const startDemoTrackers: StartDemoTrackers = async (): Promise<DemoTrackers> => {
  const [jira, linear, github, s3] = await Promise.all([
    createJiraSimulator(),
    createLinearSimulator({ webhookSecret: LINEAR_DEMO_SECRET }),
    createGithubSimulator({ webhookSecret: GITHUB_DEMO_SECRET }),
    createS3Simulator(),
  ]);
  seedJira(jira);
  seedLinear(linear);
  const closer = seedGithub(github);
  seedS3(s3);
  return {
    trackers: [jiraDemoTracker(jira), linearDemoTracker(linear), githubDemoTracker(github, closer)],
    s3: s3ClientFor(s3),
    close: async () => {
      await Promise.all([jira.close(), linear.close(), github.close(), s3.close()]);
    },
  };
};
