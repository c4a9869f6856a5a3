import { createServer } from 'node:net';
import { loadConfig } from '../../src/config/env.js';
import { DemoUnavailableError } from '../../src/demo/demo-unavailable-error.js';
import { runDemo } from '../../src/demo/run-demo.js';
import { TEST_REDIS_URL } from '../support/redis.js';
import { collector } from '../support/run-command.js';

describe('donegate demo', () => {
  it('replays the sample deliveries, blocks the Jira, Linear and GitHub tickets, then passes them once evidence is supplied', async () => {
    const out = collector();
    const code = await runDemo({ out: out.stream, config: loadConfig({ REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent' }) });
    const output = out.text();

    expect(code).toBe(0);
    expect(output).toMatch(/issue-updated-into-done\.json\s+→ 202 accepted/);
    expect(output).toMatch(/issue-updated-labels-and-summary\.json\s+→ 202 ignored \(no-status-change\)/);
    expect(output).toMatch(/issue-update-into-completed\.json\s+→ 200 accepted/);
    expect(output).toMatch(/Jira ML-142: now in "In Progress", labels \[ml, pii, security-dod-blocked\], 1 donegate comment/);
    expect(output).toMatch(/Linear AI-7: now in "In Review", labels \[security-dod-blocked\], 1 donegate comment/);
    expect(output).toMatch(/Jira ML-142: now in "Done", labels \[ml, pii\], 1 donegate comment\(s\), 2 decision/);
    expect(output).toMatch(/Linear AI-7: now in "Done", labels \[\], 1 donegate comment\(s\), 2 decision/);
    expect(output).toMatch(/issue-comment-created-waive-command\.json\s+→ 202 accepted/);
    expect(output).toMatch(/issues-closed-not-planned\.json\s+→ 202 ignored \(not-into-done\)/);
    expect(output).toMatch(/issues-closed-completed\.json\s+→ 202 accepted/);
    // Two comments: the reply refusing the waiver (its author is no approver) and the checklist.
    expect(output).toMatch(/GitHub ACME\/ML#42: now in "open", labels \[ml, security-dod-blocked\], 2 donegate comment\(s\), 2 decision/);
    expect(output).toMatch(/GitHub ACME\/ML#42: now in "closed as completed", labels \[ml\], 2 donegate comment\(s\), 3 decision\(s\)\n\s+last decision: pass/);
  });

  it('shows only the trackers its simulators describe, when given one', async () => {
    const { startDemoTrackers } = await import('../../simulators/demo/start-demo-trackers.js');
    const onlyGithub = async () => {
      const started = await startDemoTrackers();
      return { ...started, trackers: started.trackers.filter((tracker) => tracker.name === 'github') };
    };
    const out = collector();

    const code = await runDemo({ out: out.stream, config: loadConfig({ REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent' }), startTrackers: onlyGithub });

    expect(code).toBe(0);
    expect(out.text()).toMatch(/tickets ACME\/ML#42 \(GitHub repository acme\/ml\)\n/);
    expect(out.text()).toMatch(/the ticket is moved to Done again/);
    expect(out.text()).not.toMatch(/jira|linear|ML-142|AI-7/i);
  });

  it('stops before replaying anything, naming Redis, when Redis does not answer', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const out = collector();

    const run = runDemo({ out: out.stream, config: loadConfig({ REDIS_URL: `redis://127.0.0.1:${port}`, LOG_LEVEL: 'silent' }) });

    await expect(run).rejects.toBeInstanceOf(DemoUnavailableError);
    await expect(run).rejects.toThrow(/redis down.*start Redis/);
    expect(out.text()).toBe('');
    // The embedded store is created and migrated before Redis is asked, which takes a while on a busy machine.
  }, 120_000);
});
