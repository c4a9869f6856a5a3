/**
 * The part of secretlint's rule API (`@secretlint/types`, `SecretLintRuleCreator`) that the recommended preset's
 * text rules use: `create(context, options)` returns a `file(source)` handler that calls `context.report` with a
 * range for each secret it finds, synchronously.
 */
export interface SecretlintRule {
  meta: { id: string };
  create(context: SecretlintRuleContext, options: Record<string, never>): { file?: (source: SecretlintSource) => unknown };
}

interface SecretlintRuleContext {
  report(descriptor: { range: readonly [number, number] }): void;
  ignore(): void;
  createTranslator(): () => string;
}

interface SecretlintSource {
  content: string;
  filePath: string;
  ext: string;
  contentType: 'text';
}

/** A reported secret: UTF-16 offsets in the text the rule ran over. */
export type ReportedRange = readonly [start: number, end: number];

/**
 * Runs one secretlint rule over `text` and returns the ranges it reports, without secretlint's engine (which is
 * asynchronous and per file): a detector's `validate` is synchronous and per line. The rule's messages are never
 * built (the translator returns an empty string), so no raw value is put into a string that could be logged.
 * The last text's result is kept: the scanner validates every candidate on a line in turn.
 */
export function createSecretlintRunner(rule: SecretlintRule): (text: string) => readonly ReportedRange[] {
  let lastText: string | undefined;
  let lastRanges: ReportedRange[] = [];
  return (text) => {
    if (text === lastText) return lastRanges;
    const ranges: ReportedRange[] = [];
    const context: SecretlintRuleContext = {
      report: ({ range }) => void ranges.push([range[0], range[1]]),
      ignore: () => undefined,
      createTranslator: () => () => '',
    };
    const result = rule.create(context, {}).file?.({ content: text, filePath: 'line.txt', ext: '.txt', contentType: 'text' });
    if (result instanceof Promise) throw new Error(`secretlint rule ${rule.meta.id} is asynchronous; donegate runs only synchronous text rules`);
    lastText = text;
    lastRanges = ranges;
    return ranges;
  };
}
