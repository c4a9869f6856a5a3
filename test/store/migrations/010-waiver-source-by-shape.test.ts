import type { NewWaiver } from '../../../src/waivers/waiver.js';
import { createWaiverRepository } from '../../../src/waivers/waiver-repository.js';
import { STORES, type TestDatabase } from '../../support/databases.js';

const waiver = (approvedVia: string): NewWaiver => ({
  tracker: 'github',
  ticketKey: 'ACME/ML#7',
  criterion: 'pii-scan',
  advisories: [],
  reason: 'synthetic data only',
  approver: 'octocat',
  approvedVia,
  expiresAt: new Date('2099-01-01T00:00:00Z'),
});

describe.each(STORES)('waiver sources after migration 010 on %s', (_name, open) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.drop();
  });

  it('stores a comment waiver from a tracker the schema never named', async () => {
    const stored = await createWaiverRepository(store.db).add(waiver('github-comment'));
    expect(stored.approvedVia).toBe('github-comment');
  });

  it('still refuses a source that is neither api nor <tracker>-comment', async () => {
    await expect(createWaiverRepository(store.db).add(waiver("jira-comment'; DROP TABLE waivers; --"))).rejects.toThrow(/approved_via_shape/);
  });
});
