/**
 * Section reading for ticket descriptions. Descriptions are written by anyone who can edit a ticket, so
 * nothing here may backtrack: a heading is recognised by trimming and stripping its decoration with string
 * operations, and the regexes left have no two unbounded quantifiers that can share a character.
 */

/** Recognises one line as a section's title. A `RegExp` fits too. */
export interface SectionTitle {
  test(line: string): boolean;
}

// The next heading ends a section: Markdown `## x`, Jira wiki `h2. x`, a bold line, or a `Title:` line.
// Runs on a line without its leading blanks; `\s*(?::\s*)?$` rather than `\s*:?\s*$`, whose two runs of
// blanks would be tried against each other at every split of a long run of spaces.
const NEXT_SECTION = /^(?:#{1,6}\s+\S|h[1-6]\.\s+\S|(?:\*\*|__)[^*_]+(?:\*\*|__)\s*(?::\s*)?$|[A-Z][\w /-]{0,40}:\s*$)/;

const WIKI_HEADING = /^h[1-6]\./;

/** `text` without a trailing `suffix` (the first that ends it) and the blanks before it. */
function stripEnd(text: string, ...suffixes: string[]): string {
  const suffix = suffixes.find((candidate) => text.endsWith(candidate));
  return suffix === undefined ? text : text.slice(0, -suffix.length).trimEnd();
}

/** The title's words with and without a heading marker (`##`, `h2.`, `**`, `__`) and trailing `:`/`**`. */
function titleWords(line: string): string[] {
  // Closing decoration, as it may follow the words: `:`, then `**` or `__`, then `:` (`**Artifacts:**`, `Artifacts**:`).
  const words = stripEnd(stripEnd(stripEnd(line.trim(), ':'), '**', '__'), ':');
  let marker = 0;
  if (words.startsWith('**') || words.startsWith('__')) marker = 2;
  else if (WIKI_HEADING.test(words)) marker = 3;
  else while (marker < 6 && words.charAt(marker) === '#') marker++;
  return marker === 0 ? [words] : [words, words.slice(marker).trimStart()];
}

/**
 * A section title as people write it in Markdown, Jira wiki markup or plain text: `## Artifacts`,
 * `h2. Artifacts`, `**Artifacts:**`, `Artifacts:`. `name` is a regex source for the title word(s); it is
 * matched against the whole title once its decoration is removed, so it must itself be linear-time.
 */
export function sectionTitle(name: string): SectionTitle {
  const words = new RegExp(`^(?:${name})$`, 'i');
  return { test: (line) => titleWords(line).some((candidate) => words.test(candidate)) };
}

/**
 * The lines of every section of a ticket description whose title matches, each up to the next heading.
 *
 * @example sectionLines('## Datasets\n- data/a.csv\n## Notes\n- x', sectionTitle('data\\s*sets?')) // ['- data/a.csv']
 */
export function sectionLines(description: string, title: SectionTitle): string[] {
  const lines: string[] = [];
  let inSection = false;
  for (const line of description.split(/\r?\n/)) {
    if (title.test(line)) {
      inSection = true;
      continue;
    }
    if (inSection && NEXT_SECTION.test(line.trimStart())) inSection = false;
    if (inSection) lines.push(line);
  }
  return lines;
}
