/**
 * `npx tsx bench/fingerprint-cost.ts`: what keyed fingerprints cost and what they stop. Times recovering
 * the hidden digits of `***-**-4821` from the 12 hex digits a comment shows when the fingerprint is the old
 * sha256(detector, file, value), then the cost of one fingerprint, sha256 against HMAC-SHA-256.
 */
import { createHash } from 'node:crypto';
import { findingFingerprint, FingerprintKey } from '../src/scan/fingerprint.js';

const FILE = 'data/people.csv';
const SSN = '517-29-4821';
const oldFingerprint = (value: string) => createHash('sha256').update(`us-ssn\0${FILE}\0${value}`).digest('hex');

const shown = oldFingerprint(SSN).slice(0, 12);
let started = performance.now();
let recovered: string | undefined;
for (let hidden = 0; hidden < 100_000 && recovered === undefined; hidden++) {
  const digits = String(hidden).padStart(5, '0');
  const candidate = `${digits.slice(0, 3)}-${digits.slice(3)}-4821`;
  if (oldFingerprint(candidate).startsWith(shown)) recovered = candidate;
}
const bruteForceMs = performance.now() - started;

const ROUNDS = 200_000;
const key = FingerprintKey.random();
started = performance.now();
for (let i = 0; i < ROUNDS; i++) oldFingerprint(`${i}`);
const sha256Us = ((performance.now() - started) * 1000) / ROUNDS;
started = performance.now();
for (let i = 0; i < ROUNDS; i++) findingFingerprint(key, 'us-ssn', FILE, `${i}`);
const hmacUs = ((performance.now() - started) * 1000) / ROUNDS;

console.log(`old sha256 fingerprint: ${recovered === SSN ? 'recovered' : 'did not recover'} ${SSN} from "${shown}" in ${bruteForceMs.toFixed(0)} ms`);
console.log(`one fingerprint: sha256 ${sha256Us.toFixed(2)} µs, HMAC-SHA-256 ${hmacUs.toFixed(2)} µs (${ROUNDS} of each)`);
