import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BLOCKED_LABEL } from '../../../src/domain/index.js';
import { createJiraFixture, type JiraFixture } from './jira-fixture.js';
import { blockedVerdict, passingVerdict, verdictProperty } from './verdict-samples.js';

describe('Jira tracker against the REST v3 contract', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
  });
  afterEach(async () => {
    await f.jira.close();
  });

  it('sends only requests the real Jira accepts through a whole block-then-pass cycle', async () => {
    const { jira, tracker, statuses } = f;
    jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice', displayName: 'Alice' });

    await tracker.selfId();
    const done = await tracker.getTicket({ key: 'ML-1' });
    await tracker.moveTo(done, statuses.inProgress.id);
    await tracker.upsertComment(done, blockedVerdict);
    await tracker.addLabel(done, BLOCKED_LABEL);
    await tracker.setVerdictProperty!(done, verdictProperty);

    jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });
    const again = await tracker.getTicket({ id: done.id });
    await tracker.upsertComment(again, passingVerdict);
    await tracker.removeLabel(again, BLOCKED_LABEL);
    await tracker.setVerdictProperty!(again, { ...verdictProperty, status: 'pass' });

    expect(jira.violations).toEqual([]);
    expect(jira.requests.every((r) => r.status < 400)).toBe(true);
    expect(jira.state.comments('ML-1')).toHaveLength(1);
    expect(jira.state.issue('ML-1')).toMatchObject({ statusId: statuses.done.id, labels: ['ml'] });
  });
});
