import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { Redis } from 'ioredis';
import type { Database } from '../src/store/database.js';
import { REDIS_URL } from './bench-config.js';

export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  redis: string;
  postgres: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number;
}

export async function machineInfo(db: Database): Promise<MachineInfo> {
  const redis = new Redis(REDIS_URL);
  try {
    const server = await redis.info('server');
    const [row] = await db.query<{ server_version: string }>('SHOW server_version');
    return {
      date: new Date().toISOString(),
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      redis: /^redis_version:(.+)$/m.exec(server)?.[1]?.trim() ?? 'unknown',
      postgres: row?.server_version ?? 'unknown',
      loadAverageAtStart: round2(loadavg()[0] ?? 0),
    };
  } finally {
    redis.disconnect();
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
