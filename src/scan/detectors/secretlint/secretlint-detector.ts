import type { Confidence } from '../../scan-types.js';
import type { Detector } from '../detector.js';
import { maskToken } from '../mask.js';
import type { SecretlintRule } from './run-secretlint-rule.js';
import { createSecretlintRunner } from './run-secretlint-rule.js';

export interface SecretlintDetectorSpec {
  /** donegate's id for the finding (a contract: existing ids are kept). */
  id: string;
  /** Bumped when donegate's part (candidate, extra check) changes meaning; the preset's version counts too. */
  version: number;
  /** Literal strings every candidate contains. */
  markers: readonly string[];
  /**
   * Where a token may start and how far it may run, cheaply and in linear time (bounded runs after a literal
   * prefix): the rule itself decides, over the whole line, whether and how much of it is a secret.
   */
  candidate: RegExp;
  /** donegate's own judgement of what the rule accepted (a checksum, a placeholder); `high` when absent. */
  judge?: (token: string) => Confidence | undefined;
}

/**
 * One rule of secretlint's recommended preset as a donegate detector. The candidate pattern finds where a token
 * could start; `validate` runs the secretlint rule over the candidate's line and accepts the candidate when the
 * rule reports a secret starting there, trimmed to the rule's range, then applies the spec's own `judge`.
 */
export function createSecretlintDetector(rule: SecretlintRule, presetVersion: string, spec: SecretlintDetectorSpec): Detector {
  const run = createSecretlintRunner(rule);
  const markers = spec.markers;
  return {
    id: spec.id,
    kind: 'secret',
    version: spec.version,
    variant: `${rule.meta.id}@${presetVersion}`,
    pattern: spec.candidate,
    markers,
    prefilter: (text) => markers.some((marker) => text.includes(marker)),
    validate(candidate, { text, index }) {
      const range = run(text).find(([start, end]) => start === index && end <= index + candidate.length);
      if (!range) return undefined;
      const length = range[1] - range[0];
      const confidence = spec.judge ? spec.judge(candidate.slice(0, length)) : 'high';
      return confidence ? { confidence, length } : undefined;
    },
    mask: (candidate) => maskToken(candidate),
  };
}
