import { createDecisionRepository } from '../../src/decisions/decision-repository.js';
import type { Decision } from '../../src/decisions/decision.js';
import { listBoardTickets, type BoardQuery } from '../../src/decisions/list-board-tickets.js';
import { STORES, type TestDatabase } from '../support/databases.js';

let sequence = 0;
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
const decision = (ticketKey: string, outcome: Decision['outcome'], day: number, over: Partial<Decision> = {}): Decision => ({
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
    { criterion: 'pii-scan', status: outcome === 'pass' ? 'pass' : 'fail', reason: 'no evidence for pii-scan' },
    { criterion: 'dependency-audit', status: 'pass', reason: 'ok' },
  ],
  actions: [],
  receivedAt: at(day),
  decidedAt: at(day),
  ...over,
});
const snapshot = (summary: string, assignee: string | undefined, project: string) => ({
  ticket: { summary, project, url: `https://acme.atlassian.net/browse/${summary}`, ...(assignee ? { assignee } : {}) },
});
const base: BoardQuery = { scopes: [], sort: 'since', dir: 'asc', offset: 0, limit: 50 };
const keys = (page: { tickets: Array<{ ticketKey: string }> }) => page.tickets.map((t) => t.ticketKey);

describe.each(STORES)('listBoardTickets on %s', (_name, open) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await open();
    const decisions = createDecisionRepository(store.db);
    for (const d of [
      decision('ML-1', 'fail', 1), decision('ML-1', 'pass', 2), // fixed: not on the board
      decision('ML-2', 'fail', 1, snapshot('Train', 'Ada Lovelace', 'ML')), decision('ML-2', 'pass', 2), decision('ML-2', 'fail', 3, snapshot('Train model', 'Ada Lovelace', 'ML')), decision('ML-2', 'fail', 5, snapshot('Train model', 'Ada Lovelace', 'ML')),
      decision('ML-3', 'fail', 4, snapshot('Ship dataset', 'Grace Hopper', 'ML')), decision('ML-3', 'skipped', 6, { criteria: [] }),
      decision('PLAT-9', 'error', 7, { criteria: [{ criterion: 'secret-scan', status: 'error', reason: 'scanner down' }] }), // no snapshot: an old decision
      decision('AI-7', 'fail', 2, { tracker: 'linear', ...snapshot('Label data', undefined, 'AI') }),
    ]) {
      await decisions.record(d);
    }
  });
  afterAll(async () => {
    await store.drop();
  });

  it('lists each ticket whose latest checked decision did not pass, with its streak since the last pass and how many blocks it holds', async () => {
    const page = await listBoardTickets(store.db, base);
    expect(page.total).toBe(4);
    expect(page.tickets.map((t) => [t.ticketKey, t.since.toISOString(), t.times])).toEqual([
      ['AI-7', at(2).toISOString(), 1],
      ['ML-2', at(3).toISOString(), 2],
      ['ML-3', at(4).toISOString(), 1],
      ['PLAT-9', at(7).toISOString(), 1],
    ]);
    const ml2 = page.tickets.find((t) => t.ticketKey === 'ML-2')!;
    expect(ml2).toMatchObject({ project: 'ML', status: 'In Progress', ticket: { summary: 'Train model', assignee: 'Ada Lovelace' }, unmet: [{ criterion: 'pii-scan', status: 'fail', reason: 'no evidence for pii-scan' }] });
  });

  it('shows a ticket decided before snapshots were kept by its key, with its project taken from the key', async () => {
    const page = await listBoardTickets(store.db, base);
    const old = page.tickets.find((t) => t.ticketKey === 'PLAT-9')!;
    expect(old.ticket).toBeUndefined();
    expect(old.project).toBe('PLAT');
  });

  it('sorts by any column in either direction', async () => {
    expect(keys(await listBoardTickets(store.db, { ...base, sort: 'since', dir: 'desc' }))).toEqual(['PLAT-9', 'ML-3', 'ML-2', 'AI-7']);
    expect(keys(await listBoardTickets(store.db, { ...base, sort: 'times', dir: 'desc' }))[0]).toBe('ML-2');
    expect(keys(await listBoardTickets(store.db, { ...base, sort: 'assignee' }))).toEqual(['ML-2', 'ML-3', 'PLAT-9', 'AI-7']); // unassigned last, then by tracker and key
    expect(keys(await listBoardTickets(store.db, { ...base, sort: 'key', dir: 'desc' }))).toEqual(['PLAT-9', 'ML-3', 'ML-2', 'AI-7']);
  });

  it('filters by tracker, project, missing criterion, age and assignee', async () => {
    expect(keys(await listBoardTickets(store.db, { ...base, tracker: 'linear' }))).toEqual(['AI-7']);
    expect(keys(await listBoardTickets(store.db, { ...base, project: 'ml' }))).toEqual(['ML-2', 'ML-3']);
    expect(keys(await listBoardTickets(store.db, { ...base, criterion: 'secret-scan' }))).toEqual(['PLAT-9']);
    expect(keys(await listBoardTickets(store.db, { ...base, criterion: 'dependency-audit' }))).toEqual([]);
    expect(keys(await listBoardTickets(store.db, { ...base, failingBefore: at(4) }))).toEqual(['AI-7', 'ML-2']);
    expect(keys(await listBoardTickets(store.db, { ...base, assignee: 'hopper' }))).toEqual(['ML-3']);
  });

  it('keeps a scoped reader to their projects, bare or tracker-qualified, whatever they filter for', async () => {
    expect(keys(await listBoardTickets(store.db, { ...base, scopes: ['ml'] }))).toEqual(['ML-2', 'ML-3']);
    expect(keys(await listBoardTickets(store.db, { ...base, scopes: ['linear:AI'] }))).toEqual(['AI-7']);
    expect(keys(await listBoardTickets(store.db, { ...base, scopes: ['jira:AI'] }))).toEqual([]);
    expect((await listBoardTickets(store.db, { ...base, scopes: ['ML'], project: 'PLAT' })).total).toBe(0);
  });

  it('pages with the total of the whole view, also past the last page', async () => {
    const first = await listBoardTickets(store.db, { ...base, limit: 3 });
    const second = await listBoardTickets(store.db, { ...base, limit: 3, offset: 3 });
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...keys(first), ...keys(second)]).toEqual(['AI-7', 'ML-2', 'ML-3', 'PLAT-9']);
    expect(await listBoardTickets(store.db, { ...base, limit: 3, offset: 30 })).toEqual({ tickets: [], total: 4 });
  });
});
