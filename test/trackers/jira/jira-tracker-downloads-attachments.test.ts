import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { AttachmentRefusedError, AttachmentTooLargeError } from '../../../src/trackers/attachments/index.js';
import type { Ticket, TicketAttachment } from '../../../src/domain/index.js';
import { createJiraFixture, type JiraFixture } from './jira-fixture.js';

const REPORT = JSON.stringify({ scanner: 'pii-scan', findings: [] });

describe('Jira tracker attachments', () => {
  let f: JiraFixture;
  let ticket: Ticket;
  beforeEach(async () => {
    f = await createJiraFixture();
    ticket = await f.tracker.getTicket({ key: 'ML-1' });
  });
  afterEach(async () => {
    await f.jira.close();
  });

  const only = async (): Promise<TicketAttachment> => {
    const [attachment] = await f.tracker.listAttachments!(await f.tracker.getTicket({ key: 'ML-1' }));
    if (!attachment) throw new Error('no attachment listed');
    return attachment;
  };

  it('lists the issue attachments with their metadata', async () => {
    f.jira.state.addUser({ accountId: 'alice', displayName: 'Alice' });
    const added = f.jira.state.addAttachment('ML-1', { filename: 'pii-report.json', content: REPORT, mimeType: 'application/json', authorAccountId: 'alice' });

    const listed = await f.tracker.listAttachments!(await f.tracker.getTicket({ key: 'ML-1' }));

    expect(listed).toEqual([
      {
        id: added.id,
        filename: 'pii-report.json',
        size: Buffer.byteLength(REPORT),
        mimeType: 'application/json',
        createdAt: expect.any(String),
        author: 'alice',
        source: 'jira-attachment',
        url: `${f.jira.baseUrl}/rest/api/3/attachment/content/${added.id}`,
      },
    ]);
    expect(f.jira.violations).toEqual([]);
  });

  it('reuses the attachments that came with the ticket instead of asking Jira again', async () => {
    f.jira.state.addAttachment('ML-1', { filename: 'audit.json', content: REPORT });
    const fresh = await f.tracker.getTicket({ key: 'ML-1' });
    const before = f.jira.requests.length;

    expect((await f.tracker.listAttachments!(fresh)).map((a) => a.filename)).toEqual(['audit.json']);
    expect(f.jira.requests).toHaveLength(before);
  });

  it('lists nothing for an issue without attachments', async () => {
    expect(await f.tracker.listAttachments!(await f.tracker.getTicket({ key: 'ML-1' }))).toEqual([]);
  });

  it('downloads the content through the API, following the redirect Jira answers with', async () => {
    f.jira.state.addAttachment('ML-1', { filename: 'pii-report.json', content: REPORT, mimeType: 'application/json' });

    const content = await f.tracker.downloadAttachment!(ticket, await only(), { maxBytes: 1024 });

    expect(content.toString('utf8')).toBe(REPORT);
    const contentRequests = f.jira.requests.filter((r) => r.operationId === 'getAttachmentContent');
    expect(contentRequests.map((r) => r.status)).toEqual([303, 200]);
    expect(f.jira.violations).toEqual([]);
  });

  it('refuses an attachment whose declared size is over the limit without requesting its content', async () => {
    f.jira.state.addAttachment('ML-1', { filename: 'dump.bin', content: Buffer.alloc(4096) });

    const download = f.tracker.downloadAttachment!(ticket, await only(), { maxBytes: 1000 });

    await expect(download).rejects.toThrow(AttachmentTooLargeError);
    await expect(download).rejects.toMatchObject({ name: 'AttachmentTooLargeError', detectedBy: 'declared-size', message: expect.stringContaining('1000-byte limit') });
    expect(f.jira.requests.some((r) => r.operationId === 'getAttachmentContent')).toBe(false);
  });

  it('stops at Content-Length when the declared size lies', async () => {
    f.jira.state.addAttachment('ML-1', { filename: 'dump.bin', content: Buffer.alloc(64 * 1024), size: 10 });

    await expect(f.tracker.downloadAttachment!(ticket, await only(), { maxBytes: 1000 })).rejects.toMatchObject({
      name: 'AttachmentTooLargeError',
      detectedBy: 'content-length',
      observedBytes: 64 * 1024,
    });
  });

  it('stops while streaming when both the declared size and Content-Length are missing or lie', async () => {
    f.jira.state.addAttachment('ML-1', { filename: 'dump.bin', content: Buffer.alloc(4 * 1024 * 1024, 1), size: 10, streamed: true });

    await expect(f.tracker.downloadAttachment!(ticket, await only(), { maxBytes: 100_000 })).rejects.toMatchObject({
      name: 'AttachmentTooLargeError',
      detectedBy: 'streamed-bytes',
      maxBytes: 100_000,
    });
    expect(f.jira.violations).toEqual([]);
  });

  it('downloads a streamed attachment within the limit', async () => {
    const content = Buffer.alloc(50_000, 7);
    f.jira.state.addAttachment('ML-1', { filename: 'scan.sarif', content, streamed: true });

    expect((await f.tracker.downloadAttachment!(ticket, await only(), { maxBytes: 50_000 })).equals(content)).toBe(true);
  });

  it('refuses to follow a redirect to a host that is neither the site nor the Atlassian media store', async () => {
    f.jira.state.addAttachment('ML-1', { filename: 'pii-report.json', content: REPORT });
    const attachment = await only();
    f.jira.failNext({ path: /attachment\/content/, status: 303, headers: { Location: 'https://evil.example/steal' }, body: {} });

    await expect(f.tracker.downloadAttachment!(ticket, attachment, { maxBytes: 1024 })).rejects.toMatchObject({
      name: 'AttachmentRefusedError',
      host: 'evil.example',
    });
  });

  it("stops with the caller's abort reason when the caller aborts", async () => {
    f.jira.state.addAttachment('ML-1', { filename: 'pii-report.json', content: REPORT });
    const attachment = await only();
    const controller = new AbortController();
    controller.abort(new Error('job cancelled'));

    await expect(f.tracker.downloadAttachment!(ticket, attachment, { maxBytes: 1024, signal: controller.signal })).rejects.toThrow('job cancelled');
  });

  it('refuses an attachment that is not a Jira attachment', async () => {
    const linear: TicketAttachment = { id: 'x', filename: 'a.json', source: 'linear-attachment', url: 'https://uploads.linear.app/a.json' };

    await expect(f.tracker.downloadAttachment!(ticket, linear, { maxBytes: 1024 })).rejects.toThrow(AttachmentRefusedError);
    expect(f.jira.requests).toHaveLength(1); // only the getTicket above
  });
});
