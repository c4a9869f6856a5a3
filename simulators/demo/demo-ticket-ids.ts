/**
 * The demo's Jira site, Linear workspace and GitHub repository, with the ids the sample deliveries in
 * `webhooks/` use, so the samples replay against them unchanged (but for the Jira issue id, which the
 * simulator assigns).
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
/** `webhooks/github/` is about issue #42 of acme/ml; donegate stores GitHub keys upper-cased. */
export const DEMO_GITHUB = { repo: 'acme/ml', number: 42, issueKey: 'ACME/ML#42' };

/** The people who move the demo tickets on the board. */
export const DEMO_PEOPLE = {
  jira: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Priya Natarajan' },
  linear: { id: '2a4c6e8f-0b1d-4f3a-9c5e-7a9b1d3f5e85', name: 'Lena Fischer' },
  github: { login: 'alice-ml' },
};
