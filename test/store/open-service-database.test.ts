import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { registerMigrateCommand } from '../../src/cli/migrate-command.js';
import { auditPrivilegeWarnings } from '../../src/store/audit-table-privileges.js';
import { openServiceDatabase, runtimeRoleOf, SchemaBehindError } from '../../src/store/open-service-database.js';
import { ADMIN_DATABASE_URL } from '../support/databases.js';
import { runCommand } from '../support/run-command.js';
import { createRuntimeRole, type RuntimeRole } from '../support/runtime-role.js';

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** An empty database of its own (not migrated, unlike createPostgresTestDatabase). */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `donegate_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

describe('opening the database with an owner and a runtime role', () => {
  let database: { url: string; drop: () => Promise<void> };
  let runtime: RuntimeRole;
  beforeEach(async () => {
    database = await emptyDatabase();
    runtime = await createRuntimeRole(database.url);
  });
  afterEach(async () => {
    await runtime.db.close().catch(() => undefined);
    await database.drop();
    await runtime.drop();
  });

  it('migrates as the owner at start and connects as the runtime role, which then has nothing to warn about', async () => {
    const db = await openServiceDatabase({ databaseUrl: runtime.url, databaseOwnerUrl: database.url, dataDir: null, migrateOnStart: true });
    try {
      const [who] = await db.query<{ user: string }>('SELECT current_user AS user');
      expect(who!.user).toBe(runtime.name);
      expect(await auditPrivilegeWarnings(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('refuses to start on an unmigrated database when MIGRATE_ON_START is false, saying to run donegate migrate', async () => {
    await expect(openServiceDatabase({ databaseUrl: runtime.url, dataDir: null, migrateOnStart: false })).rejects.toThrow(SchemaBehindError);
    await expect(openServiceDatabase({ databaseUrl: runtime.url, dataDir: null, migrateOnStart: false })).rejects.toThrow(/run `donegate migrate`/);
  });

  it('donegate migrate applies the schema and grants the runtime role; the service then starts without migrating', async () => {
    const setup = { databaseUrl: runtime.url, databaseOwnerUrl: database.url, dataDir: null, migrateOnStart: false };
    const run = await runCommand((program, io) => registerMigrateCommand(program, { ...io, setup: () => setup }), ['migrate']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^applied migrations 1, 2, .*\ngranted role "donegate_runtime_[0-9a-f]+" read and insert only on the audit tables\n$/);
    expect((await runCommand((program, io) => registerMigrateCommand(program, { ...io, setup: () => setup }), ['migrate'])).out).toMatch(/^the database is up to date\n/);
    const db = await openServiceDatabase(setup);
    try {
      expect(await auditPrivilegeWarnings(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('donegate migrate exits 2 naming a runtime role that does not exist', async () => {
    const run = await runCommand(
      (program, io) => registerMigrateCommand(program, { ...io, setup: () => ({ databaseOwnerUrl: database.url, dataDir: null, migrateOnStart: true }) }),
      ['migrate', '--runtime-role', 'no_such_role_here'],
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/the runtime role "no_such_role_here" does not exist/);
  });

  it('keeps a single DATABASE_URL working as before: it migrates, and is warned that it owns the audit tables', async () => {
    const db = await openServiceDatabase({ databaseUrl: database.url, dataDir: null, migrateOnStart: true });
    try {
      expect((await auditPrivilegeWarnings(db))[0]).toMatch(/\(a superuser\) can UPDATE, DELETE, TRUNCATE, ALTER/);
    } finally {
      await db.close();
    }
  });
});

describe('the runtime role name', () => {
  it("defaults to DATABASE_URL's user when an owner URL is set, and to none otherwise", () => {
    expect(runtimeRoleOf({ databaseUrl: 'postgres://svc:x@db/d', databaseOwnerUrl: 'postgres://own:y@db/d', dataDir: null, migrateOnStart: true })).toBe('svc');
    expect(runtimeRoleOf({ databaseUrl: 'postgres://svc:x@db/d', dataDir: null, migrateOnStart: true })).toBeUndefined();
    expect(runtimeRoleOf({ databaseUrl: 'postgres://own:x@db/d', databaseOwnerUrl: 'postgres://own:y@db/d', dataDir: null, migrateOnStart: true })).toBeUndefined();
    expect(runtimeRoleOf({ databaseRuntimeRole: 'donegate_runtime', dataDir: null, migrateOnStart: true })).toBe('donegate_runtime');
  });
});
