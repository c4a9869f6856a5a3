import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { parsePeriod } from '../../src/audit/audit-period.js';
import { exportAudit } from '../../src/audit/export-audit.js';
import { seedAuditHistory } from '../support/audit-fixture.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';

describe('open waivers in the HTML report', () => {
  let store: TestDatabase;
  let html: string;

  beforeAll(async () => {
    store = await createPgliteTestDatabase();
    const clock = { now: new Date() };
    await seedAuditHistory(store.db, clock);
    // A waiver entry whose advisories are not a list: written by an older or edited log, never by donegate.
    clock.now = new Date('2026-11-03T09:00:00.000Z');
    await createAuditLog(store.db, { now: () => clock.now }).append({
      type: 'waiver-created',
      tracker: 'jira',
      ticket: 'ML-4',
      actor: 'token:sec-lead',
      data: { waiverId: 'w-2', criterion: 'pii-scan', advisories: '<img src=x>', reason: 'r', approvedVia: 'api', expiresAt: '2027-02-01T00:00:00.000Z' },
    });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await exportAudit(store.db, out, { format: 'html', period: parsePeriod('2026-10-01', '2026-11-30'), now: new Date('2026-11-26T00:00:00Z') });
    out.end();
    html = Buffer.concat(chunks).toString('utf8');
  });
  afterAll(() => store.drop());

  it('lists the waivers whose entries match the catalog', () => {
    expect(html).toContain('GHSA-p6mc-m468-83gw');
  });

  it('names an entry that does not match, in the waiver list and in its ticket’s trail, by field and never by value', () => {
    expect(html).toContain('<li>entry 10: advisories: expected array</li>');
    expect(html).toContain('Entry this version of donegate cannot read (advisories: expected array)');
    expect(html).not.toContain('<img src=x>');
  });
});
