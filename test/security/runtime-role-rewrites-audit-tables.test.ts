import pg from 'pg';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { APPEND_ONLY_TABLES } from '../../src/store/append-only-tables.js';
import { auditPrivilegeWarnings } from '../../src/store/audit-table-privileges.js';
import { grantRuntimeRole } from '../../src/store/grant-runtime-role.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { createRuntimeRole, type RuntimeRole } from '../support/runtime-role.js';

/**
 * Someone holding the service's database credentials tries to rewrite history directly in PostgreSQL.
 * The service's role may read and insert the audit tables, nothing more: it does not own them, so it
 * cannot switch the append-only triggers off either.
 */
/** A column of each table an attacker would want to change. */
const TEXT_COLUMN: Record<(typeof APPEND_ONLY_TABLES)[number], string> = {
  audit_log: 'actor',
  audit_checkpoints: 'hash',
  decisions: 'outcome',
  evidence: 'outcome',
  waivers: 'reason',
  waiver_revocations: 'reason',
};

describe('the runtime role against the append-only tables', () => {
  let store: TestDatabase;
  let runtime: RuntimeRole;
  let attacker: pg.Client;

  beforeAll(async () => {
    store = await createPostgresTestDatabase();
    runtime = await createRuntimeRole(store.url!);
    await grantRuntimeRole(store.db, runtime.name);
    // Something to rewrite, appended the way the service does: as the runtime role.
    const audit = createAuditLog(runtime.db);
    for (let i = 1; i <= 3; i++) await audit.append({ type: 'decision', tracker: 'jira', ticket: `ML-${i}`, actor: 'donegate', data: { deliveryId: `d-${i}`, outcome: 'fail' } });
    await runtime.db.query(
      `INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, outcome, received_at) VALUES ('d-1', 'jira', 'ML-1', '10001', 'fail', now())`,
    );
    attacker = new pg.Client({ connectionString: runtime.url });
    await attacker.connect();
  });
  afterAll(async () => {
    await attacker.end();
    await store.drop();
    await runtime.drop();
  });

  const refusal = async (sql: string): Promise<string> => {
    try {
      await attacker.query(sql);
    } catch (error) {
      return `${(error as { code?: string }).code}: ${(error as Error).message}`;
    }
    return 'accepted';
  };

  describe.each([...APPEND_ONLY_TABLES])('%s', (table) => {
    it('refuses UPDATE for lack of the privilege', async () => {
      const column = TEXT_COLUMN[table];
      expect(await refusal(`UPDATE ${table} SET ${column} = ${column} || ' (edited)'`)).toMatch(/^42501: permission denied for table/);
    });
    it('refuses DELETE for lack of the privilege', async () => {
      expect(await refusal(`DELETE FROM ${table}`)).toMatch(/^42501: permission denied for table/);
    });
    it('refuses TRUNCATE for lack of the privilege', async () => {
      expect(await refusal(`TRUNCATE ${table}`)).toMatch(/^42501: permission denied for table/);
    });
    it('refuses ALTER TABLE … DISABLE TRIGGER: it does not own the table', async () => {
      expect(await refusal(`ALTER TABLE ${table} DISABLE TRIGGER USER`)).toMatch(/^42501: must be owner of table/);
    });
  });

  it('still lets the service append and read: the entries written as the runtime role are there', async () => {
    const rows = await runtime.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('reports no warning for the runtime role, and names UPDATE, DELETE, TRUNCATE and ALTER for the owner', async () => {
    expect(await auditPrivilegeWarnings(runtime.db)).toEqual([]);
    const [warning] = await auditPrivilegeWarnings(store.db);
    expect(warning).toMatch(/can UPDATE, DELETE, TRUNCATE, ALTER \(disable the append-only triggers\) on audit_checkpoints, audit_log, decisions, evidence, waiver_revocations, waivers/);
  });
});
