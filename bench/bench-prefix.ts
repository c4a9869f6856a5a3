import { randomBytes } from 'node:crypto';

/** A BullMQ key prefix of this run's own; every key under it is deleted afterwards. */
export function benchPrefix(phase: string): string {
  return `donegate-bench-${phase}-${randomBytes(4).toString('hex')}`;
}
