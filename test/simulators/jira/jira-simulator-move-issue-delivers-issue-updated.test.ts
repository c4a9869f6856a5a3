import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { JiraSimulator, TransitionEvent } from '../../../simulators/jira/index.js';
import { normaliseJiraDelivery } from '../../../src/trackers/jira/webhook/normalise-jira-delivery.js';
import { createSimulatedSite } from './jira-simulator-fixture.js';

describe('Jira simulator: moveIssue as a person on the board', () => {
  let jira: JiraSimulator;
  beforeEach(async () => {
    jira = await createSimulatedSite();
  });
  afterEach(async () => {
    await jira.close();
  });

  it('returns the jira:issue_updated body Jira delivers, resolution item before status item', () => {
    const delivery = jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice-account', displayName: 'Alice' });

    expect(delivery).toMatchObject({
      timestamp: expect.any(Number),
      webhookEvent: 'jira:issue_updated',
      issue_event_type_name: 'issue_generic',
      user: { accountId: 'alice-account', displayName: 'Alice', accountType: 'atlassian', active: true },
      issue: {
        id: jira.state.issue('ML-1').id,
        key: 'ML-1',
        self: `${jira.baseUrl}/rest/api/2/issue/${jira.state.issue('ML-1').id}`,
        fields: {
          summary: 'Train the churn model',
          status: { id: '10002', name: 'Done', statusCategory: { id: 3, key: 'done', name: 'Done' } },
          project: { key: 'ML', name: 'Machine Learning' },
          resolution: { id: '10000', name: 'Done' },
        },
      },
      changelog: { id: expect.stringMatching(/^\d+$/) },
    });
    expect(delivery.changelog.items).toEqual([
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10001', fromString: 'In Progress', to: '10002', toString: 'Done' },
    ]);
    expect(JSON.parse(JSON.stringify(delivery))).toEqual(delivery);
  });

  it("is read by donegate's Jira receiver as a transition into Done by that person", () => {
    const delivery = jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });
    const rawBody = Buffer.from(JSON.stringify(delivery));

    const normalised = normaliseJiraDelivery(JSON.parse(rawBody.toString()), { rawBody, deliveryIdHeader: 'd-1', now: Date.now() });

    expect(normalised).toMatchObject({
      kind: 'transition',
      transition: { tracker: 'jira', ticketKey: 'ML-1', fromStatusId: '10001', toStatusId: '10002', actorId: 'alice' },
    });
  });

  it('changes the issue the REST API then reads', () => {
    jira.moveIssue('ML-1', '10002', { actorAccountId: 'alice' });
    expect(jira.state.issue('ML-1')).toMatchObject({ statusId: '10002', resolutionId: '10000' });
  });

  it('emits a transition event carrying the same delivery', () => {
    const events: TransitionEvent[] = [];
    jira.events.on('transition', (e) => events.push(e));

    const delivery = jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });

    expect(events).toEqual([expect.objectContaining({ issueKey: 'ML-1', via: 'board', fromStatusId: '10001', toStatusId: '10002', delivery })]);
  });

  it('refuses a move the workflow does not allow, naming both statuses', () => {
    for (const id of ['11', '21', '31']) jira.state.removeTransition(id);
    jira.state.addTransition({ from: ['In Progress'], to: 'Done' });
    jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });

    expect(() => jira.moveIssue('ML-1', 'In Progress', { actorAccountId: 'alice' })).toThrow(/from 'Done' to 'In Progress'/);
  });
});
