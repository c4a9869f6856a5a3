import { Router } from 'express';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<unknown>;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * `/healthz`: the process answers (for restarts). `/readyz`: Redis and the database answer too
 * (for load balancers); 503 names what is down so an operator knows where to look. `warnings` are
 * problems that do not stop donegate working but weaken it (a database role that could rewrite the
 * audit log): the service stays ready and lists them, so monitoring can alert on them.
 */
export function createHealthRoutes(checks: ReadinessCheck[], warnings: readonly string[] = []): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
            }),
          ]);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, `down: ${error instanceof Error ? error.message : String(error)}`] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not-ready',
      checks: Object.fromEntries(results),
      ...(warnings.length > 0 ? { warnings } : {}),
    });
  });
  return router;
}
