import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';
import { shannonEntropy } from './shannon-entropy.js';

const SECRET_NAME = /pass|pwd|secret|token|api.?key|access.?key|private.?key|(?:signing|encryption|master|account|app|client|service).?key|auth|credential/i;

// Values that stand for a secret rather than being one: templates, examples, redactions, test fixtures.
const PLACEHOLDER =
  /\$\{|\$\(|\{\{|%\(|<[^>]*>|changeme|change_me|xxxx|\*\*\*|\.\.\.|your[_-]|example|placeholder|dummy|redacted|replace|insert|secret_here|token_here|test[_-]|fake|sample|todo|not.?a.?real|0123456789|123456789|abcdefgh|(.)\1{5}/i;

// Vendor token shapes: a value that starts like one is the vendor detector's to judge. When it declines (truncated,
// wrong checksum, `sk_live_xxxx`), the generic detector must not report it under another name (bench:secrets).
const VENDOR_SHAPE =
  /^(?:gh[pousr]_|github_pat_|gl[a-z]{1,6}-|GR1348941|[sr]k_(?:live|test)_|pk_(?:live|test)_|sk-|npm_|SG\.|shp(?:at|ca|pa|ss)_|A(?:KIA|SIA|Iza)|hf_|xox[a-z]-|xapp-|eyJ|pypi-|SK[0-9a-f]|AC[0-9a-f]|key-[0-9a-f]|gsk_|lin_api_|ntn_|gl(?:c|sa)_|ops_|hv[sbr]\.|vc[piark]_|dapi|dckr_pat_|figd_|cf(?:k|ut|at)_|tskey-)/;

// Names of settings about a secret, not secrets: `token_limit`, `password_file`, `secret_name`, `auth_url`.
const ABOUT_A_SECRET = /(?:limit|count|max|min|size|len|length|url|uri|path|file|dir|name|id|type|endpoint|ttl|timeout|expiry|expires|header|field|prefix|format|version|policy|mode|enabled|kind|usage|tokens)$/i;

// Words joined by separators (`max_tokens_per_request_2048`, `tiktoken/cl100k_base`): an identifier or a path.
const JOINED_WORDS = /^[a-z]+(?:[_./-][a-z0-9]+){2,}$/;

/** Shannon entropy (bits per character) a random-looking secret of 16+ characters reaches; English words stay below. */
export const GENERIC_SECRET_MIN_ENTROPY = 3.5;
/** For hex values (16 symbols, at most 4 bits): a random 32-character hex key lands around 3.7, often below 3.5. */
export const GENERIC_HEX_SECRET_MIN_ENTROPY = 3;

const NAME_CHAR = /[\w.-]/;

/** The name assigned to the value at `index` (`DB_PASSWORD` in `DB_PASSWORD="…"`), walking back a bounded distance. */
function nameBefore(text: string, index: number): string {
  let end = index;
  // Back over the quote, the operator and blanks between the name and the value (`"key": "`, ` => '`).
  while (end > 0 && index - end < 12 && /["'`\s:=>]/.test(text.charAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < 64 && NAME_CHAR.test(text.charAt(start - 1))) start--;
  return text.slice(start, end);
}

/**
 * A high-entropy value assigned to a secret-like name: `password = "…"`, `"api_key": "…"`, `TOKEN=…`,
 * `secret => '…'`. The value must be 16+ characters, above the entropy threshold, contain a digit or symbol
 * (so `self.settings.auth_token_value` is not one), and not look like a placeholder (`changeme`, `xxxx`,
 * `${VAR}`, `<token>`, `test_…`), a vendor token's shape (its own detector judges it), or joined words; the name must
 * not be a setting about a secret (`token_limit`). `medium`: a name and entropy are evidence, not proof. Weak: a
 * specific detector's finding at the same place wins. Tuned on bench:secrets' near-misses; kept beside secretlint's
 * preset, which has no rule for assignments.
 */
export const genericSecret: Detector = {
  id: 'generic-secret',
  kind: 'secret',
  version: 2,
  weak: true,
  pattern:
    // No leading `[\w.-]*` before the name: only the value is reported, and a leading run would be retried at every
    // word character. The rest of the name is bounded for the same reason: unbounded, every `pass` in a line of
    // `passpass…` would scan to the line's end, quadratic in the line (a 200 kB line took 11 s).
    /(?:pass|pwd|secret|token|api.?key|access.?key|private.?key|(?:signing|encryption|master|account|app|client|service).?key|auth|credential)[\w.-]{0,64}["']?\s*(?::=|=>|[:=])\s*["'`]?(?<value>[\w+/=~!@#$%^&*.-]{16,256})(?![\w+/=~!@#$%^&*.-])/dgi,
  // Every match has its operator's last character, then the value's first 16 characters: JSON keys such as
  // `"tokens": 4096` or short values never get the full pattern run over their line.
  anchor: /[=>:]\s*["'`]?[\w+/=~!@#$%^&*.-]{16}/g,
  prefilter: (text) => SECRET_NAME.test(text),
  validate(candidate, { text, index }) {
    if (PLACEHOLDER.test(candidate) || VENDOR_SHAPE.test(candidate) || JOINED_WORDS.test(candidate)) return undefined;
    if (/^[A-Za-z_.-]+$/.test(candidate)) return undefined;
    if (ABOUT_A_SECRET.test(nameBefore(text, index))) return undefined;
    const hex = /^[0-9a-fA-F]+$/.test(candidate);
    if (shannonEntropy(candidate) < (hex ? GENERIC_HEX_SECRET_MIN_ENTROPY : GENERIC_SECRET_MIN_ENTROPY)) return undefined;
    return verdict('medium');
  },
  mask: (candidate) => maskToken(candidate),
};
