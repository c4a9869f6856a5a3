import { randomBytes } from 'node:crypto';
import { Job } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import type { NotificationEvent } from '../../src/domain/index.js';
import { jobIdForDelivery } from '../../src/queue/job-id.js';
import { createWaiverRepository } from '../../src/waivers/waiver-repository.js';
import { startFakeNotifyEndpoint } from '../support/fake-notify-endpoint.js';
import { freePort } from '../support/free-port.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { waitFor } from '../support/wait-for.js';

const HOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const DIGEST_HOUR = new Date().getUTCHours();

const POLICY = `version: 1
rules:
  - name: ml-models
    match:
      jira: { projects: [ML, DIG, DOWN] }
    mode: block
    require:
      - pii-scan
notifications:
  digestHourUtc: ${DIGEST_HOUR}
  channels:
    security: { kind: slack, webhookUrlEnv: NOTIFY_SLACK_SECURITY_URL }
    audit-hook: { kind: webhook, urlEnv: NOTIFY_AUDIT_HOOK_URL, secretEnv: NOTIFY_AUDIT_HOOK_SECRET }
    pm-digest: { kind: slack, webhookUrlEnv: NOTIFY_SLACK_DIGEST_URL, digest: daily }
    unreachable: { kind: slack, webhookUrlEnv: NOTIFY_SLACK_DOWN_URL }
  routes:
    - match: { jira: { projects: [ML] } }
      channels: [security, audit-hook]
    - match: { jira: { projects: [DIG] } }
      channels: [pm-digest]
      events: [ticket-blocked]
    - match: { jira: { projects: [DOWN] } }
      channels: [unreachable]
`;

type Endpoint = Awaited<ReturnType<typeof startFakeNotifyEndpoint>>;

