/**
 * The two triggers that make a table append-only: one refuses UPDATE and DELETE of any row, the other
 * TRUNCATE, each by calling `refuse` (a trigger function that raises). Migrations put this SQL into theirs.
 */
export function appendOnlyTriggers(table: string, refuse = 'donegate_append_only'): string {
  return `CREATE TRIGGER ${table}_no_update_or_delete BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${refuse}();
    CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${refuse}();`;
}
