import { trackerNameSchema } from '../../src/domain/index.js';
import { findTrackerPlugin, registeredTrackerSchema, TRACKER_NAMES, TRACKER_PLUGINS, trackerRedactPaths } from '../../src/trackers/registry.js';

describe('TRACKER_PLUGINS', () => {
  it('names each tracker once, in the shape routes and policy keys need', () => {
    expect(new Set(TRACKER_NAMES).size).toBe(TRACKER_NAMES.length);
    for (const name of TRACKER_NAMES) expect(trackerNameSchema.safeParse(name).success).toBe(true);
  });

  it('never names a tracker after a key the policy match uses for every tracker', () => {
    expect(TRACKER_NAMES.filter((name) => ['labels', 'issueTypes'].includes(name))).toEqual([]);
  });

  it("pairs each plugin with a receiver for the same tracker, answered with a status the tracker won't retry", () => {
    for (const plugin of TRACKER_PLUGINS) {
      expect(plugin.receiver.tracker).toBe(plugin.name);
      expect([200, 202]).toContain(plugin.receiver.acknowledgeStatus);
      expect(plugin.redactHeaders).toContain(plugin.receiver.signatureHeader);
    }
  });

  it("accepts each plugin's own key example and gives it a project", () => {
    for (const plugin of TRACKER_PLUGINS) {
      expect(plugin.keyPattern.test(plugin.keyExample)).toBe(true);
      expect(plugin.projectOfKey(plugin.keyExample)).not.toBe('');
    }
  });

  it('keeps attachment sources and waiver attributions apart between trackers', () => {
    const sources = TRACKER_PLUGINS.flatMap((plugin) => plugin.attachmentSources);
    expect(new Set(sources).size).toBe(sources.length);
    const via = TRACKER_PLUGINS.map((plugin) => plugin.waiverCommand.approvedVia);
    expect(new Set(via).size).toBe(via.length);
    for (const v of via) expect(v).toMatch(/^[a-z][a-z0-9-]{0,31}-comment$/);
  });
});

describe('findTrackerPlugin and registeredTrackerSchema', () => {
  it('find a registered tracker and refuse any other text, inherited keys included', () => {
    expect(findTrackerPlugin('jira')?.label).toBe('Jira');
    expect(findTrackerPlugin('constructor')).toBeUndefined();
    expect(registeredTrackerSchema.safeParse('linear').success).toBe(true);
    expect(registeredTrackerSchema.safeParse('trello').success).toBe(false);
  });
});

describe('trackerRedactPaths', () => {
  it("redacts each tracker's signature header in logged request headers", () => {
    expect(trackerRedactPaths()).toEqual(expect.arrayContaining(['headers["x-hub-signature"]', 'headers["linear-signature"]']));
  });
});
