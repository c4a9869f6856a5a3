// The next heading ends a section: Markdown `## x`, Jira wiki `h2. x`, a bold line, or a `Title:` line.
const NEXT_SECTION = /^\s*(?:#{1,6}\s+\S|h[1-6]\.\s+\S|(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$|[A-Z][\w /-]{0,40}:\s*$)/;

/**
 * A section title as people write it in Markdown, Jira wiki markup or plain text: `## Artifacts`,
 * `h2. Artifacts`, `**Artifacts:**`, `Artifacts:`. `name` is a regex source for the title word(s).
 */
export function sectionTitle(name: string): RegExp {
  return new RegExp(`^\\s*(?:#{1,6}\\s*|h[1-6]\\.\\s*|\\*\\*|__)?\\s*(?:${name})\\s*:?\\s*(?:\\*\\*|__)?\\s*:?\\s*$`, 'i');
}

/**
 * The lines of every section of a ticket description whose title matches, each up to the next heading.
 *
 * @example sectionLines('## Datasets\n- data/a.csv\n## Notes\n- x', sectionTitle('data\\s*sets?')) // ['- data/a.csv']
 */
export function sectionLines(description: string, title: RegExp): string[] {
  const lines: string[] = [];
  let inSection = false;
  for (const line of description.split(/\r?\n/)) {
    if (title.test(line)) {
      inSection = true;
      continue;
    }
    if (inSection && NEXT_SECTION.test(line)) inSection = false;
    if (inSection) lines.push(line);
  }
  return lines;
}
