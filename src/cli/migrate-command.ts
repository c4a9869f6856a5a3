import type { Command } from 'commander';
import type { DatabaseSetup } from '../store/open-service-database.js';

export interface MigrateCommandDeps {
  setup: () => DatabaseSetup | Promise<DatabaseSetup>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  setExitCode: (code: number) => void;
}

/** `donegate migrate [--runtime-role NAME]`: the schema changes, run as the tables' owner. */
export function registerMigrateCommand(program: Command, deps: MigrateCommandDeps): void {
  program
    .command('migrate')
    .description(
      'apply pending database migrations as the owner (DATABASE_OWNER_URL, else DATABASE_URL, else the embedded PGlite), then grant the runtime role only INSERT and SELECT on the audit tables; exit 0 done, 2 configuration error',
    )
    .option('--runtime-role <role>', 'the role the service connects as (default: DATABASE_RUNTIME_ROLE, else the user in DATABASE_URL when DATABASE_OWNER_URL is set)')
    .action(async (options: { runtimeRole?: string }) => {
      // Loaded here, not at startup: the database drivers are heavy and only this command needs them.
      const [{ migrateAsOwner }, { RuntimeRoleError }] = await Promise.all([import('../store/open-service-database.js'), import('../store/grant-runtime-role.js')]);
      const setup = { ...(await deps.setup()), ...(options.runtimeRole ? { databaseRuntimeRole: options.runtimeRole } : {}) };
      try {
        const { applied, grantedTo } = await migrateAsOwner(setup);
        deps.out.write(applied.length > 0 ? `applied migrations ${applied.join(', ')}\n` : 'the database is up to date\n');
        deps.out.write(
          grantedTo
            ? `granted role "${grantedTo}" read and insert only on the audit tables\n`
            : 'no runtime role to grant (set DATABASE_OWNER_URL and DATABASE_RUNTIME_ROLE to run the service as a role that cannot rewrite the log)\n',
        );
      } catch (error) {
        if (!(error instanceof RuntimeRoleError)) throw error;
        deps.err.write(`donegate migrate: ${error.message}\n`);
        deps.setExitCode(2);
      }
    });
}
