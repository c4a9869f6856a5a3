import { createDecisionRepository } from '../../src/decisions/decision-repository.js';
import type { Decision } from '../../src/decisions/decision.js';
import { listFailingTickets } from '../../src/decisions/list-failing-tickets.js';
import { STORES, type TestDatabase } from '../support/databases.js';

let sequence = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 10, minute));
const decision = (ticketKey: string, outcome: Decision['outcome'], minute: number, over: Partial<Decision> = {}): Decision => ({
  deliveryId: `d-${++sequence}`,
  tracker: 'jira',
  ticketKey,
  ticketId: ticketKey,
  fromStatus: 'In Progress',
  toStatus: 'Done',
  outcome,
  rule: 'ml-models',
  mode: 'block',
  criteria: [
    { criterion: 'pii-scan', status: outcome === 'pass' ? 'pass' : 'fail', reason: 'no evidence', fix: 'scan' },
    { criterion: 'dependency-audit', status: outcome === 'error' ? 'error' : 'pass', reason: 'ok', fix: '' },
  ],
  actions: [],
  receivedAt: at(minute),
  decidedAt: at(minute),
  ...over,
});

describe.each(STORES)('listFailingTickets on %s', (_name, open) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await open();
    const decisions = createDecisionRepository(store.db);
    for (const d of [
      decision('ML-1', 'fail', 1), decision('ML-1', 'pass', 2), // fixed since: not failing
      decision('ML-2', 'pass', 1), decision('ML-2', 'fail', 3), decision('ML-2', 'fail', 5), // failing since minute 3
      decision('ML-3', 'fail', 4), decision('ML-3', 'skipped', 6, { criteria: [], mode: undefined }), // a stale delivery changes nothing
      decision('PLAT-9', 'error', 7),
      decision('PLAT-10', 'fail', 8, { mode: 'warn' }),
      decision('AI-7', 'fail', 9, { tracker: 'linear' }),
    ]) {
      await decisions.record(d);
    }
  });
  afterAll(async () => {
    await store.drop();
  });

  it('lists tickets whose latest decision failed or errored, newest first, ignoring skipped decisions', async () => {
    const failing = await listFailingTickets(store.db);
    expect(failing.map((t) => [t.tracker, t.ticketKey, t.outcome])).toEqual([
      ['linear', 'AI-7', 'fail'],
      ['jira', 'PLAT-10', 'fail'],
      ['jira', 'PLAT-9', 'error'],
      ['jira', 'ML-2', 'fail'],
      ['jira', 'ML-3', 'fail'],
    ]);
  });

  it('dates a failing run from its first non-passing decision after the last pass', async () => {
    const failing = await listFailingTickets(store.db);
    expect(failing.find((t) => t.ticketKey === 'ML-2')).toMatchObject({ failingSince: at(3), decidedAt: at(5), status: 'In Progress' });
    expect(failing.find((t) => t.ticketKey === 'ML-3')).toMatchObject({ failingSince: at(4), decidedAt: at(4) });
  });

  it('names only the unmet criteria, and no status for a warn-mode ticket that was not moved', async () => {
    const failing = await listFailingTickets(store.db);
    expect(failing.find((t) => t.ticketKey === 'PLAT-9')?.unmet).toEqual([
      { criterion: 'pii-scan', status: 'fail' },
      { criterion: 'dependency-audit', status: 'error' },
    ]);
    const warned = failing.find((t) => t.ticketKey === 'PLAT-10');
    expect(warned).toMatchObject({ mode: 'warn' });
    expect(warned).not.toHaveProperty('status');
  });

  it('filters by tracker, by project key (any case) and by limit', async () => {
    expect((await listFailingTickets(store.db, { tracker: 'linear' })).map((t) => t.ticketKey)).toEqual(['AI-7']);
    expect((await listFailingTickets(store.db, { projects: ['plat'] })).map((t) => t.ticketKey)).toEqual(['PLAT-10', 'PLAT-9']);
    expect((await listFailingTickets(store.db, { projects: ['ML', 'AI'], limit: 2 })).map((t) => t.ticketKey)).toEqual(['AI-7', 'ML-2']);
  });

  it('reads tracker-qualified scopes as that tracker only, beside bare keys for every tracker', async () => {
    expect((await listFailingTickets(store.db, { projects: ['jira:AI'] })).map((t) => t.ticketKey)).toEqual([]);
    expect((await listFailingTickets(store.db, { projects: ['linear:ai', 'jira:PLAT'] })).map((t) => t.ticketKey)).toEqual(['AI-7', 'PLAT-10', 'PLAT-9']);
  });
});
