import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runScanCommand } from '../../src/cli/run-scan-command.js';
import { scanWithProgress } from '../../src/cli/scan-with-progress.js';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

/**
 * The attack: someone who may read a ticket, a CI report or the audit log sees `***-**-4821` next to a
 * fingerprint and tries all 10^5 values for the hidden digits until a hash matches. Before fingerprints
 * were keyed, `sha256("us-ssn\0<file>\0<value>")` gave the SSN away in well under a second.
 */
const SSN = '517-29-4821';
const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every 12-or-more hex run in the text, by its first 12 digits: comments show fingerprints that short. */
const shownPrefixes = (text: string) => new Set([...text.matchAll(/[0-9a-f]{12,}/gi)].map(([run]) => run.slice(0, 12).toLowerCase()));

/**
 * Every value of `***-**-4821` hashed under the old formula and plain sha256 variants, for each file name
 * the outputs mention: 12-digit hash prefix → the SSN it came from.
 */
function candidateTable(files: readonly string[]): Map<string, string> {
  const table = new Map<string, string>();
  for (let hidden = 0; hidden < 100_000; hidden++) {
    const digits = `${String(hidden).padStart(5, '0')}4821`;
    const dashed = `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
    const hashes = [sha256(dashed), sha256(digits), ...files.flatMap((file) => [sha256(`us-ssn\0${file}\0${dashed}`), sha256(`us-ssn\0${file}\0${digits}`)])];
    for (const hash of hashes) table.set(hash.slice(0, 12), dashed);
  }
  return table;
}

/** The SSN whose hash (or its 12-digit prefix) appears in the text, if any. */
const bruteForce = (text: string, table: ReadonlyMap<string, string>): string | undefined => [...shownPrefixes(text)].map((prefix) => table.get(prefix)).find((ssn) => ssn !== undefined);

function sink() {
  let text = '';
  return { stream: new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), text: () => text };
}

describe('brute-forcing the hidden digits of a US SSN from what users see', () => {
  let h: GateHarness;
  let data: string;
  let file: string;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    data = await mkdtemp(join(tmpdir(), 'donegate-ssn-'));
    file = join(data, 'people.csv');
    await writeFile(file, `name,ssn\nAda Lovelace,${SSN}\n`);
  });
  afterAll(async () => {
    await h.close();
  });

  it('finds the SSN when the fingerprint is made the old way, so a miss below is not the brute-forcer failing', () => {
    const oldComment = `${file}:2 us-ssn ***-**-4821 (fingerprint ${sha256(`us-ssn\0${file}\0${SSN}`).slice(0, 12)})`;
    expect(bruteForce(oldComment, candidateTable([file]))).toBe(SSN);
  });

  it('fails on the JSON and SARIF reports, the tracker comments, the decisions API and the audit export (JSONL, CSV, HTML)', async () => {
    // One ticket gets a report from CI, the other the data itself attached, which the worker scans under the installation's key.
    const submitted = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const attached = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    for (const issue of [submitted, attached]) await h.supplyEvidence('jira', issue.key, ['dependency-audit']);
    h.jira.state.addAttachment(attached.key, { filename: 'people.csv', content: `name,ssn\nAda Lovelace,${SSN}\n`, mimeType: 'text/csv' });

    const ciToken = await h.createToken('ci', 'ci-scan', ['ML']);
    const env = { DONEGATE_URL: h.url, DONEGATE_TOKEN: ciToken, DONEGATE_FINGERPRINT_KEY: 'c0ffee42'.repeat(8) };
    const run = async (format: string, submit: boolean) => {
      const out = sink();
      const err = sink();
      const code = await runScanCommand([data], { format, ...(submit ? { submit: true, tracker: 'jira', ticket: submitted.key } : {}) }, { out: out.stream, err: err.stream, env, scan: scanWithProgress });
      // Findings exit 1; with --submit the exit code follows the (successful) upload instead.
      expect({ code, stderr: err.text() }).toMatchObject({ code: submit ? 0 : 1 });
      return out.text();
    };
    const outputs: Record<string, string> = { json: await run('json', true), sarif: await run('sarif', false) };

    for (const [name, issue] of Object.entries({ submitted, attached })) {
      await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: `${name}-move` });
      expect((await h.decisionFor('jira', issue.key, `${name}-move`)).outcome).toBe('fail');
      outputs[`${name} comment`] = adfToText(h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId)!.body);
      outputs[`${name} decisions API`] = await (await h.api(`/tickets/jira/${issue.key}/decisions`)).text();
    }
    for (const format of ['jsonl', 'csv', 'html']) outputs[`audit export ${format}`] = await (await h.api(`/audit/export?format=${format}`)).text();

    // Each report, comment and decision shows the masked value and a fingerprint: what the attack starts from.
    for (const [surface, text] of Object.entries(outputs).filter(([surface]) => !surface.startsWith('audit'))) {
      expect({ surface, masked: text.includes('***-**-4821'), fingerprint: shownPrefixes(text).size > 0 }).toEqual({ surface, masked: true, fingerprint: true });
    }
    // A CSV column's finding stands for its rows: its fingerprint is keyed over the column, not the value.
    expect(outputs['attached comment']).toMatch(/people\.csv:2 us-ssn \*\*\*-\*\*-4821 in 1 row of column ssn \(fingerprint [0-9a-f]{12}\)/);
    const table = candidateTable([file, 'people.csv']);
    const surfaces = Object.keys(outputs);
    const recovered = Object.fromEntries(surfaces.map((surface) => [surface, bruteForce(outputs[surface]!, table) ?? 'nothing']));
    const raw = Object.fromEntries(surfaces.map((surface) => [surface, outputs[surface]!.includes(SSN) || outputs[surface]!.includes(SSN.replace(/-/g, ''))]));
    expect(recovered).toEqual(Object.fromEntries(surfaces.map((surface) => [surface, 'nothing'])));
    expect(raw).toEqual(Object.fromEntries(surfaces.map((surface) => [surface, false])));
  });
});
