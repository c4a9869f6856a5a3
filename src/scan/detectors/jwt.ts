import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// jwt.io's example token (its signature), printed in countless tutorials: `low`, never a live credential.
const DOCUMENTATION_SIGNATURES = new Set([['SflKxwRJSMeKKF2QT4fwpMeJf36POk6y', 'JV_adQssw5c'].join('')]);

/**
 * JSON Web Tokens: three base64url parts whose header decodes to a JSON object naming an `alg` and whose
 * payload decodes to a JSON object. Signed tokens are `high`; unsigned (`alg: none`, empty signature) `medium`.
 */
export const jwt: Detector = {
  id: 'jwt',
  kind: 'secret',
  version: 2,
  pattern: /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*(?![\w-])/g,
  markers: ['eyJ'],
  prefilter: (text) => text.includes('eyJ'),
  validate(candidate) {
    const [header = '', payload = '', signature = ''] = candidate.split('.');
    const alg = decodeJsonObject(header)?.alg;
    if (typeof alg !== 'string' || decodeJsonObject(payload) === undefined) return undefined;
    return verdict(alg.toLowerCase() === 'none' || signature === '' ? 'medium' : DOCUMENTATION_SIGNATURES.has(signature) ? 'low' : 'high');
  },
  mask: (candidate) => maskToken(candidate),
};
