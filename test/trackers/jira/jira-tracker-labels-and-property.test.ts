import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BLOCKED_LABEL, VERDICT_PROPERTY_KEY } from '../../../src/domain/index.js';
import { createJiraFixture, type JiraFixture } from './jira-fixture.js';
import { verdictProperty } from './verdict-samples.js';

describe('Jira tracker: labels and the verdict property', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
  });
  afterEach(async () => {
    await f.jira.close();
  });

  it('adds a label once, however often it is asked, and keeps the labels already there', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    await f.tracker.addLabel(ticket, BLOCKED_LABEL);
    await f.tracker.addLabel(ticket, BLOCKED_LABEL);

    expect(f.jira.state.issue('ML-1').labels).toEqual(['ml', BLOCKED_LABEL]);
  });

  it('removes a label, and removing an absent one changes nothing', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });
    await f.tracker.addLabel(ticket, BLOCKED_LABEL);

    await f.tracker.removeLabel(ticket, BLOCKED_LABEL);
    await f.tracker.removeLabel(ticket, BLOCKED_LABEL);

    expect(f.jira.state.issue('ML-1').labels).toEqual(['ml']);
    await expect(f.tracker.getTicket({ key: 'ML-1' })).resolves.toMatchObject({ labels: ['ml'] });
    expect(f.jira.violations).toEqual([]);
  });

  it('publishes the verdict as the donegate.verdict issue property, readable over REST', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    await f.tracker.setVerdictProperty!(ticket, verdictProperty);
    await f.tracker.setVerdictProperty!(ticket, { ...verdictProperty, status: 'pass', criteria: [] });

    const response = await fetch(`${f.jira.baseUrl}/rest/api/3/issue/ML-1/properties/${VERDICT_PROPERTY_KEY}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${f.jira.email}:${f.jira.apiToken}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ key: VERDICT_PROPERTY_KEY, value: { ...verdictProperty, status: 'pass', criteria: [] } });
    expect(f.jira.violations).toEqual([]);
  });
});
