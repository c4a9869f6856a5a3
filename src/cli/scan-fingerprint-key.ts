import { readFile } from 'node:fs/promises';
import { FingerprintKey, FingerprintKeyError, parseFingerprintKey } from '../scan/index.js';

/** Where `donegate scan` got its fingerprint key: given (so fingerprints match other runs with it) or made for this run. */
export interface ScanFingerprintKey {
  key: FingerprintKey;
  lasting: boolean;
}

/**
 * The key `donegate scan` fingerprints findings with: `--fingerprint-key-file`, else
 * DONEGATE_FINGERPRINT_KEY_FILE, else DONEGATE_FINGERPRINT_KEY (hex or base64, at least 32 bytes), else a
 * random key for this run only. Throws FingerprintKeyError (a usage error) naming the variable or file,
 * never showing the key.
 */
export async function resolveScanFingerprintKey(keyFile: string | undefined, env: NodeJS.ProcessEnv): Promise<ScanFingerprintKey> {
  const inline = env.DONEGATE_FINGERPRINT_KEY;
  const envFile = env.DONEGATE_FINGERPRINT_KEY_FILE;
  if (keyFile === undefined && envFile && inline) {
    throw new FingerprintKeyError('DONEGATE_FINGERPRINT_KEY and DONEGATE_FINGERPRINT_KEY_FILE are both set: keep one');
  }
  const file = keyFile ?? (envFile || undefined);
  if (file !== undefined) {
    const name = keyFile !== undefined ? `--fingerprint-key-file ${file}` : `DONEGATE_FINGERPRINT_KEY_FILE (${file})`;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new FingerprintKeyError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? 'EIO'}`);
    }
    return { key: parseFingerprintKey(text, name), lasting: true };
  }
  if (inline) return { key: parseFingerprintKey(inline, 'DONEGATE_FINGERPRINT_KEY'), lasting: true };
  return { key: FingerprintKey.random(), lasting: false };
}
