import { DemoUnavailableError } from './demo-unavailable-error.js';

interface Readiness {
  checks?: Record<string, string>;
}

/**
 * The demo needs Redis (its queue) like the real service. Without it every gated delivery would be refused
 * with 503 and the demo would stop on a puzzling tracker error, so it asks `/readyz` first and names what
 * is down. The connection URL is not repeated: it may carry a password.
 */
export async function requireReadyService(serviceUrl: string): Promise<void> {
  const response = await fetch(`${serviceUrl}/readyz`);
  if (response.ok) return;
  const { checks = {} } = (await response.json().catch(() => ({}))) as Readiness;
  const down = Object.entries(checks).filter(([, state]) => state !== 'ok').map(([name, state]) => `${name} ${state}`);
  throw new DemoUnavailableError(`the demo needs Redis, as donegate itself does, but its readiness check reports ${down.join(', ') || 'not ready'}; start Redis (REDIS_URL, see README) and run the demo again`);
}
