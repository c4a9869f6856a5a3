import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LinearClient } from '@linear/sdk';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { collectAttachmentEvidence, type AttachmentEvidenceDeps } from '../../src/intake/attachment-evidence.js';
import { createEvidenceRepository, type EvidenceRepository } from '../../src/evidence/evidence-repository.js';
import { createJiraSimulator, type JiraSimulator } from '../../simulators/jira/index.js';
import { createLinearSimulator, type LinearSimulator } from '../../simulators/linear/index.js';
import { TrackerRateLimitedError } from '../../src/trackers/errors.js';
import { createJiraClient, createJiraTracker } from '../../src/trackers/jira/index.js';
import { createLinearTracker } from '../../src/trackers/linear/index.js';
import type { Ticket } from '../../src/domain/index.js';
import type { Tracker } from '../../src/trackers/tracker.js';
import { captureLog } from '../support/capture-log.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';

const CLEAN = new URL('../e2e/fixtures/npm-audit-clean.json', import.meta.url);
const CRITICAL = new URL('../e2e/fixtures/npm-audit-critical.json', import.meta.url);
/** Content no one should ever find in a log line. */
const SECRET_CONTENT = JSON.stringify({ note: 'do-not-log-this-customer-email@example.com' });
const registry = createCriterionRegistry();

let database: TestDatabase;
let evidence: EvidenceRepository;
// Every test's simulator starts again at ML-1 / AI-1, and evidence is append-only: each test gets a store of its own.
beforeEach(async () => {
  database = await createPgliteTestDatabase();
  evidence = createEvidenceRepository(database.db);
});
afterEach(async () => {
  await database.drop();
});

