import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LinearClient } from '@linear/sdk';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttachmentRefusedError } from '../../../src/trackers/attachments/index.js';
import { createLinearTracker } from '../../../src/trackers/linear/index.js';
import type { Ticket, TicketAttachment } from '../../../src/domain/index.js';
import type { Tracker } from '../../../src/trackers/tracker.js';
import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

const REPORT = JSON.stringify({ scanner: 'osv-scanner', results: [] });

/** An operator's artifact store: serves one file and records the headers of every request. */
async function startArtifactHost(content: Buffer): Promise<{ server: Server; url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(content.length) }).end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/builds/42/audit.json`, seen };
}

describe('Linear tracker attachments', () => {
  let f: LinearFixture;
  let ticket: Ticket;
  let tracker: Tracker;
  beforeEach(async () => {
    f = await createLinearFixture();
    tracker = createLinearTracker({ client: new LinearClient({ apiKey: f.linear.apiKey, apiUrl: f.linear.url }), attachmentHosts: ['127.0.0.1'] });
    ticket = await tracker.getTicket({ key: 'AI-1' });
  });
  afterEach(async () => {
    await f.linear.close();
  });

  const listed = async (title: string): Promise<TicketAttachment> => {
    // Read the ticket again: its attachments come with it, and these were added after beforeEach read it.
    const found = (await tracker.listAttachments!(await tracker.getTicket({ key: ticket.key }))).find((a) => a.filename === title || a.url?.includes(title));
    if (!found) throw new Error(`no attachment ${title}`);
    return found;
  };

  it('lists issue.attachments, naming each by its URL path or else its title', async () => {
    const upload = f.linear.addAttachment('AI-1', { title: 'PII scan', filename: 'pii-report.json', content: REPORT, metadata: { size: 57 } });
    f.linear.addAttachment('AI-1', { title: 'PR #12', url: 'https://github.com/acme/churn/pull/12' });

    const attachments = await tracker.listAttachments!(await tracker.getTicket({ key: 'AI-1' }));

    expect(attachments).toEqual([
      {
        id: upload.id,
        filename: 'pii-report.json',
        size: 57,
        createdAt: upload.createdAt,
        author: f.linear.viewer.id,
        source: 'linear-attachment',
        url: upload.url,
      },
      expect.objectContaining({ filename: 'PR #12', source: 'linear-attachment', url: 'https://github.com/acme/churn/pull/12' }),
    ]);
    expect(upload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(f.linear.violations).toEqual([]);
  });

  it('downloads a file Linear serves, sending the API key to Linear only', async () => {
    f.linear.addAttachment('AI-1', { title: 'PII scan', filename: 'pii-report.json', content: REPORT });

    const content = await tracker.downloadAttachment!(ticket, await listed('pii-report.json'), { maxBytes: 1024 });

    expect(content.toString('utf8')).toBe(REPORT);
    expect(f.linear.fileRequests).toEqual([expect.objectContaining({ status: 200, authorized: true })]);
    expect(f.linear.violations).toEqual([]);
  });

  it('refuses a host that is not in attachmentHosts, naming the host and the option, without requesting it', async () => {
    f.linear.addAttachment('AI-1', { title: 'PII scan', filename: 'pii-report.json', content: REPORT });
    const defaults = f.tracker; // attachmentHosts defaults to uploads.linear.app

    const download = defaults.downloadAttachment!(ticket, await listed('pii-report.json'), { maxBytes: 1024 });

    await expect(download).rejects.toThrow(AttachmentRefusedError);
    await expect(download).rejects.toMatchObject({ host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), message: expect.stringMatching(/127\.0\.0\.1.*attachmentHosts/) });
    expect(f.linear.fileRequests).toEqual([]);
  });

  it('refuses plain http to a host other than loopback even when the host is allowed', async () => {
    f.linear.addAttachment('AI-1', { title: 'report', url: 'http://artifacts.example.com/audit.json' });
    const lenient = createLinearTracker({ client: new LinearClient({ apiKey: f.linear.apiKey, apiUrl: f.linear.url }), attachmentHosts: ['artifacts.example.com'] });

    await expect(lenient.downloadAttachment!(ticket, await listed('audit.json'), { maxBytes: 1024 })).rejects.toMatchObject({
      name: 'AttachmentRefusedError',
      message: expect.stringContaining('https only'),
    });
  });

  it('refuses an attachment whose declared size is over the limit before requesting it', async () => {
    f.linear.addAttachment('AI-1', { title: 'dump', filename: 'dump.bin', content: Buffer.alloc(4096), metadata: { size: 4096 } });

    await expect(tracker.downloadAttachment!(ticket, await listed('dump.bin'), { maxBytes: 1000 })).rejects.toMatchObject({
      name: 'AttachmentTooLargeError',
      detectedBy: 'declared-size',
      message: expect.stringContaining('1000-byte limit'),
    });
    expect(f.linear.fileRequests).toEqual([]);
  });

  it('stops while streaming a file that declares no size and sends no Content-Length', async () => {
    f.linear.addAttachment('AI-1', { title: 'dump', filename: 'dump.bin', content: Buffer.alloc(4 * 1024 * 1024, 1), streamed: true });

    await expect(tracker.downloadAttachment!(ticket, await listed('dump.bin'), { maxBytes: 100_000 })).rejects.toMatchObject({
      name: 'AttachmentTooLargeError',
      detectedBy: 'streamed-bytes',
    });
  });

  it('stops at Content-Length when the declared size lies', async () => {
    f.linear.addAttachment('AI-1', { title: 'dump', filename: 'dump.bin', content: Buffer.alloc(64 * 1024), metadata: { size: 10 } });

    await expect(tracker.downloadAttachment!(ticket, await listed('dump.bin'), { maxBytes: 1000 })).rejects.toMatchObject({
      name: 'AttachmentTooLargeError',
      detectedBy: 'content-length',
    });
  });

  describe('when the attachment links to an allowed third-party host', () => {
    let artifacts: Awaited<ReturnType<typeof startArtifactHost>>;
    beforeEach(async () => {
      artifacts = await startArtifactHost(Buffer.from(REPORT));
    });
    afterEach(async () => {
      await new Promise<void>((resolve) => artifacts.server.close(() => resolve()));
    });

    it('downloads it without sending the Linear API key, even on the same hostname as Linear', async () => {
      f.linear.addAttachment('AI-1', { title: 'npm audit', url: artifacts.url });

      const content = await tracker.downloadAttachment!(ticket, await listed('audit.json'), { maxBytes: 1024 });

      expect(content.toString('utf8')).toBe(REPORT);
      expect(artifacts.seen).toHaveLength(1);
      expect(artifacts.seen[0]?.authorization).toBeUndefined();
      expect(JSON.stringify(artifacts.seen)).not.toContain(f.linear.apiKey);
      expect(f.linear.violations).toEqual([]);
    });
  });

  it('refuses an attachment that is not a Linear attachment', async () => {
    const jira: TicketAttachment = { id: '10001', filename: 'a.json', source: 'jira-attachment' };

    await expect(tracker.downloadAttachment!(ticket, jira, { maxBytes: 1024 })).rejects.toThrow(AttachmentRefusedError);
  });
});
