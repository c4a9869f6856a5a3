/**
 * A fault the simulator answers with instead of handling the request, e.g.
 * `{ status: 429, headers: { 'Retry-After': '1' } }` or `{ method: 'PUT', path: /\/comment\//, status: 503 }`.
 */
export interface FaultSpec {
  method?: string;
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  /** Defaults to Jira's error shape with a message naming the status. */
  body?: unknown;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface InjectedFault {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function createFaultInjector() {
  const pending: Array<FaultSpec & { remaining: number }> = [];

  return {
    add(spec: FaultSpec): void {
      pending.push({ ...spec, remaining: spec.times ?? 1 });
    },
    clear(): void {
      pending.length = 0;
    },
    /** Takes the first fault matching this request, counting it down. */
    take(method: string, path: string): InjectedFault | undefined {
      const index = pending.findIndex(
        (f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || f.path.test(path)),
      );
      const fault = pending[index];
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) pending.splice(index, 1);
      return {
        status: fault.status,
        headers: fault.headers ?? {},
        body: fault.body ?? { errorMessages: [`Simulated fault: HTTP ${fault.status}`], errors: {} },
      };
    },
  };
}
