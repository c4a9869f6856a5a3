import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';

// "OpenAI" base64-encoded: every legacy and project key carries it between its halves.
const OPENAI_MARKER = 'T3BlbkFJ';

/**
 * OpenAI keys: project, service-account and admin keys (`sk-proj-`, `sk-svcacct-`, `sk-admin-`) are `high`,
 * as is a legacy `sk-` key carrying the OpenAI marker; other `sk-` keys of 32+ characters (several providers
 * copy the shape) are `medium`. `sk-ant-` belongs to the Anthropic detector.
 */
export const openaiKey: Detector = {
  id: 'openai-key',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w-])sk-(?!ant-)(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{32,}(?![\w-])/g,
  markers: ['sk-'],
  prefilter: (text) => text.includes('sk-'),
  validate(candidate) {
    if (!/\d/.test(candidate) || !/[A-Z]/.test(candidate)) return undefined;
    return verdict(/^sk-(?:proj|svcacct|admin)-/.test(candidate) || candidate.includes(OPENAI_MARKER) ? 'high' : 'medium');
  },
  mask: (candidate) => maskToken(candidate),
};

/** Anthropic API and admin keys: `sk-ant-api03-…`, `sk-ant-admin01-…`. */
export const anthropicKey: Detector = {
  id: 'anthropic-key',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w-])sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_-]{32,}(?![\w-])/g,
  markers: ['sk-ant-'],
  prefilter: (text) => text.includes('sk-ant-'),
  validate: () => verdict('high'),
  mask: (candidate) => maskToken(candidate, 7, 4),
};

/** Hugging Face user access tokens: `hf_` and 34 letters; identifiers such as `hf_hub_download` never match. */
export const huggingfaceToken: Detector = {
  id: 'huggingface-token',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w])hf_[A-Za-z]{34}(?![\w])/g,
  markers: ['hf_'],
  prefilter: (text) => text.includes('hf_'),
  validate: (candidate) => (/[a-z]/.test(candidate.slice(3)) && /[A-Z]/.test(candidate) ? verdict('high') : undefined),
  mask: (candidate) => maskToken(candidate),
};
