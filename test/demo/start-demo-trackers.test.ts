import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoTrackers } from '../../src/demo/demo-trackers.js';
import { SAMPLES_DIR } from '../../src/demo/sample-deliveries.js';
import { TRACKER_NAMES, findTrackerPlugin } from '../../src/trackers/registry.js';
import { startDemoTrackers } from '../../simulators/demo/start-demo-trackers.js';

describe('the demo trackers', () => {
  let demo: DemoTrackers;
  beforeAll(async () => {
    demo = await startDemoTrackers();
  });
  afterAll(() => demo.close());

  it('describe every registered tracker once, in the registry order', () => {
    expect(demo.trackers.map((tracker) => tracker.name)).toEqual(TRACKER_NAMES);
  });

  it.each(TRACKER_NAMES)('give %s settings its plugin accepts and replay only samples that exist', (name) => {
    const tracker = demo.trackers.find((candidate) => candidate.name === name)!;

    expect(() => findTrackerPlugin(name)!.env.schema.parse(tracker.env)).not.toThrow();
    expect(tracker.replay.length).toBeGreaterThan(0);
    for (const { file } of tracker.replay) expect(existsSync(join(SAMPLES_DIR, name, file))).toBe(true);
  });

  it('start every ticket outside Done, with no donegate comment', () => {
    for (const tracker of demo.trackers) {
      const view = tracker.view();
      expect({ tracker: tracker.name, ownComments: view.ownComments }).toEqual({ tracker: tracker.name, ownComments: 0 });
      expect(view.status).not.toMatch(/^(Done|closed)/);
    }
  });
});
