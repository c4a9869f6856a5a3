import type { JiraSimulator } from '../simulators/jira/create-jira-simulator.js';
import type { LinearSimulator } from '../simulators/linear/create-linear-simulator.js';
import { FULLY_BLOCKED, sha256Of, type S3Simulator } from '../simulators/s3/index.js';

/**
 * The demo site and workspace, with the ids the sample deliveries in `webhooks/` use, so the samples
 * replay against them unchanged (but for the Jira issue id, which the simulator assigns).
 */
export const DEMO_JIRA = { project: 'ML', issueKey: 'ML-142', statuses: { toDo: '10000', inProgress: '3', inReview: '10002', done: '10001' } };
export const DEMO_LINEAR = {
  teamId: '5e1f7c2a-9b3d-4a8e-b6c1-2d4f6a8c0e12',
  issueId: '0d2f4a6c-8e1b-4d3f-a5c7-9e1b3d5f7a07',
  identifier: 'AI-7',
  states: {
    todo: '1b6a3f9e-2c4d-4e8f-a1b3-5c7d9e0f2a41',
    inProgress: '7d2e4c6a-8b0f-4a1c-9e3d-5f7a9b1c3e52',
    inReview: 'c3a5e7f9-1b2d-4c6e-8a0f-2b4d6f8a0c63',
    done: 'e9c1a3b5-7d2f-4e6a-8c0b-4d6f8a2c4e74',
  },
};
export const DEMO_PEOPLE = {
  jira: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Priya Natarajan' },
  linear: { id: '2a4c6e8f-0b1d-4f3a-9c5e-7a9b1d3f5e85', name: 'Lena Fischer' },
};

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

const DEMO_MODEL = Buffer.from('demo churn model weights\n'.repeat(64));

/** The model file the demo tickets ship: SSE-KMS under a customer-managed key, in a bucket that blocks public access. */
export const DEMO_ARTIFACT = { bucket: 'acme-ml-models', key: 'churn/2026-q3/model.safetensors', uri: 's3://acme-ml-models/churn/2026-q3/model.safetensors', sha256: sha256Of(DEMO_MODEL) };

export function seedS3(s3: S3Simulator): void {
  const kmsKeyId = 'arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-acbdcedf0123';
  s3.state.createBucket(DEMO_ARTIFACT.bucket, { publicAccessBlock: { ...FULLY_BLOCKED }, defaultEncryption: { algorithm: 'aws:kms', kmsKeyId, bucketKeyEnabled: true } });
  s3.state.putObject(DEMO_ARTIFACT.bucket, DEMO_ARTIFACT.key, { body: DEMO_MODEL, sse: { algorithm: 'aws:kms', kmsKeyId, bucketKeyEnabled: true } });
}
