import { base62Crc32 } from '../../bench/secrets-labelled/random-secrets.js';
import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';
import { rulesSha256 } from '../../src/scan/rules-sha256.js';

const detectors = createDefaultDetectors();
const found = (line: string): string[] => matchLine(line, detectors).map((match) => `${match.detector.id}:${match.confidence}`);
// Built at run time so no scanner of this repository flags the fixtures as real secrets.
const body = 'Zq8vLm2Rt5Xw9Kp3Ns7YaB4cD6eF1g';

describe('vendor rules taken from secretlint', () => {
  it('reports a GitHub token with a right CRC32 and not one with a wrong checksum', () => {
    const checksum = base62Crc32(body);
    expect(found(`GITHUB_TOKEN=ghp_${body}${checksum}`)).toEqual(['github-token:high']);
    const wrong = checksum.slice(0, 5) + (checksum.endsWith('A') ? 'B' : 'A');
    expect(found(`GITHUB_TOKEN=ghp_${body}${wrong}`)).toEqual([]);
  });

  it('reports an npm token only with its checksum, also in an .npmrc line', () => {
    expect(found(`//registry.npmjs.org/:_authToken=npm_${body}${base62Crc32(body)}`)).toEqual(['npm-token:high']);
    expect(found(`NPM_TOKEN=npm_${body}ABCDEF`)).toEqual([]);
  });

  it('finds a token whose name starts with the same prefix (hf_token=hf_…) and reports only the token', () => {
    const token = `hf_${'AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh'}`;
    const [match] = matchLine(`started with hf_token=${token} pid=4121`, detectors);
    expect(match && [match.detector.id, match.value === token]).toEqual(['huggingface-token', true]);
  });

  it('names the preset and its version in the rules hash input', () => {
    expect(detectors.find((detector) => detector.id === 'github-token')?.variant).toMatch(/^@secretlint\/secretlint-rule-github@\d+\.\d+\.\d+$/);
    expect(rulesSha256(detectors)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('generic-secret near-misses', () => {
  it('leaves a truncated or malformed vendor token to its vendor rule instead of reporting it as generic', () => {
    expect(found('GITHUB_TOKEN=ghp_9Ex3Oe174JPxxNz6R7AM')).toEqual([]);
    expect(found('stripe_secret_key: sk_live_O2skSwCNQpAbcdEf')).toEqual([]);
  });

  it('ignores settings about a secret, test fixtures and joined words', () => {
    expect(found('token_limit = "tiktoken/cl100k_base"')).toEqual([]);
    expect(found('api_token: test_token_1234567890abcdef')).toEqual([]);
    expect(found('auth_mode=max_tokens_per_request_2048')).toEqual([]);
  });

  it('still reports a random value under a secret-like name, hex keys included', () => {
    expect(found('DD_API_KEY=0af0dc3c9c0977cf07dc6eac1947a53e')).toEqual(['generic-secret:medium']);
    expect(found('signing_key: DkzL9BMrHyePcJeJ/+d2kVdrR7H8LsiPNLMFZcQpTOrP')).toEqual(['generic-secret:medium']);
  });
});

describe('private-key near-misses', () => {
  it('ignores a header in prose or followed by a placeholder, and keeps a real header line', () => {
    expect(found('# Paste the -----BEGIN PRIVATE KEY----- block from the console here.')).toEqual([]);
    expect(found('TLS_KEY="-----BEGIN PRIVATE KEY-----\\n<your key here>\\n-----END PRIVATE KEY-----"')).toEqual([]);
    expect(found('-----BEGIN RSA PRIVATE KEY-----')).toEqual(['private-key:high']);
  });
});
