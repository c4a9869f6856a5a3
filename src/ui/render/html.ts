import escapeHtml from 'escape-html';

/** Markup that is already safe: made only by `html` (or `trustedHtml` for our own constants). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What a template may interpolate: text (escaped), markup, numbers, lists of these, or nothing. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  // Every other value is text, escaped for element content and quoted attributes alike.
  return escapeHtml(String(value));
}

/**
 * The one way pages are written: a tagged template whose interpolated values are escaped unless they are
 * `Html` made by this tag. Ticket keys, summaries, names and reasons come from the trackers and from the
 * people being gated, so nothing reaches a page unescaped.
 * @example html`<td>${ticket.summary}</td>` // "<script>" in a summary becomes "&lt;script&gt;"
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0]!;
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1]!;
  });
  return new Html(markup);
}

/** Our own constant markup (never anything built from input). */
export const trustedHtml = (markup: string): Html => new Html(markup);