describe('collectAttachmentEvidence on Jira', () => {
  let jira: JiraSimulator;
  let tracker: Tracker;
  let ticket: Ticket;
  let capture: ReturnType<typeof captureLog>;
  beforeEach(async () => {
    jira = await createJiraSimulator({ selfAccountId: 'donegate-bot' });
    jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
    jira.state.useSimplifiedWorkflow();
    jira.state.addUser({ accountId: 'alice-acc', displayName: 'Alice' });
    jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train' });
    tracker = createJiraTracker({ client: createJiraClient({ baseUrl: jira.baseUrl, email: jira.email, apiToken: jira.apiToken }), siteUrl: jira.baseUrl });
    ticket = await tracker.getTicket({ key: 'ML-1' });
    capture = captureLog();
  });
  afterEach(async () => {
    await jira.close();
  });

  // The ticket is read again for each evaluation, as the worker does: attachments come with it. The policy
  // lists Alice as an account whose attached reports count.
  const collectAll = async (over: Partial<AttachmentEvidenceDeps> = {}) =>
    collectAttachmentEvidence({ tracker, ticket: await tracker.getTicket({ key: 'ML-1' }), registry, evidence, maxBytes: 64 * 1024, log: capture.log, attachmentsFrom: ['jira:alice-acc'], ...over });
  const collect = async (over: Partial<AttachmentEvidenceDeps> = {}) => (await collectAll(over)).stored;
  /** Attachments whose content was requested (Jira answers each with a redirect, then the bytes). */
  const downloads = () => [...new Set(jira.requests.filter((r) => r.operationId === 'getAttachmentContent').map((r) => r.path))];
  const stored = async () => [...(await evidence.forTicket('jira', ticket.key)).values()].flat();

  it('stores a recognised npm audit report once, dated and credited to whoever attached it, even when evaluated twice', async () => {
    const content = await readFile(CLEAN);
    const added = jira.state.addAttachment('ML-1', { filename: 'audit.json', content, authorAccountId: 'alice-acc' });

    const first = await collect();
    const second = await collect();

    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    expect(await stored()).toEqual([
      expect.objectContaining({
        criterion: 'dependency-audit',
        outcome: 'pass',
        source: `jira-attachment:${added.id}`,
        submitter: 'alice-acc',
        sha256: createHash('sha256').update(content).digest('hex'),
        createdAt: added.created,
        summary: expect.objectContaining({ format: 'npm-audit', attachment: { id: added.id, filename: 'audit.json' } }),
      }),
    ]);
    expect(downloads()).toHaveLength(1); // the second evaluation knew the source and did not download again
    expect(capture.text()).toContain('attached report stored as evidence');
  });

  it('records the findings of a critical report as failing evidence', async () => {
    jira.state.addAttachment('ML-1', { filename: 'npm-audit.json', content: await readFile(CRITICAL), authorAccountId: 'alice-acc' });

    await collect();

    expect(await stored()).toEqual([expect.objectContaining({ outcome: 'fail', submitter: 'alice-acc', summary: expect.objectContaining({ text: expect.stringContaining('critical') }) })]);
  });

  it('keeps the listed account and the file as the provenance of a report it stores', async () => {
    const added = jira.state.addAttachment('ML-1', { filename: 'audit.json', content: await readFile(CLEAN), authorAccountId: 'alice-acc' });

    await collect();

    expect(await stored()).toEqual([
      expect.objectContaining({ provenance: { kind: 'attachment', tracker: 'jira', account: 'alice-acc', attachment: { id: added.id, filename: 'audit.json' } } }),
    ]);
  });

  it('refuses a report attached by an account the policy does not list: nothing stored, the refusal logged without content and returned for the audit log', async () => {
    jira.state.addUser({ accountId: 'mallory-acc', displayName: 'Mallory' });
    const content = Buffer.from(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { note: 'do-not-log-this' } }));
    const added = jira.state.addAttachment('ML-1', { filename: 'audit.json', content, authorAccountId: 'mallory-acc' });

    const { stored: records, refused } = await collectAll();

    expect(records).toEqual([]);
    expect(await stored()).toEqual([]);
    expect(refused).toEqual([
      expect.objectContaining({ criterion: 'dependency-audit', source: `jira-attachment:${added.id}`, submitter: 'mallory-acc', sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length }),
    ]);
    const line = capture.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => typeof l.msg === 'string' && l.msg.startsWith('attached report refused as evidence'));
    expect(line).toMatchObject({ level: 40, attachedBy: 'mallory-acc', criterion: 'dependency-audit', filename: 'audit.json' });
    expect(capture.text()).not.toContain('do-not-log-this');
  });

  it('refuses every attached report when the policy lists no one', async () => {
    jira.state.addAttachment('ML-1', { filename: 'audit.json', content: await readFile(CLEAN), authorAccountId: 'alice-acc' });

    const { stored: records, refused } = await collectAll({ attachmentsFrom: [] });

    expect(records).toEqual([]);
    expect(refused).toHaveLength(1);
  });

  it('scans attached data itself whoever attached it, with donegate as the submitter and the scan as provenance', async () => {
    jira.state.addUser({ accountId: 'mallory-acc', displayName: 'Mallory' });
    const added = jira.state.addAttachment('ML-1', { filename: 'features.csv', content: 'id,score\n1,0.42\n', authorAccountId: 'mallory-acc' });

    const records = await collect({ attachmentsFrom: [], scanFor: ['pii-scan'] });

    expect(records).toEqual([
      expect.objectContaining({
        criterion: 'pii-scan',
        submitter: 'donegate',
        provenance: { kind: 'donegate-scan', tracker: 'jira', attachment: { id: added.id, filename: 'features.csv' }, attachedBy: 'mallory-acc' },
      }),
    ]);
  });

  it('ignores JSON that is no report it reads, logging at debug without the content', async () => {
    jira.state.addAttachment('ML-1', { filename: 'notes.json', content: SECRET_CONTENT, mimeType: 'application/json' });

    await expect(collect()).resolves.toEqual([]);

    expect(await stored()).toEqual([]);
    expect(capture.lines.map((l) => JSON.parse(l) as { level: number; msg: string })).toContainEqual(
      expect.objectContaining({ level: 20, msg: 'attachment is not a report donegate reads; ignored' }),
    );
    expect(capture.text()).not.toContain('do-not-log-this');
  });

  it('logs a malformed report at info with its file name and stores nothing', async () => {
    jira.state.addAttachment('ML-1', { filename: 'broken-audit.json', content: JSON.stringify({ auditReportVersion: 2, vulnerabilities: 'none' }) });

    await expect(collect()).resolves.toEqual([]);

    expect(await stored()).toEqual([]);
    const line = capture.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'attached report is malformed; not stored as evidence');
    expect(line).toMatchObject({ level: 30, filename: 'broken-audit.json', criterion: 'dependency-audit', problem: expect.stringContaining('Invalid') });
  });

  it('skips a file declared over the limit without downloading it, and one that streams past it', async () => {
    jira.state.addAttachment('ML-1', { filename: 'big-audit.json', content: `${(await readFile(CLEAN, 'utf8')).trim()}${' '.repeat(2048)}` });
    jira.state.addAttachment('ML-1', { filename: 'lying-audit.json', content: Buffer.alloc(8192, 0x20), size: 10, streamed: true });

    await expect(collect({ maxBytes: 1024 })).resolves.toEqual([]);

    expect(await stored()).toEqual([]);
    expect(downloads()).toHaveLength(1); // only the one that lied about its size was requested
    const warnings = capture.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 40);
    expect(warnings).toEqual([
      expect.objectContaining({ filename: 'big-audit.json', maxBytes: 1024, msg: expect.stringContaining('ATTACHMENT_MAX_BYTES') }),
      expect.objectContaining({ filename: 'lying-audit.json', detectedBy: 'streamed-bytes' }),
    ]);
  });

  it('does not download screenshots and PDFs at all', async () => {
    jira.state.addAttachment('ML-1', { filename: 'screenshot.png', content: 'png', mimeType: 'image/png' });
    jira.state.addAttachment('ML-1', { filename: 'design', content: 'pdf', mimeType: 'application/pdf' });

    await collect();

    expect(downloads()).toEqual([]);
  });

  it('looks at no more than `limit` attachments, newest first', async () => {
    const content = await readFile(CLEAN);
    jira.state.addAttachment('ML-1', { filename: 'oldest.json', content, authorAccountId: 'alice-acc' });
    jira.state.addAttachment('ML-1', { filename: 'middle.json', content, authorAccountId: 'alice-acc' });
    jira.state.addAttachment('ML-1', { filename: 'newest.json', content, authorAccountId: 'alice-acc' });

    const records = await collect({ limit: 2 });

    expect(records.map((r) => (r.summary.attachment as { filename: string }).filename)).toEqual(['newest.json', 'middle.json']);
  });

  it('lets a rate limit on the download propagate, so the job retries', async () => {
    jira.state.addAttachment('ML-1', { filename: 'audit.json', content: await readFile(CLEAN) });
    jira.failNext({ path: /attachment\/content/, status: 429, headers: { 'Retry-After': '2' } });

    await expect(collect()).rejects.toBeInstanceOf(TrackerRateLimitedError);
    expect(await stored()).toEqual([]);
  });

  it('does nothing for a tracker that cannot list attachments', async () => {
    const { listAttachments: _ignored, ...withoutAttachments } = tracker;
    void _ignored;
    await expect(collect({ tracker: withoutAttachments })).resolves.toEqual([]);
  });
});

