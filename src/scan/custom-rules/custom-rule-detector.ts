import type { Detector } from '../detectors/detector.js';
import { verdict } from '../detectors/detector.js';
import { maskToken } from '../detectors/mask.js';
import { shannonEntropy } from '../detectors/shannon-entropy.js';
import type { CustomRule } from './parse-gitleaks-config.js';
import { CUSTOM_DETECTOR_PREFIX } from './custom-detector-prefix.js';
import { Re2Pattern } from './re2-pattern.js';


const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line of `text` (which may hold many) around `start`..`end`. */
function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to === -1 ? text.length : to);
}

/**
 * A gitleaks `[[rules]]` entry as a donegate secret detector, `custom:<id>`: keywords are its prefilter
 * (any case, as gitleaks), the RE2 regex its pattern, and entropy and the text allowlists drop matches
 * before they become candidates. Path conditions are applied to its findings (`customRuleScope`).
 */
export function createCustomRuleDetector(rule: CustomRule): Detector {
  const keywords = rule.keywords.length === 0 ? undefined : new RegExp(rule.keywords.map(escapeRegex).join('|'), 'i');
  const pattern = new Re2Pattern(rule.regex, rule.secretGroup, (text, match) => {
    const secret = text.slice(match.secretStart, match.secretEnd);
    // gitleaks keeps a match only when its secret's entropy is above the rule's.
    if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) return false;
    if (rule.allowlists.content.length === 0) return true;
    const parts = { secret, match: text.slice(match.start, match.end), line: lineAround(text, match.start, match.end) };
    return !rule.allowlists.content.some((allows) => allows(parts));
  });
  return {
    id: `${CUSTOM_DETECTOR_PREFIX}${rule.id}`,
    kind: 'secret',
    version: 1,
    pattern,
    variant: rule.definition,
    prefilter: keywords ? (text) => keywords.test(text) : () => true,
    validate: () => verdict('high'),
    mask: (candidate) => maskToken(candidate),
  };
}
