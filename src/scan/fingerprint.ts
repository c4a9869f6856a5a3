import { createHmac, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/** HMAC-SHA-256 wants a key at least as long as its output (RFC 2104 §3); shorter keys are refused. */
export const MIN_FINGERPRINT_KEY_BYTES = 32;

/** What a report and a baseline say their fingerprints are, so an unkeyed (sha256) one is recognised. */
export const FINGERPRINT_SCHEME = 'hmac-sha256' as const;

const PLACEHOLDER = '[fingerprint key]';

/**
 * The per-installation secret that keys finding fingerprints. A plain sha256 over a short value (the five
 * hidden digits of `***-**-4821`) is reversed by trying every candidate; an HMAC is not, without the key.
 * The bytes stay private and the key prints as a placeholder, so a log line or a JSON dump never holds it.
 */
export class FingerprintKey {
  readonly #bytes: Buffer;

  constructor(bytes: Uint8Array) {
    if (bytes.length < MIN_FINGERPRINT_KEY_BYTES) throw new RangeError(`a fingerprint key needs at least ${MIN_FINGERPRINT_KEY_BYTES} bytes`);
    this.#bytes = Buffer.from(bytes);
  }

  /** A fresh random key, for a run whose fingerprints need not match any other run's. */
  static random(): FingerprintKey {
    return new FingerprintKey(randomBytes(MIN_FINGERPRINT_KEY_BYTES));
  }

  /** HMAC-SHA-256 of `message` under this key, in hex. */
  hmacHex(message: string): string {
    return createHmac('sha256', this.#bytes).update(message).digest('hex');
  }

  /**
   * 16 hex digits naming the key (an HMAC of a fixed label, so it says nothing about the key): a baseline
   * records it, so one written under another key is refused instead of silently matching nothing.
   */
  get id(): string {
    return this.hmacHex('donegate fingerprint key id').slice(0, 16);
  }

  /** A copy of the key's bytes, only to hand the key to this process's scan worker threads: never log or store it. */
  bytesForWorker(): Uint8Array {
    return new Uint8Array(this.#bytes);
  }

  toJSON(): string {
    return PLACEHOLDER;
  }

  toString(): string {
    return PLACEHOLDER;
  }

  [inspect.custom](): string {
    return PLACEHOLDER;
  }
}

let processKey: FingerprintKey | undefined;

/**
 * A key made once per process: what a scan uses when its caller passes none, so no fingerprint is ever
 * unkeyed. Fingerprints under it match only within this process.
 */
export function processFingerprintKey(): FingerprintKey {
  processKey ??= FingerprintKey.random();
  return processKey;
}

/** HMAC-SHA-256 (hex) over detector id, file path and the raw value: stable for one key, and irreversible without it. */
export function findingFingerprint(key: FingerprintKey, detector: string, file: string, value: string): string {
  return key.hmacHex(`${detector}\0${file}\0${value}`);
}
