import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoUnavailableError } from '../../src/demo/demo-unavailable-error.js';
import { DEMO_TRACKERS_ENTRY, loadDemoTrackers } from '../../src/demo/load-demo-trackers.js';

describe('loading the demo trackers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'donegate-demo-entry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the simulators of this checkout by default', async () => {
    expect(DEMO_TRACKERS_ENTRY).toMatch(/simulators\/demo\/start-demo-trackers\.ts$/);
    await expect(loadDemoTrackers()).resolves.toEqual(expect.any(Function));
  });

  it('refuses with a DemoUnavailableError that names npm ci when the simulators are not installed', async () => {
    const missing = loadDemoTrackers(join(dir, 'simulators/demo/start-demo-trackers.ts'));

    await expect(missing).rejects.toBeInstanceOf(DemoUnavailableError);
    await expect(missing).rejects.toThrow(/development checkout.*npm ci/);
  });

  it('refuses an entry that does not export startDemoTrackers', async () => {
    const entry = join(dir, 'empty-entry.mjs');
    writeFileSync(entry, 'export const somethingElse = 1;\n');

    await expect(loadDemoTrackers(entry)).rejects.toThrow(/does not export startDemoTrackers/);
  });
});
