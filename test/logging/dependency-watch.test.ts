import { displayUrl, formatDuration, STILL_DOWN_EVERY_MS, watchDependency, watched } from '../../src/logging/dependency-watch.js';
import { captureLog } from '../support/capture-log.js';

const REFUSED = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6379'), { code: 'ECONNREFUSED' });

function watch(url = 'redis://donegate:hunter2-pass@10.0.0.5:6379/0') {
  const clock = { now: 1_000_000 };
  const captured = captureLog();
  const w = watchDependency({ name: 'Redis', variable: 'REDIS_URL', url, log: captured.log, now: () => clock.now });
  const lines = () => captured.lines.map((line) => JSON.parse(line) as { level: number; msg: string; errors?: number });
  return { w, clock, lines, text: captured.text };
}

describe('watching a dependency', () => {
  it('logs its first failure once, naming it, its variable and the reason, without the credentials', () => {
    const { w, lines, text } = watch();
    w.failed(REFUSED);
    w.failed(REFUSED);
    w.failed(REFUSED);
    expect(lines()).toEqual([expect.objectContaining({ level: 50, msg: 'cannot reach Redis at redis://10.0.0.5:6379/0 (REDIS_URL): connect ECONNREFUSED 10.0.0.5:6379' })]);
    expect(text()).not.toContain('hunter2-pass');
    expect(text()).not.toContain('donegate:');
    expect(w.down).toBe(true);
  });

  it('repeats at most once a minute while it stays down, counting the errors since', () => {
    const { w, clock, lines } = watch();
    w.failed(REFUSED);
    for (let i = 0; i < 117; i++) {
      clock.now += 500;
      w.failed(REFUSED);
    }
    expect(lines()).toHaveLength(1);
    clock.now += STILL_DOWN_EVERY_MS * 2;
    w.failed(REFUSED);
    w.failed(REFUSED);
    expect(lines()).toHaveLength(2);
    expect(lines()[1]).toMatchObject({ level: 50, msg: 'still cannot reach Redis at redis://10.0.0.5:6379/0 (REDIS_URL) for 2m, 119 errors since: connect ECONNREFUSED 10.0.0.5:6379' });
  });

  it('logs once that it is back, with how long it was down, and a later failure as a new outage', () => {
    const { w, clock, lines } = watch();
    w.reachable();
    expect(lines()).toHaveLength(0);
    w.failed(REFUSED);
    clock.now += 125_000;
    w.reachable();
    w.reachable();
    expect(lines()[1]).toMatchObject({ level: 30, msg: 'Redis at redis://10.0.0.5:6379/0 (REDIS_URL) is reachable again after 2m' });
    expect(lines()).toHaveLength(2);
    w.failed(REFUSED);
    expect(lines()[2]).toMatchObject({ level: 50, msg: expect.stringMatching(/^cannot reach Redis/) as string });
  });

  it('never writes a password that the error message repeats, nor one in the query', () => {
    const { w, text } = watch('postgres://app:s3cr%21t@db.internal:5432/donegate?password=other-secret');
    w.failed(new Error('authentication failed for s3cr!t and other-secret'));
    expect(text()).toContain('postgres://db.internal:5432/donegate');
    expect(text()).not.toContain('s3cr');
    expect(text()).not.toContain('other-secret');
  });

  it('reports a readiness check through the watch and still throws its error', async () => {
    const { w, lines } = watch();
    await expect(watched(w, () => Promise.reject(REFUSED))).rejects.toBe(REFUSED);
    await expect(watched(w, () => Promise.resolve('PONG'))).resolves.toBe('PONG');
    expect(lines().map((l) => l.level)).toEqual([50, 30]);
  });

  it('formats URLs and durations for people', () => {
    expect(displayUrl('rediss://:pw@cache.example.com:6380')).toBe('rediss://cache.example.com:6380');
    expect(displayUrl('not a url')).toBe('(an unreadable URL)');
    expect([formatDuration(45_000), formatDuration(120_000), formatDuration(3_900_000)]).toEqual(['45s', '2m', '1h 5m']);
  });
});
