import type { AcceptedEvidence, Streams } from './evidence-submit.js';
import { networkProblem } from './send-with-retries.js';

export interface WaitDeps extends Streams {
  endpoint: { url: string; token: string };
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The part of a decision `--wait` reads from `GET /api/v1/tickets/:tracker/:key/decisions`. */
interface DecisionSeen {
  deliveryId: string;
  outcome: 'pass' | 'fail' | 'skipped' | 'error';
  reason?: string;
  rule?: string;
  mode?: string;
  criteria: Array<{ criterion: string; status: string; reason: string; fix?: string }>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const FIRST_POLL_MS = 1000;
const LONGEST_POLL_MS = 10_000;

/**
 * `--wait`: follow the re-evaluation each upload triggered (its decision's delivery id is
 * `evidence:<id>`) until decided. Exit 0 when every ticket passes (or no rule gates it), 1 when one
 * fails (its unmet criteria and why are printed), 2 when one could not be decided, was not queued, or
 * the timeout passed first.
 */
export async function waitForVerdicts(uploads: readonly AcceptedEvidence[], deps: WaitDeps): Promise<number> {
  const now = deps.now ?? Date.now;
  const deadline = now() + deps.timeoutMs;
  let worst = 0;
  for (const upload of uploads) worst = Math.max(worst, await waitForOne(upload, deadline, now, deps));
  return worst;
}

async function waitForOne(upload: AcceptedEvidence, deadline: number, now: () => number, deps: WaitDeps): Promise<number> {
  const { out, err, endpoint } = deps;
  const what = `${upload.tracker} ${upload.ticket}`;
  if (upload.reevaluation === 'not-queued') {
    err.write(`donegate: the ${upload.criterion} evidence for ${what} is stored, but its re-evaluation could not be queued (donegate's queue was unavailable), so there is no verdict to wait for; the ticket is evaluated on its next move to Done\n`);
    return 2;
  }
  const route = new URL(`/api/v1/tickets/${encodeURIComponent(upload.tracker)}/${encodeURIComponent(upload.ticket)}/decisions`, endpoint.url);
  const deliveryId = `evidence:${upload.id}`;
  let pause = FIRST_POLL_MS;
  let lastProblem = 'no decision yet';
  for (;;) {
    try {
      const response = await fetch(route, { headers: { authorization: `Bearer ${endpoint.token}` } });
      const body = (await response.json().catch(() => ({}))) as { decisions?: DecisionSeen[]; error?: { code: string; message: string } };
      if (response.ok) {
        const decision = body.decisions?.find((d) => d.deliveryId === deliveryId);
        if (decision) return report(decision, what, { out, err });
      } else if (response.status < 500 && response.status !== 429) {
        // The token cannot read decisions, or the route is unknown: waiting longer will not change that.
        err.write(`donegate: cannot read the decisions of ${what} (HTTP ${response.status}${body.error ? ` ${body.error.code}` : ''}): ${body.error?.message ?? response.statusText}\n`);
        return 2;
      } else {
        lastProblem = `HTTP ${response.status}`;
      }
    } catch (error) {
      lastProblem = networkProblem(error as Error);
    }
    const left = deadline - now();
    if (left <= 0) {
      err.write(`donegate: timed out waiting for the re-evaluation of ${what} after the ${upload.criterion} upload (${lastProblem}); raise --timeout, or see the ticket's donegate comment later\n`);
      return 2;
    }
    await (deps.sleep ?? sleepFor)(Math.min(pause, left));
    pause = Math.min(LONGEST_POLL_MS, Math.round(pause * 1.5));
  }
}

function report(decision: DecisionSeen, what: string, { out, err }: Streams): number {
  switch (decision.outcome) {
    case 'pass':
      out.write(`pass: ${what} meets every criterion of rule ${decision.rule ?? '?'}\n`);
      return 0;
    case 'skipped':
      out.write(`pass: no policy rule gates ${what}${decision.reason ? ` (${decision.reason})` : ''}\n`);
      return 0;
    case 'fail': {
      out.write(`fail: ${what} does not meet rule ${decision.rule ?? '?'}${decision.mode === 'warn' ? ' (warn mode: the ticket is not moved back)' : ''}\n`);
      for (const c of decision.criteria.filter((criterion) => criterion.status !== 'pass')) {
        out.write(`  - ${c.criterion} (${c.status}): ${c.reason}\n`);
        if (c.fix) out.write(`    fix: ${c.fix}\n`);
      }
      return 1;
    }
    case 'error':
      err.write(`donegate: ${what} could not be evaluated: ${decision.reason ?? 'no reason recorded'}\n`);
      return 2;
  }
}
