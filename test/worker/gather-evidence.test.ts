import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import type { TicketAttachment } from '../../src/domain/index.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import type { Tracker } from '../../src/trackers/tracker.js';
import { gatherEvidence, type GatherDeps } from '../../src/worker/gather-evidence.js';
import { captureLog } from '../support/capture-log.js';
import { doneTicket, fakeTracker, inMemoryAudit, inMemoryEvidence, inMemoryWaivers } from '../support/in-memory-worker-deps.js';

const registry = createCriterionRegistry();
const policy = parsePolicy(
  'version: 1\nevidence:\n  attachments:\n    from: [jira:lead-1]\nrules:\n  - name: ml\n    match: { jira: { projects: [ML] } }\n    mode: block\n    require: [dependency-audit]\n',
  'test-policy.yaml',
  registry,
);
const rule = policy.rules[0]!;
const ticket = doneTicket();
const attachment = (id: string, author: string): TicketAttachment => ({ id, filename: `npm-audit-${id}.json`, author, source: 'jira-attachment', createdAt: '2026-12-01T09:00:00.000Z' });

/** The fake tracker with two attached copies of a clean npm audit report: one by a listed account, one by the engineer. */
async function trackerWithReports(): Promise<Tracker> {
  const report = await readFile(new URL('../e2e/fixtures/npm-audit-clean.json', import.meta.url));
  const attached = [attachment('10', 'lead-1'), attachment('11', 'engineer-1')];
  return { ...fakeTracker(ticket).tracker, listAttachments: async () => attached, downloadAttachment: async () => report };
}

function gatherDeps(tracker: Tracker, reading: Partial<GatherDeps> = {}) {
  const audit = inMemoryAudit();
  const deps: GatherDeps = { registry, evidence: inMemoryEvidence(), waivers: inMemoryWaivers(), trackers: { jira: tracker }, audit, ...reading };
  return { deps, audit };
}

describe('gatherEvidence', () => {
  it('stores a report attached by a listed account, refuses the same report from anyone else, and audits both', async () => {
    const { deps, audit } = gatherDeps(await trackerWithReports(), { log: captureLog().log, attachmentMaxBytes: 1024 * 1024 });
    const gathered = await gatherEvidence(deps, ticket, rule, policy);
    expect(gathered.evidence.get('dependency-audit')?.map((r) => r.source)).toEqual(['jira-attachment:10']);
    expect(audit.events.map((e) => [e.type, e.actor])).toEqual([
      ['evidence-accepted', 'jira:lead-1'],
      ['evidence-refused', 'jira:engineer-1'],
    ]);
  });

  it('reads only what is stored when attachment reading is not configured', async () => {
    const { deps, audit } = gatherDeps(await trackerWithReports());
    const gathered = await gatherEvidence(deps, ticket, rule, policy);
    expect([...gathered.evidence.keys()]).toEqual([]);
    expect(audit.events).toEqual([]);
  });
});
