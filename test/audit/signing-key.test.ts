import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signatureProblem, signCheckpoint } from '../../src/audit/checkpoint.js';
import { keyIdOf, loadSigningKey, parsePublicKey, SigningKeyError } from '../../src/audit/signing-key.js';

describe('the checkpoint signing key', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const base64 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const head = { seq: 42, hash: 'a'.repeat(64), time: '2026-12-02T07:00:00.000Z' };

  it('reads PEM, base64 PKCS#8 and a key file alike, naming the key by the same id', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'donegate-key-'));
    await writeFile(join(folder, 'key.pem'), pem);
    const ids = await Promise.all([
      loadSigningKey({ signingKey: pem }),
      loadSigningKey({ signingKey: base64 }),
      loadSigningKey({ signingKeyFile: join(folder, 'key.pem') }),
    ]);
    expect(ids.map((k) => k!.keyId)).toEqual([keyIdOf(publicKey), keyIdOf(publicKey), keyIdOf(publicKey)]);
    expect(keyIdOf(publicKey)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is off when neither variable is set', async () => {
    expect(await loadSigningKey({})).toBeUndefined();
  });

  it('refuses a key that is not Ed25519, and never repeats the key text', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(loadSigningKey({ signingKey: rsa })).rejects.toThrow(/an Ed25519 key is needed, this one is rsa/);
    const error = await loadSigningKey({ signingKey: 'not-a-key-but-a-secret-value' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).not.toContain('secret-value');
  });

  it('signs a checkpoint that verifies with the public key alone, in PEM or base64', async () => {
    const key = (await loadSigningKey({ signingKey: pem }))!;
    const checkpoint = signCheckpoint(head, key);
    expect(signatureProblem(checkpoint, parsePublicKey(publicKey.export({ type: 'spki', format: 'pem' }).toString()))).toBeUndefined();
    expect(signatureProblem(checkpoint, parsePublicKey(publicKey.export({ type: 'spki', format: 'der' }).toString('base64')))).toBeUndefined();
  });

  it('says a checkpoint signed with another key is not checked by this one, and an altered one is forged', async () => {
    const key = (await loadSigningKey({ signingKey: pem }))!;
    const other = generateKeyPairSync('ed25519').publicKey;
    const checkpoint = signCheckpoint(head, key);
    expect(signatureProblem(checkpoint, other)).toMatch(/signed with key [0-9a-f]{16}, not with the public key given/);
    expect(signatureProblem({ ...checkpoint, time: '2026-12-03T07:00:00.000Z' }, publicKey)).toMatch(/does not verify/);
  });
});
