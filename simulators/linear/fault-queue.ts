export type LinearFaultKind = 'ratelimited' | 'authentication' | 'forbidden' | 'not-found' | 'server-error';

export interface LinearFault {
  /** Root field (`issueUpdate`) or operation name (`updateIssue`) to fail; any request when absent. */
  operation?: string;
  kind: LinearFaultKind;
  /** For `ratelimited`: what the `Retry-After` header announces (rounded up to whole seconds). Default 1000. */
  retryAfterMs?: number;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

interface PendingFault extends LinearFault {
  remaining: number;
}

/** Faults armed by tests; each matching request consumes one, in the order they were armed. */
export function createFaultQueue() {
  let pending: PendingFault[] = [];
  return {
    arm(fault: LinearFault): void {
      pending.push({ ...fault, remaining: fault.times ?? 1 });
    },
    clear(): void {
      pending = [];
    },
    take(operationName: string | undefined, rootFields: string[]): LinearFault | undefined {
      const fault = pending.find(
        (candidate) =>
          candidate.operation === undefined ||
          candidate.operation === operationName ||
          rootFields.includes(candidate.operation),
      );
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) pending = pending.filter((candidate) => candidate !== fault);
      return fault;
    },
  };
}

export type FaultQueue = ReturnType<typeof createFaultQueue>;
