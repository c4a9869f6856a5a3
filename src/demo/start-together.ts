interface Closable {
  close(): Promise<void>;
}

/**
 * Starts two resources at once, because each takes seconds on its own (the simulators load their API
 * descriptions, the embedded database runs its migrations). When one fails, the other is closed again
 * before the failure is thrown, so nothing is left listening.
 */
export async function startTogether<A extends Closable, B extends Closable>(startA: () => Promise<A>, startB: () => Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([startA(), startB()]);
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value];
  if (a.status === 'fulfilled') await a.value.close();
  if (b.status === 'fulfilled') await b.value.close();
  throw a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason;
}