describe('notifications of blocked tickets and expiring waivers', () => {
  let h: GateHarness;
  let slack: Endpoint;
  let hook: Endpoint;
  let digest: Endpoint;
  let downUrl: string;

  beforeAll(async () => {
    [slack, hook, digest] = await Promise.all([startFakeNotifyEndpoint(), startFakeNotifyEndpoint(), startFakeNotifyEndpoint()]);
    downUrl = `http://127.0.0.1:${await freePort()}/services/T000/B000/down-secret-part`;
    h = await startGateHarness({
      policy: POLICY,
      env: {
        NOTIFY_SLACK_SECURITY_URL: slack.url,
        NOTIFY_AUDIT_HOOK_URL: hook.url,
        NOTIFY_AUDIT_HOOK_SECRET: HOOK_SECRET,
        NOTIFY_SLACK_DIGEST_URL: digest.url,
        NOTIFY_SLACK_DOWN_URL: downUrl,
        NOTIFICATION_ATTEMPTS: '3',
      },
    });
    // The middle of the digest hour, so the digest job sees its hour however long the suite runs.
    const now = new Date();
    h.clock.offsetMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR, 30) - now.getTime();
    for (const key of ['ML', 'DIG', 'DOWN']) h.jira.state.addProject({ key });
    h.jira.state.useSimplifiedWorkflow();
  }, 30_000);
  afterAll(async () => {
    await h.close();
    await Promise.all([slack.close(), hook.close(), digest.close()]);
  });

  const block = async (project: string, summary: string, deliveryId: string) => {
    const issue = h.jira.state.createIssue({ project, summary, status: 'In Progress' });
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', { actorAccountId: 'alice-1' }), { deliveryId });
    const decision = await h.decisionFor('jira', issue.key, deliveryId);
    expect(decision.outcome).toBe('fail');
    return issue.key;
  };
  const runJob = async (name: string, data: object, jobId: string) => {
    await h.service.queue.add(name, data, { jobId });
    await waitFor(async () => ['completed', 'failed'].includes((await (await Job.fromId(h.service.queue, jobId))?.getState()) ?? ''), { what: `job ${jobId} to finish` });
  };
  const slackText = (body: string) => JSON.stringify(JSON.parse(body) as unknown);

  it('tells Slack and the signed webhook once when a ticket is blocked, with hostile text made inert, and once when it passes', async () => {
    const key = await block('ML', 'Ship <!channel> now <https://evil.example|click> & ping <@U0BOSS>', 'block-ml');
    await waitFor(() => slack.received.length === 1 && hook.received.length === 1, { what: 'the blocked notifications' });

    const message = JSON.parse(slack.received[0]!.body) as { text: string; blocks: Array<{ text: { text: string } }> };
    expect(message.text).toContain(`${key} blocked from Done`);
    expect(message.blocks[0]!.text.text).toContain('pii-scan');
    const sent = slackText(slack.received[0]!.body);
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).toContain('&lt;https://evil.example|click&gt;');
    expect(sent).toContain('&lt;@U0BOSS&gt;');
    expect(sent).not.toMatch(/<!channel>|<https:\/\/evil|<@U0BOSS>/);

    const { body, headers } = hook.received[0]!;
    const verified = new Webhook(HOOK_SECRET).verify(body, headers as Record<string, string>) as { type: string; data: { event: NotificationEvent } };
    expect(verified).toMatchObject({ type: 'ticket-blocked', data: { event: { ticketKey: key, rule: 'ml-models', failing: ['pii-scan'] } } });
    expect(() => new Webhook(`whsec_${randomBytes(24).toString('base64')}`).verify(body, headers as Record<string, string>)).toThrow();

    // The decision job runs again, and so does the notify job, each under another job id: nobody hears twice.
    const decided = await Job.fromId(h.service.queue, jobIdForDelivery('jira', h.deliveryIdOf('jira', 'block-ml')));
    await runJob('decide-transition', decided!.data as object, 'decide-again');
    expect(h.logText()).toContain('delivery already decided');
    await runJob('notify', { event: verified.data.event }, 'notify-again');
    expect(slack.received).toHaveLength(1);
    expect(hook.received).toHaveLength(1);

    await h.supplyEvidence('jira', key, ['pii-scan']);
    await h.post('jira', h.jira.moveIssue(key, 'Done', { actorAccountId: 'alice-1' }), { deliveryId: 'pass-ml' });
    await waitFor(() => slack.received.length === 2, { what: 'the unblocked notification' });
    expect(JSON.parse(slack.received[1]!.body)).toMatchObject({ text: expect.stringContaining(`${key} now passes the gate`) });
  }, 30_000);

  it('retries after a 500 and waits out a 429 Retry-After before sending', async () => {
    slack.answerNext(500);
    slack.answerNext(429, { 'retry-after': '2' });
    const before = slack.tried.length;
    const key = await block('ML', 'Retry me', 'block-retry');
    await waitFor(() => slack.received.some((post) => post.body.includes(key)), { what: 'the notification after the refusals', timeoutMs: 15_000 });
    const tries = slack.tried.slice(before);
    expect(tries).toHaveLength(3);
    // Backoff alone would retry within a second; the 429 asked for two.
    expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(1900);
  }, 30_000);

  it('holds digest channels’ events and sends one message listing them at the digest hour, once', async () => {
    const first = await block('DIG', 'Digest one', 'block-dig-1');
    const second = await block('DIG', 'Digest two', 'block-dig-2');
    // Both notify jobs ran: the events are held, not sent.
    await waitFor(async () => (await h.service.db.query("SELECT 1 FROM notifications WHERE channel = 'pm-digest' AND state = 'pending'")).length === 2, {
      what: 'the held events',
    });
    // An hour later than the digest hour, the hourly job sends nothing.
    h.clock.offsetMs += 60 * 60_000;
    await runJob('notify-digest', {}, 'digest-other-hour');
    h.clock.offsetMs -= 60 * 60_000;
    expect(digest.received).toHaveLength(0);
    await runJob('notify-digest', {}, 'digest-run');
    await runJob('notify-digest', {}, 'digest-again');
    expect(digest.received).toHaveLength(1);
    const message = JSON.parse(digest.received[0]!.body) as { text: string; blocks: unknown[] };
    expect(message.text).toContain('2 blocked');
    expect(digest.received[0]!.body).toContain(first);
    expect(digest.received[0]!.body).toContain(second);
    expect(message.blocks).toHaveLength(3);
  }, 30_000);

  it('announces a waiver that expires within the window once', async () => {
    const key = await block('ML', 'Waived', 'block-waived');
    await waitFor(() => slack.received.some((post) => post.body.includes(`${key} blocked`)), { what: 'the blocked notification' });
    await createWaiverRepository(h.service.db).add({
      tracker: 'jira',
      ticketKey: key,
      criterion: 'pii-scan',
      advisories: [],
      reason: 'synthetic data only',
      approver: 'sec-lead',
      approvedVia: 'api',
      expiresAt: new Date(Date.now() + h.clock.offsetMs + 3 * 24 * 60 * 60_000),
    });
    await runJob('notify-waiver-expiry', {}, 'expiry-1');
    await waitFor(() => slack.received.some((post) => post.body.includes(`Waiver on ${key} expires`)), { what: 'the expiring waiver notification' });
    await runJob('notify-waiver-expiry', {}, 'expiry-2');
    await runJob('notify', { event: { kind: 'ticket-unblocked', id: 'barrier', tracker: 'jira', ticketKey: key, at: new Date().toISOString(), rule: 'ml-models' } }, 'barrier');
    await waitFor(() => slack.received.some((post) => post.body.includes('now passes')), { what: 'the barrier' });
    expect(slack.received.filter((post) => post.body.includes(`Waiver on ${key}`))).toHaveLength(1);
  }, 30_000);

  it('leaves the decision and its comment as they are when the channel is down, retries, then gives up with a log line', async () => {
    const key = await block('DOWN', 'Nobody listens', 'block-down');
    expect(h.jira.state.comments(key).filter((c) => c.authorAccountId === h.jira.selfAccountId)).toHaveLength(1);
    expect(h.jira.state.issue(key)?.statusId).not.toBe(h.jira.state.status('Done').id);
    await waitFor(() => h.logText().includes('notification given up'), { what: 'the give-up line', timeoutMs: 15_000 });
    const line = h.logText().split('\n').find((l) => l.includes('notification given up'))!;
    expect(line).toContain(key);
    expect(line).toContain('unreachable');
    expect(h.logText()).not.toContain('down-secret-part');
    expect((await h.decisions('jira', key)).map((d) => d.outcome)).toEqual(['fail']);
    // The 500 of the retry test, then the three attempts here; the webhook had each of the three ML tickets.
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/donegate_notifications_total\{channel_kind="slack",event="ticket-blocked",result="failed"\} 4\n/);
    expect(metrics).toMatch(/donegate_notifications_total\{channel_kind="webhook",event="ticket-blocked",result="sent"\} 3\n/);
  }, 30_000);
});
