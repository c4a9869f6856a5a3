import { DEMO_ARTIFACT, DEMO_MODEL } from '../../src/demo/demo-tickets.js';
import type { SimGithubUser } from '../github/github-store.js';
import type { GithubSimulator } from '../github/index.js';
import type { JiraSimulator } from '../jira/create-jira-simulator.js';
import type { LinearSimulator } from '../linear/create-linear-simulator.js';
import { FULLY_BLOCKED, type S3Simulator } from '../s3/index.js';
import { DEMO_GITHUB, DEMO_JIRA, DEMO_LINEAR, DEMO_PEOPLE } from './demo-ticket-ids.js';

/** The demo's Jira project: its workflow, the person who moves tickets and ML-142. */
export function seedJira(jira: JiraSimulator): void {
  const { state } = jira;
  const s = DEMO_JIRA.statuses;
  state.addProject({ key: DEMO_JIRA.project, id: '10004', name: 'Machine Learning Platform' });
  state.addStatus({ id: s.toDo, name: 'To Do', category: 'new' });
  state.addStatus({ id: s.inProgress, name: 'In Progress', category: 'indeterminate' });
  state.addStatus({ id: s.inReview, name: 'In Review', category: 'indeterminate' });
  state.addStatus({ id: s.done, name: 'Done', category: 'done' });
  // Any status to any other, as in a team-managed project; leaving Done can clear the resolution.
  state.addTransition({ id: '11', name: 'To Do', to: s.toDo, resolutionOnScreen: true });
  state.addTransition({ id: '21', name: 'In Progress', to: s.inProgress, resolutionOnScreen: true });
  state.addTransition({ id: '41', name: 'In Review', to: s.inReview, resolutionOnScreen: true });
  state.addTransition({ id: '31', name: 'Done', to: s.done });
  state.addUser({ accountId: DEMO_PEOPLE.jira.accountId, displayName: DEMO_PEOPLE.jira.displayName });
  state.createIssue({
    key: DEMO_JIRA.issueKey,
    project: DEMO_JIRA.project,
    issueType: 'Story',
    status: s.inProgress,
    summary: 'Train churn model on masked Q3 export',
    labels: ['ml', 'pii'],
  });
}

/** The demo's Linear team: its states, the person who moves tickets and AI-7. */
export function seedLinear(linear: LinearSimulator): void {
  const s = DEMO_LINEAR.states;
  linear.addTeam({
    key: 'AI',
    name: 'Applied AI',
    id: DEMO_LINEAR.teamId,
    states: [
      { id: s.todo, name: 'Todo', type: 'unstarted' },
      { id: s.inProgress, name: 'In Progress', type: 'started' },
      { id: s.inReview, name: 'In Review', type: 'started' },
      { id: s.done, name: 'Done', type: 'completed' },
    ],
  });
  linear.addUser({ id: DEMO_PEOPLE.linear.id, name: DEMO_PEOPLE.linear.name });
  // AI-1 … AI-6 came before: the sample deliveries are about AI-7.
  for (let n = 1; n < 7; n++) linear.addIssue({ team: 'AI', title: `Earlier work item ${n}`, stateId: s.done });
  linear.addIssue({ id: DEMO_LINEAR.issueId, team: 'AI', title: 'Evaluate retrieval model on masked support corpus', stateId: s.todo });
}

/** The demo's repository: #42 after 41 earlier issues, and the person who closes it (returned). */
export function seedGithub(github: GithubSimulator): SimGithubUser {
  const closer = github.addUser(DEMO_PEOPLE.github.login);
  for (let n = 1; n < DEMO_GITHUB.number; n++) github.addIssue({ repo: DEMO_GITHUB.repo, title: `Earlier work item ${n}` });
  github.addIssue({ repo: DEMO_GITHUB.repo, title: 'Evaluate retrieval model', labels: ['ml'] });
  return closer;
}

/** The model file: SSE-KMS under a customer-managed key, in a bucket that blocks public access. */
export function seedS3(s3: S3Simulator): void {
  const kmsKeyId = 'arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-acbdcedf0123';
  s3.state.createBucket(DEMO_ARTIFACT.bucket, { publicAccessBlock: { ...FULLY_BLOCKED }, defaultEncryption: { algorithm: 'aws:kms', kmsKeyId, bucketKeyEnabled: true } });
  s3.state.putObject(DEMO_ARTIFACT.bucket, DEMO_ARTIFACT.key, { body: DEMO_MODEL, sse: { algorithm: 'aws:kms', kmsKeyId, bucketKeyEnabled: true } });
}
