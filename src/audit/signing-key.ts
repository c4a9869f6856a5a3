import * as crypto from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The Ed25519 key that signs checkpoints, and what auditors need to check them. */
export interface SigningKey {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  keyId: string;
}

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

/**
 * The first 16 hex digits of the sha256 of the public key (SubjectPublicKeyInfo, DER): short enough to
 * quote, and names the key a checkpoint was signed with so a rotated key is recognised as another key.
 */
export function keyIdOf(publicKey: crypto.KeyObject): string {
  return crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/**
 * The signing key from `AUDIT_SIGNING_KEY` (PEM, or base64 of the PKCS#8 DER) or the file
 * `AUDIT_SIGNING_KEY_FILE` names; undefined when neither is set. Create one with
 * `openssl genpkey -algorithm ed25519 -out audit-signing.pem`.
 */
export async function loadSigningKey(source: { signingKey?: string; signingKeyFile?: string }): Promise<SigningKey | undefined> {
  let text = source.signingKey;
  if (text === undefined && source.signingKeyFile !== undefined) {
    try {
      text = await readFile(source.signingKeyFile, 'utf8');
    } catch (error) {
      throw new SigningKeyError(`AUDIT_SIGNING_KEY_FILE: cannot read ${source.signingKeyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  if (text === undefined) return undefined;
  let privateKey: crypto.KeyObject;
  try {
    privateKey = text.includes('-----BEGIN')
      ? crypto.createPrivateKey(text)
      : crypto.createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    // The key text itself never goes into a message.
    throw new SigningKeyError('AUDIT_SIGNING_KEY: not a private key in PEM or base64 PKCS#8 form (create one with: openssl genpkey -algorithm ed25519)');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`AUDIT_SIGNING_KEY: an Ed25519 key is needed, this one is ${privateKey.asymmetricKeyType ?? 'unknown'} (openssl genpkey -algorithm ed25519)`);
  }
  const publicKey = crypto.createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** A public key as an auditor keeps it: PEM (SPKI) or its base64 DER. A private key is accepted too and its public half used. */
export function parsePublicKey(text: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    if (text.includes('PRIVATE KEY')) key = crypto.createPublicKey(crypto.createPrivateKey(text));
    else if (text.includes('-----BEGIN')) key = crypto.createPublicKey(text);
    else key = crypto.createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new SigningKeyError('not a public key in PEM or base64 SPKI form (donegate audit checkpoint --public-key prints one)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`an Ed25519 public key is needed, this one is ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}
