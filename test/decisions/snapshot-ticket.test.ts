import { snapshotTicket } from '../../src/decisions/snapshot-ticket.js';
import type { Ticket } from '../../src/domain/index.js';

const ticket = (over: Partial<Ticket>): Ticket => ({
  tracker: 'jira',
  id: '10001',
  key: 'ML-1',
  title: 'Train model',
  status: { id: '3', name: 'Done', category: 'done', isDone: true },
  project: 'ML',
  labels: [],
  ...over,
});

describe('snapshotTicket', () => {
  it('keeps summary, assignee, project and an http(s) URL', () => {
    expect(snapshotTicket(ticket({ assignee: 'Ada Lovelace', url: 'https://acme.atlassian.net/browse/ML-1' }))).toEqual({
      summary: 'Train model',
      assignee: 'Ada Lovelace',
      project: 'ML',
      url: 'https://acme.atlassian.net/browse/ML-1',
    });
  });

  it('bounds a 100 kB summary to 200 characters and a long assignee to 100', () => {
    const snap = snapshotTicket(ticket({ title: 'x'.repeat(100_000), assignee: 'y'.repeat(5_000) }));
    expect([...snap.summary]).toHaveLength(200);
    expect(snap.summary.endsWith('…')).toBe(true);
    expect([...snap.assignee!]).toHaveLength(100);
  });

  it('turns control and bidirectional override characters into spaces, keeping markup as text for the page to escape', () => {
    const snap = snapshotTicket(ticket({ title: '<script>alert(1)</script>\u202Egnp.exe\u0000\u001b[31m\u2066x\u2069', assignee: 'Eve\r\nInjected: yes' }));
    expect(snap.summary).toBe('<script>alert(1)</script> gnp.exe [31m x');
    expect(snap.assignee).toBe('Eve Injected: yes');
  });

  it('never keeps a URL that is not plain http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'https://a.example/" onmouseover="x', `https://a.example/${'a'.repeat(3000)}`]) {
      expect(snapshotTicket(ticket({ url })).url).toBeUndefined();
    }
  });

  it('leaves out an assignee that is empty once cleaned', () => {
    expect(snapshotTicket(ticket({ assignee: '\u202E\u0000 ' }))).not.toHaveProperty('assignee');
  });
});
