import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/env.js';
import { DemoUnavailableError } from '../../src/demo/demo-unavailable-error.js';
import { runDemo } from '../../src/demo/run-demo.js';
import { TEST_REDIS_URL } from '../support/redis.js';
import { collector } from '../support/run-command.js';

describe('donegate demo', () => {
  it('replays the sample deliveries, blocks both tickets, then passes them once evidence is supplied', async () => {
    let output = '';
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString('utf8');
        done();
      },
    });
    const code = await runDemo({ out, config: loadConfig({ REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent' }) });

    expect(code).toBe(0);
    expect(output).toMatch(/issue-updated-into-done\.json\s+→ 202 accepted/);
    expect(output).toMatch(/issue-updated-labels-and-summary\.json\s+→ 202 ignored \(no-status-change\)/);
    expect(output).toMatch(/issue-update-into-completed\.json\s+→ 200 accepted/);
    expect(output).toMatch(/Jira ML-142: now in "In Progress", labels \[ml, pii, security-dod-blocked\], 1 donegate comment/);
    expect(output).toMatch(/Linear AI-7: now in "In Review", labels \[security-dod-blocked\], 1 donegate comment/);
    expect(output).toMatch(/Jira ML-142: now in "Done", labels \[ml, pii\], 1 donegate comment\(s\), 2 decision/);
    expect(output).toMatch(/Linear AI-7: now in "Done", labels \[\], 1 donegate comment\(s\), 2 decision/);
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
  });
});
