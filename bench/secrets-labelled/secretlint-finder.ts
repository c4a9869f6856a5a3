import { lintSource } from '@secretlint/core';
import { creator } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretFinder } from './evaluate-secrets.js';

/** secretlint's recommended preset as its own engine runs it: the whole file at once. */
export const secretlintFinder: SecretFinder = async (text) => {
  const result = await lintSource({
    source: { content: text, filePath: 'sample.txt', contentType: 'text' },
    options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] } },
  });
  return result.messages.map(({ range: [start, end] }) => ({ start, end }));
};
