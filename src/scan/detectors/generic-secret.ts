import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';
import { shannonEntropy } from './shannon-entropy.js';

const SECRET_NAME = /pass|pwd|secret|token|api.?key|access.?key|private.?key|auth|credential/i;

// Values that stand for a secret rather than being one: templates, examples, redactions.
const PLACEHOLDER =
  /\$\{|\$\(|\{\{|%\(|<[^>]*>|changeme|change_me|xxxx|\*\*\*|\.\.\.|your[_-]|example|placeholder|dummy|redacted|replace|insert|secret_here|token_here|(.)\1{5}/i;

/** Shannon entropy (bits per character) a random-looking secret of 16+ characters reaches; English words stay below. */
export const GENERIC_SECRET_MIN_ENTROPY = 3.5;

/**
 * A high-entropy value assigned to a secret-like name: `password = "…"`, `"api_key": "…"`, `TOKEN=…`,
 * `secret => '…'`. The value must be 16+ characters, above the entropy threshold, contain a digit or symbol
 * (so `self.settings.auth_token_value` is not one), and not look like a placeholder (`changeme`, `xxxx`,
 * `${VAR}`, `<token>`). `medium`: a name and entropy are evidence, not proof. Weak: a specific detector's
 * finding at the same place wins.
 */
export const genericSecret: Detector = {
  id: 'generic-secret',
  kind: 'secret',
  version: 1,
  weak: true,
  pattern:
    // No leading `[\w.-]*` before the name: only the value is reported, and a leading run would be retried at every
    // word character. The rest of the name is bounded for the same reason: unbounded, every `pass` in a line of
    // `passpass…` would scan to the line's end, quadratic in the line (a 200 kB line took 11 s).
    /(?:pass|pwd|secret|token|api.?key|access.?key|private.?key|auth|credential)[\w.-]{0,64}["']?\s*(?::=|=>|[:=])\s*["'`]?(?<value>[\w+/=~!@#$%^&*.-]{16,256})(?![\w+/=~!@#$%^&*.-])/dgi,
  // Every match has its operator's last character, then the value's first 16 characters: JSON keys such as
  // `"tokens": 4096` or short values never get the full pattern run over their line.
  anchor: /[=>:]\s*["'`]?[\w+/=~!@#$%^&*.-]{16}/g,
  prefilter: (text) => SECRET_NAME.test(text),
  validate(candidate) {
    if (PLACEHOLDER.test(candidate)) return undefined;
    if (/^[A-Za-z_.-]+$/.test(candidate)) return undefined;
    if (shannonEntropy(candidate) < GENERIC_SECRET_MIN_ENTROPY) return undefined;
    return verdict('medium');
  },
  mask: (candidate) => maskToken(candidate),
};
