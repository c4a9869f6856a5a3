import { creator, rules } from '@secretlint/secretlint-rule-preset-recommend';
import presetPackage from '@secretlint/secretlint-rule-preset-recommend/package.json' with { type: 'json' };
import type { Confidence } from '../../scan-types.js';
import type { Detector } from '../detector.js';
import type { SecretlintRule } from './run-secretlint-rule.js';
import type { SecretlintDetectorSpec } from './secretlint-detector.js';
import { createSecretlintDetector } from './secretlint-detector.js';
import { hasTokenChecksum } from './token-checksum.js';

// A run of one character (`xxxxxxxx`, `00000000`) is a placeholder, never a random token.
const placeholderOr = (confidence: Confidence) => (token: string) => (/(.)\1{7}/.test(token) ? undefined : confidence);

// Tokens are at most this long: GitHub's app installation tokens (`ghs_<app id>_<JWT>`) run to about 600 characters,
// 1Password's service account tokens to 1,300. A bounded run keeps each candidate's cost fixed.
// `=` only at the end (base64 padding): `hf_token=hf_…` holds a candidate at its second `hf_`, not its first.
const run = (prefix: string, max = 256) => new RegExp(`(?<![\\w.+/-])(?:${prefix})[\\w.+/~-]{1,${max}}={0,2}`, 'g');

/**
 * The rules of secretlint's recommended preset that donegate runs, each under a donegate id. Left out, each for
 * its reason: `aws` (donegate's own finds the secret access key beside any `aws`/`secret` name and keeps AWS's
 * documentation keys `low`), `anthropic` (the preset misses admin keys), `sendgrid` (the preset misses keys with a `-`), `gitlab` (the preset knows only `glpat-`),
 * `privatekey` and `gcp` (they need the whole PEM block or a `.json`/`.p12` file; donegate reads a line at a time),
 * `basicauth` and `database-connection-string` (a password in a URL is not yet in the labelled set to tune on), and
 * `filter-comments` (donegate has its own allow-list).
 */
const SPECS: Readonly<Record<string, SecretlintDetectorSpec>> = {
  '@secretlint/secretlint-rule-github': {
    id: 'github-token', version: 2, markers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], candidate: run('gh[pousr]_|github_pat_', 1200),
    // donegate's addition: a classic token's CRC32 (a wrong checksum is a look-alike, measured in bench:secrets).
    judge: (token) => (/^gh[pousr]_[A-Za-z0-9]{36}$/.test(token) && !hasTokenChecksum(token, 4) ? undefined : placeholderOr('high')(token)),
  },
  '@secretlint/secretlint-rule-npm': {
    id: 'npm-token', version: 1, markers: ['npm_'], candidate: run('npm_', 64),
    judge: (token) => (hasTokenChecksum(token, 4) ? 'high' : undefined),
  },
  '@secretlint/secretlint-rule-slack': {
    id: 'slack-token', version: 2, markers: ['xox', 'xapp-'], candidate: run('xox[a-z]-|xapp-', 400),
    // Real tokens carry numeric team and user ids; `xoxb-not-a-real-token…` (Slack's documentation) does not.
    judge: (token) => (/^(?:xox[a-z]|xapp)-\d+-/.test(token) ? 'high' : undefined),
  },
  '@secretlint/secretlint-rule-slack#webhook': {
    id: 'slack-webhook', version: 2, markers: ['hooks.slack.com'], candidate: /https:\/\/hooks\.slack\.com\/services\/[\w/]{1,200}/g,
    judge: placeholderOr('high'),
  },
  '@secretlint/secretlint-rule-stripe': {
    id: 'stripe-key', version: 2, markers: ['k_live_', 'k_test_'], candidate: run('[sr]k_(?:live|test)_', 128),
    // Test-mode keys move no money.
    judge: (token) => placeholderOr(token.includes('_live_') ? 'high' : 'low')(token),
  },
  '@secretlint/secretlint-rule-openai': { id: 'openai-key', version: 2, markers: ['sk-'], candidate: run('sk-', 256), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-huggingface': { id: 'huggingface-token', version: 2, markers: ['hf_'], candidate: run('hf_', 64), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-shopify': { id: 'shopify-token', version: 1, markers: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], candidate: run('shp(?:at|ca|pa|ss)_', 80), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-groq': { id: 'groq-key', version: 1, markers: ['gsk_'], candidate: run('gsk_', 64), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-linear': { id: 'linear-key', version: 1, markers: ['lin_api_'], candidate: run('lin_api_', 140), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-notion': { id: 'notion-token', version: 1, markers: ['ntn_'], candidate: run('ntn_', 64), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-grafana': { id: 'grafana-token', version: 1, markers: ['glc_', 'glsa_'], candidate: run('glc_|glsa_', 410), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-1password': { id: '1password-token', version: 1, markers: ['ops_ey'], candidate: run('ops_', 1300), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-hashicorp-vault': { id: 'vault-token', version: 1, markers: ['hvs.', 'hvb.', 'hvr.'], candidate: run('hv[sbr]\\.', 310), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-vercel': { id: 'vercel-token', version: 1, markers: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], candidate: run('vc[piark]_', 64), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-databricks': { id: 'databricks-token', version: 1, markers: ['dapi'], candidate: run('dapi', 40), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-docker': { id: 'docker-token', version: 1, markers: ['dckr_pat_'], candidate: run('dckr_pat_', 40), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-figma': { id: 'figma-token', version: 1, markers: ['figd_'], candidate: run('figd_', 210), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-cloudflare': { id: 'cloudflare-token', version: 1, markers: ['cfk_', 'cfut_', 'cfat_'], candidate: run('cfk_|cfut_|cfat_', 64), judge: placeholderOr('high') },
  '@secretlint/secretlint-rule-tailscale': { id: 'tailscale-key', version: 1, markers: ['tskey-'], candidate: run('tskey-', 128), judge: placeholderOr('high') },
};

/** Which preset and version the vendor rules come from; part of every wrapped detector's `variant` (so the rules hash). */
export const SECRETLINT_PRESET = `${creator.meta.id}@${presetPackage.version}`;

/** secretlint's recommended rules as donegate detectors, in the order of `SPECS`. A rule missing from the preset is an error. */
export function createRecommendedSecretlintDetectors(): Detector[] {
  const byId = new Map((rules as unknown as SecretlintRule[]).map((rule) => [rule.meta.id, rule]));
  return Object.entries(SPECS).map(([key, spec]) => {
    const rule = byId.get(key.split('#')[0] ?? key);
    if (!rule) throw new Error(`secretlint's recommended preset (${SECRETLINT_PRESET}) no longer has ${key}; update src/scan/detectors/secretlint/recommended-detectors.ts`);
    return createSecretlintDetector(rule, presetPackage.version, spec);
  });
}
