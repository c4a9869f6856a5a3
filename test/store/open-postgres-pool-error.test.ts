import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { watchDependency } from '../../src/logging/dependency-watch.js';
import { openPostgres } from '../../src/store/open-postgres.js';
import { captureLog } from '../support/capture-log.js';
import { ADMIN_DATABASE_URL } from '../support/databases.js';
import { waitFor } from '../support/wait-for.js';

describe('a PostgreSQL pool whose idle connection is cut', () => {
  it('tells the dependency watch once, naming DATABASE_URL, and carries on with a new connection', async () => {
    const application = `donegate-pool-${randomBytes(4).toString('hex')}`;
    const url = new URL(ADMIN_DATABASE_URL);
    url.searchParams.set('application_name', application);
    const captured = captureLog();
    const watch = watchDependency({ name: 'PostgreSQL', variable: 'DATABASE_URL', url: url.toString(), log: captured.log });
    const db = openPostgres(url.toString(), { max: 1, onPoolError: (error) => watch.failed(error) });
    const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      await db.query('SELECT 1'); // leaves one idle client in the pool
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [application]);
      await waitFor(() => watch.down, { what: 'the pool to report the lost connection' });
      const [line, ...more] = captured.lines.map((l) => JSON.parse(l) as { level: number; msg: string; variable: string });
      expect(more).toEqual([]);
      expect(line).toMatchObject({ level: 50, variable: 'DATABASE_URL', msg: expect.stringMatching(/^cannot reach PostgreSQL at postgres:\/\/[^ @?]+ \(DATABASE_URL\): /) as string });
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await db.close();
    }
  });
});
