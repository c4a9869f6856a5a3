import { triageAttachment } from '../../src/evidence/attachment-triage.js';
import type { TicketAttachment } from '../../src/domain/index.js';

const attachment = (filename: string, mimeType?: string, size?: number): TicketAttachment => ({
  id: '1',
  filename,
  source: 'jira-attachment',
  ...(mimeType ? { mimeType } : {}),
  ...(size !== undefined ? { size } : {}),
});

describe('triageAttachment', () => {
  it('downloads reports, and data files only when a scan of data is wanted', () => {
    expect(triageAttachment(attachment('audit.json'), 1000)).toEqual({ download: true });
    expect(triageAttachment(attachment('yarn-audit.jsonl'), 1000)).toEqual({ download: true });
    expect(triageAttachment(attachment('customers.csv'), 1000)).toEqual({ download: false, reason: 'not-a-report' });
    expect(triageAttachment(attachment('customers.csv'), 1000, { data: true })).toEqual({ download: true });
    expect(triageAttachment(attachment('train.jsonl.gz', 'application/gzip'), 1000, { data: true })).toEqual({ download: true });
    expect(triageAttachment(attachment('eval.ipynb'), 1000, { data: true })).toEqual({ download: true });
  });

  it('never downloads screenshots or documents, nor anything declared over the limit', () => {
    expect(triageAttachment(attachment('screen.png', 'image/png'), 1000, { data: true })).toEqual({ download: false, reason: 'not-a-report' });
    expect(triageAttachment(attachment('design.pdf'), 1000, { data: true })).toEqual({ download: false, reason: 'not-a-report' });
    expect(triageAttachment(attachment('big.csv', 'text/csv', 5000), 1000, { data: true })).toEqual({ download: false, reason: 'too-large' });
  });
});
