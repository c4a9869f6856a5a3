import type { RE2JS } from 're2js';

/** What a rule asks of a match before it counts: the secret it carries, or nothing when the match is allowed. */
export type MatchFilter = (text: string, match: { start: number; end: number; secretStart: number; secretEnd: number }) => boolean;

/**
 * A `RegExp` whose `exec` runs an RE2 program (re2js), so a rule written for Go (gitleaks) keeps its RE2
 * meaning and runs in time linear in the text whatever the rule: a config is input the gate does not trust.
 * The scanner only uses `exec` and `lastIndex` (global semantics, `indices.groups.value` naming the secret),
 * so it runs this like any detector's pattern.
 *
 * `secretGroup` 0 means gitleaks' default: the first non-empty capture group, else the whole match.
 * `accept` sees each match and may drop it (entropy, allowlists); dropped matches are skipped, not returned.
 */
export class Re2Pattern extends RegExp {
  readonly #program: RE2JS;
  readonly #secretGroup: number;
  readonly #accept: MatchFilter;
  #text: string | undefined;
  #matcher: ReturnType<RE2JS['matcher']> | undefined;

  constructor(program: RE2JS, secretGroup: number, accept: MatchFilter) {
    super('(?:)', 'dg');
    this.#program = program;
    this.#secretGroup = secretGroup;
    this.#accept = accept;
  }

  override exec(text: string): RegExpExecArray | null {
    if (this.#text !== text || this.#matcher === undefined) {
      this.#matcher = this.#program.matcher(text);
      this.#text = text;
    }
    const matcher = this.#matcher;
    let from = this.lastIndex;
    while (from <= text.length && matcher.find(from)) {
      const start = matcher.start();
      const end = matcher.end();
      const [secretStart, secretEnd] = this.#secretSpan(matcher, start, end);
      from = end > start ? end : end + 1;
      if (secretEnd <= secretStart || !this.#accept(text, { start, end, secretStart, secretEnd })) continue;
      this.lastIndex = from;
      return execArray(text, start, end, secretStart, secretEnd);
    }
    this.lastIndex = 0;
    // Let go of a large batch of text once it has been searched to the end.
    this.#text = undefined;
    this.#matcher = undefined;
    return null;
  }

  #secretSpan(matcher: ReturnType<RE2JS['matcher']>, start: number, end: number): [number, number] {
    if (this.#secretGroup > 0) return [matcher.start(this.#secretGroup), matcher.end(this.#secretGroup)];
    for (let group = 1; group <= matcher.groupCount(); group++) {
      const groupStart = matcher.start(group);
      const groupEnd = matcher.end(group);
      if (groupStart >= 0 && groupEnd > groupStart) return [groupStart, groupEnd];
    }
    return [start, end];
  }
}

function execArray(text: string, start: number, end: number, secretStart: number, secretEnd: number): RegExpExecArray {
  const result = Object.assign([text.slice(start, end)], { index: start, input: text, groups: undefined });
  const indices = Object.assign([[start, end] as [number, number]], { groups: { value: [secretStart, secretEnd] as [number, number] } });
  return Object.assign(result, { indices }) as unknown as RegExpExecArray;
}
