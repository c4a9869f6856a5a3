import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import { matchRule } from '../../src/policy/match-rule.js';
import type { Ticket } from '../../src/domain/index.js';

const policy = parsePolicy(
  `version: 1
rules:
  - name: ml-stories
    match: { jira: { projects: [ML] }, issueTypes: [Story] }
    require: [pii-scan]
  - name: ml-and-ai
    match: { jira: { projects: [ML] }, linear: { teams: [AI] } }
    require: [dependency-audit]
  - name: anything-labelled-model
    match: { labels: [model] }
    mode: warn
    require: [encrypted-artifact]
`,
  'policy.yaml',
  createCriterionRegistry(),
);

const ticket = (over: Partial<Ticket>): Ticket => ({
  tracker: 'jira',
  id: '1',
  key: 'ML-1',
  title: 't',
  status: { id: '1', name: 'Done', category: 'done', isDone: true },
  project: 'ML',
  labels: [],
  ...over,
});

describe('matchRule', () => {
  it('takes the first matching rule in file order', () => {
    expect(matchRule(policy, ticket({ issueType: 'Story' }))?.name).toBe('ml-stories');
    expect(matchRule(policy, ticket({ issueType: 'Bug' }))?.name).toBe('ml-and-ai');
  });

  it('matches Linear tickets by team key and ignores Jira issue types for them', () => {
    expect(matchRule(policy, ticket({ tracker: 'linear', key: 'AI-7', project: 'AI' }))?.name).toBe('ml-and-ai');
    expect(matchRule(policy, ticket({ tracker: 'linear', key: 'ML-7', project: 'ML' }))).toBeUndefined();
  });

  it('applies a rule naming no tracker to labelled tickets of both trackers', () => {
    expect(matchRule(policy, ticket({ project: 'WEB', labels: ['model'] }))?.name).toBe('anything-labelled-model');
    expect(matchRule(policy, ticket({ tracker: 'linear', project: 'WEB', labels: ['model'] }))?.mode).toBe('warn');
  });

  it('gates nothing that no rule names', () => {
    expect(matchRule(policy, ticket({ project: 'WEB' }))).toBeUndefined();
  });
});
