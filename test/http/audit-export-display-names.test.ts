import { waiverCreatedEvent } from '../../src/audit/audit-events.js';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const DAY_MS = 86_400_000;
const HOSTILE_NAME = '<img src=x onerror=alert(1)>Mallory & "Co"';

describe('the HTML audit export of the API', () => {
  let h: GateHarness;
  let exported: string;

  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addUser({ accountId: 'u-priya', displayName: 'Priya Patel' });
    h.jira.state.addUser({ accountId: 'u-mallory', displayName: HOSTILE_NAME });
    const audit = createAuditLog(h.db);
    const waiver = (n: number, tracker: string, ticketKey: string, approver: string, approvedVia: string) =>
      waiverCreatedEvent({
        id: `00000000-0000-4000-8000-00000000000${n}`,
        tracker,
        ticketKey,
        criterion: 'pii-scan',
        advisories: [],
        reason: 'public dataset',
        approver,
        approvedVia,
        expiresAt: new Date(Date.now() + 30 * DAY_MS),
        createdAt: new Date(),
      });
    await audit.append(waiver(1, 'jira', 'ML-20', 'u-priya', 'jira-comment'));
    await audit.append(waiver(2, 'jira', 'ML-21', 'u-mallory', 'jira-comment'));
    // Linear has no user with this id: the lookup fails and the id is shown alone.
    await audit.append(waiver(3, 'linear', 'AI-4', 'u-nobody', 'linear-comment'));
    await audit.append(waiver(4, 'jira', 'ML-22', 'sec-lead', 'api'));
    const answer = await h.api('/audit/export?format=html', { token: await h.createToken('auditor', 'iso-auditor') });
    expect(answer.status).toBe(200);
    exported = await answer.text();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows a Jira account by its display name with the account id kept beside it', () => {
    expect(exported).toContain('Priya Patel (<code>jira:u-priya</code>)');
  });

  it('escapes a hostile display name instead of letting it into the markup', () => {
    expect(exported).toContain('&lt;img src=x onerror=alert(1)&gt;Mallory &amp; &quot;Co&quot; (<code>jira:u-mallory</code>)');
    expect(exported).not.toContain('<img');
  });

  it('leaves actors the trackers cannot name as their ids alone', () => {
    expect(exported).toContain('<td><code>linear:u-nobody</code></td>');
    expect(exported).toContain('<td><code>token:sec-lead</code></td>');
  });
});