describe('collectAttachmentEvidence on Linear', () => {
  let linear: LinearSimulator;
  let ticket: Ticket;
  let capture: ReturnType<typeof captureLog>;
  beforeEach(async () => {
    linear = await createLinearSimulator();
    linear.addTeam({ key: 'AI' });
    linear.addIssue({ team: 'AI', title: 'Train the churn model' });
    capture = captureLog();
  });
  afterEach(async () => {
    await linear.close();
  });

  const trackerAllowing = (attachmentHosts?: string[]) =>
    createLinearTracker({ client: new LinearClient({ apiKey: linear.apiKey, apiUrl: linear.url }), ...(attachmentHosts ? { attachmentHosts } : {}) });
  const collect = async (tracker: Tracker, attachmentsFrom: string[] = []) => {
    ticket = await tracker.getTicket({ key: 'AI-1' });
    return (await collectAttachmentEvidence({ tracker, ticket: await tracker.getTicket({ key: 'AI-1' }), registry, evidence, maxBytes: 64 * 1024, log: capture.log, attachmentsFrom })).stored;
  };

  it('stores a report Linear serves from an allowed host, credited to its creator', async () => {
    const user = linear.addUser({ name: 'Bob' });
    const added = linear.addAttachment('AI-1', { title: 'npm audit', filename: 'audit.json', content: await readFile(CLEAN), creatorId: user.id });

    const records = await collect(trackerAllowing(['127.0.0.1']), [`linear:${user.id}`]);

    expect(records).toEqual([
      expect.objectContaining({ criterion: 'dependency-audit', outcome: 'pass', source: `linear-attachment:${added.id}`, submitter: user.id, createdAt: new Date(added.createdAt) }),
    ]);
  });

  it('skips an attachment on a host that is not allowed, with a warning naming the host, and requests nothing', async () => {
    linear.addAttachment('AI-1', { title: 'npm audit', filename: 'audit.json', content: await readFile(CLEAN) });

    await expect(collect(trackerAllowing())).resolves.toEqual([]);

    expect(linear.fileRequests).toEqual([]);
    expect(await evidence.forTicket('linear', ticket.key)).toEqual(new Map());
    const warning = capture.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === 40);
    expect(warning).toMatchObject({ filename: 'audit.json', host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), msg: 'attachment download refused; not read as evidence' });
  });
});
