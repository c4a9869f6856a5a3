import type { Redis } from 'ioredis';

export interface RedisCounters {
  /** CPU seconds the server has used (`INFO cpu`: user + sys of the main process). */
  cpuSeconds: number;
  /** Commands the server has processed (`INFO stats`), from every client of this Redis. */
  commands: number;
}

export async function redisCounters(redis: Redis): Promise<RedisCounters> {
  const info = await redis.info();
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return { cpuSeconds: field('used_cpu_user') + field('used_cpu_sys'), commands: field('total_commands_processed') };
}
