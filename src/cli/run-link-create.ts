// What `donegate link create` runs, loaded by its action in link-commands.ts: the input parsers, zod, the store.
import { z } from 'zod';
import type { Role } from '../domain/role.js';
import { InvalidTokenInputError } from '../auth/token-errors.js';
import type { Database } from '../store/database.js';
import { callApi, serviceTarget, serviceUrlOf } from './api-client.js';

export interface LinkCommandDeps {
  /** A migrated database; closed after the command. */
  openDb: () => Promise<Database>;
  /** `UI_PUBLIC_URL` of the configuration, for links made on the database directly. */
  publicUrl: () => Promise<string | undefined>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Exit codes: 0 ok, 1 refused by the service, 2 usage, no UI_PUBLIC_URL, or network error. */
  setExitCode: (code: number) => void;
  env?: NodeJS.ProcessEnv;
}

export interface LinkOptions {
  role: Role;
  expires: string;
  projects?: string;
  name?: string;
  url?: string;
}

/** `donegate link create`: on the database directly, or with `--url` (or DONEGATE_URL) through a running service. */
export async function createLink(options: LinkOptions, deps: LinkCommandDeps): Promise<void> {
  const env = deps.env ?? {};
  const fail = (exitCode: 1 | 2, message: string) => {
    deps.err.write(`donegate: ${message}\n`);
    deps.setExitCode(exitCode);
  };
  const { parseLinkLifetime, parseLinkName, parseLinkRole } = await import('../auth/sign-in-link-input.js');
  const { parseProjects } = await import('../auth/token-input.js');
  let input: { role: Role; lifetimeMs: number; projects: string[]; name: string };
  try {
    const role = parseLinkRole(options.role);
    input = { role, lifetimeMs: parseLinkLifetime(options.expires), projects: parseProjects(options.projects ?? []), name: parseLinkName(options.name ?? `${role} (sign-in link)`) };
  } catch (error) {
    if (!(error instanceof InvalidTokenInputError)) throw error;
    return fail(2, error.message);
  }
  const service = serviceUrlOf(options.url, env);
  if (service !== undefined) {
    const target = serviceTarget(service, env);
    if ('problem' in target) return fail(2, target.problem);
    const body = { role: input.role, expires: options.expires, projects: input.projects, name: input.name };
    const result = await callApi(target, 'POST', 'sign-in-links', z.object({ url: z.string(), record: z.object({ expiresAt: z.string() }) }), body);
    if (!result.ok) return fail(result.exitCode, result.message);
    return printLink(deps, result.body.url, input.name, result.body.record.expiresAt);
  }
  const publicUrl = await deps.publicUrl();
  if (publicUrl === undefined) return fail(2, 'set UI_PUBLIC_URL (the address people open donegate at, e.g. https://donegate.example.com); links are built on it');
  const { createSignInLinks } = await import('../auth/sign-in-links.js');
  const { createAuditLog } = await import('../audit/audit-log.js');
  const { signInLinkCreatedEvent } = await import('../audit/audit-events.js');
  const db = await deps.openDb();
  try {
    const { secret, record } = await createSignInLinks(db).create({ ...input, expiresAt: new Date(Date.now() + input.lifetimeMs), createdBy: 'cli' });
    await createAuditLog(db).append(signInLinkCreatedEvent(record, 'cli'));
    printLink(deps, `${publicUrl}/ui/link/${secret}`, input.name, record.expiresAt.toISOString());
  } finally {
    await db.close();
  }
}

function printLink(deps: LinkCommandDeps, url: string, name: string, expiresAt: string): void {
  deps.out.write(`${url}\n`);
  deps.err.write(`donegate: sign-in link for "${name}", usable once until ${expiresAt}; send it now, it cannot be shown again\n`);
}
