/** A custom rules config that cannot be used as written; the message names the file, the rule and the fix. */
export class CustomRulesError extends Error {
  override name = 'CustomRulesError';
}
