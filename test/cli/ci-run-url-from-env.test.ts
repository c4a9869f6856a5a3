import { describe, expect, it } from '@jest/globals';
import { ciRunUrlFromEnv, resolveCiRunUrl } from '../../src/cli/ci-run-url-from-env.js';

const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/churn-model', GITHUB_RUN_ID: '9876543210' };

describe('ciRunUrlFromEnv', () => {
  it("builds GitHub Actions' run page from its server, repository and run id", () => {
    expect(ciRunUrlFromEnv(GITHUB)).toBe('https://github.com/acme/churn-model/actions/runs/9876543210');
  });

  it("takes GitLab's job page as it is", () => {
    expect(ciRunUrlFromEnv({ CI_JOB_URL: 'https://gitlab.example.com/ml/churn/-/jobs/42' })).toBe('https://gitlab.example.com/ml/churn/-/jobs/42');
  });

  it('has none outside CI, or when GitHub Actions is missing one of its three variables', () => {
    expect(ciRunUrlFromEnv({})).toBeUndefined();
    expect(ciRunUrlFromEnv({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/ml' })).toBeUndefined();
  });
});

describe('resolveCiRunUrl', () => {
  it('prefers --ci-run-url over the CI system, normalised', () => {
    expect(resolveCiRunUrl('https://CI.example.com/runs/7', GITHUB)).toEqual({ ok: true, url: 'https://ci.example.com/runs/7' });
  });

  it('refuses a --ci-run-url that is not an absolute https URL, naming the option', () => {
    expect(resolveCiRunUrl('http://ci.example.com/runs/7', {})).toEqual({ ok: false, problem: '--ci-run-url: a CI run URL must be an absolute https:// URL' });
  });

  it("leaves out a CI system's own URL that donegate would refuse, rather than fail the upload", () => {
    expect(resolveCiRunUrl(undefined, { CI_JOB_URL: 'http://gitlab.internal/ml/-/jobs/42' })).toEqual({ ok: true });
    expect(resolveCiRunUrl(undefined, GITHUB)).toEqual({ ok: true, url: 'https://github.com/acme/churn-model/actions/runs/9876543210' });
  });
});
