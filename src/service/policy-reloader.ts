import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { policyReloadedEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Logger } from '../logging/logger.js';
import { formatProblem, loadPolicyFile, PolicyError, type KnownCriteria } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.js';
import type { PolicyReloadRequest, PolicyReloadResult } from '../policy/policy-reload-result.js';

export interface PolicyReloaderDeps {
  /** `POLICY_FILE`: re-read on every reload. */
  file: string;
  registry: KnownCriteria;
  initial: Policy;
  audit: AuditLog;
  log: Logger;
}

export interface PolicyReloader {
  /** The policy in force: what the receiver and the worker read for each decision. */
  current(): Policy;
  /** Re-read and fully validate the file; only a good one replaces the policy. Audited either way. */
  reload(request: PolicyReloadRequest): Promise<PolicyReloadResult>;
  /** Calls `listener` with each policy that replaces the one in force. */
  onReloaded(listener: (policy: Policy) => void): void;
}

/** Holds the policy in force and replaces it, on SIGHUP or through the API, once a new file is known good. */
export function createPolicyReloader(deps: PolicyReloaderDeps): PolicyReloader {
  let policy = deps.initial;
  // One reload at a time: two at once could finish out of order and leave the older file in force.
  let queue: Promise<unknown> = Promise.resolve();
  const listeners: Array<(policy: Policy) => void> = [];

  const reloadNow = async (request: PolicyReloadRequest): Promise<PolicyReloadResult> => {
    const oldHash = policy.hash;
    const actor = request.via === 'signal' ? 'signal' : request.actor;
    let result: PolicyReloadResult;
    try {
      const next = await loadPolicyFile(deps.file, deps.registry);
      policy = next;
      result = { status: 'reloaded', oldHash, newHash: next.hash, rules: next.rules.length };
      deps.log.info({ policy: deps.file, via: request.via, by: actor, oldHash, policyHash: next.hash, rules: next.rules.length }, `policy reloaded: ${next.hash}`);
      for (const listener of listeners) listener(next);
    } catch (error) {
      const problems = error instanceof PolicyError ? error.problems.map((p) => formatProblem(error.source, p)) : [error instanceof Error ? error.message : String(error)];
      result = { status: 'invalid', oldHash, problems };
      deps.log.error({ policy: deps.file, via: request.via, by: actor, policyHash: oldHash, problems }, `policy not reloaded, the one in force is kept: ${problems.join('; ')}`);
    }
    const data = result.status === 'reloaded' ? { newHash: result.newHash, rules: result.rules } : { problems: result.problems };
    await deps.audit.append(policyReloadedEvent(actor, { via: request.via, oldHash, ...data }));
    return result;
  };

  return {
    current: () => policy,
    reload(request) {
      const run = queue.then(() => reloadNow(request));
      queue = run.catch(() => undefined);
      return run;
    },
    onReloaded(listener) {
      listeners.push(listener);
    },
  };
}

const broadcastSchema = z.object({ origin: z.string(), actor: z.string().max(200) });

export interface PolicyBroadcast {
  /** Ask every other process on this queue prefix to reload its own POLICY_FILE. */
  publish(actor: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Receivers and workers may run as separate processes: a reload through the API is published on a Redis
 * channel under the queue prefix, and every process subscribed to it reloads its own POLICY_FILE.
 */
export function startPolicyBroadcast(deps: {
  subscriber: Redis;
  publisher: Redis;
  prefix: string;
  reloader: PolicyReloader;
  log: Logger;
}): PolicyBroadcast {
  const channel = `${deps.prefix}:policy-reload`;
  const origin = randomUUID();
  deps.subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    let parsed: z.infer<typeof broadcastSchema>;
    try {
      parsed = broadcastSchema.parse(JSON.parse(message));
    } catch {
      deps.log.warn({ channel }, 'ignored a malformed policy reload request');
      return;
    }
    if (parsed.origin === origin) return; // this process reloaded before publishing
    void deps.reloader.reload({ via: 'broadcast', actor: parsed.actor }).catch((error: unknown) => {
      deps.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'policy reload requested by another process failed');
    });
  });
  // Not awaited: with Redis down the service still starts; ioredis subscribes again once it connects.
  deps.subscriber.subscribe(channel).catch((error: unknown) => {
    deps.log.warn({ channel, err: { message: error instanceof Error ? error.message : String(error) } }, 'could not subscribe to policy reload requests');
  });
  return {
    async publish(actor) {
      await deps.publisher.publish(channel, JSON.stringify({ origin, actor }));
    },
    // Nothing in flight on a subscriber worth waiting for; and `quit` would wait for a Redis that is down.
    close() {
      deps.subscriber.disconnect();
      return Promise.resolve();
    },
  };
}
