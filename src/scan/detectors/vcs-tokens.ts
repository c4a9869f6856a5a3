import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';

/**
 * GitHub tokens: classic and app tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and 36 base62 characters) and
 * fine-grained PATs (`github_pat_` 22 + `_` + 59). A run of one repeated character is a placeholder.
 */
export const githubToken: Detector = {
  id: 'github-token',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![\w])/g,
  markers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  prefilter: (text) => /gh[pousr]_|github_pat_/.test(text),
  validate: (candidate) => (/_(.)\1{15}/.test(candidate) ? undefined : verdict('high')),
  mask: (candidate) => maskToken(candidate),
};

/** GitLab personal, project and group access tokens: `glpat-` and at least 20 characters. */
export const gitlabToken: Detector = {
  id: 'gitlab-token',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w-])glpat-[A-Za-z0-9_.-]{20,}(?![\w-])/g,
  markers: ['glpat-'],
  prefilter: (text) => text.includes('glpat-'),
  validate: (candidate) => (/-(.)\1{15}/.test(candidate) ? undefined : verdict('high')),
  mask: (candidate) => maskToken(candidate),
};
