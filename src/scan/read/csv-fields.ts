/**
 * Tracks CSV/TSV records across lines so a finding can say `row N column NAME`: the header names the
 * columns, quoted fields may span lines, and `""` inside quotes is an escaped quote. Lines without a quote
 * cost one `indexOf`; only lines with quotes or findings are walked, by a regex over the special characters.
 */
export interface CsvFields {
  /** Feed one whole line; returns the 1-based data row it belongs to (0 for the header). */
  advance(text: string): number;
  /** The column name at `index` in the line last passed to `advance`. */
  fieldAt(index: number): string;
}

interface WalkState {
  inQuotes: boolean;
  field: number;
}

/** An even number of quotes on a line that starts outside quotes ends the record there. */
function evenQuotes(text: string): boolean {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count % 2 === 0;
}

export function createCsvFields(delimiter: ',' | '\t'): CsvFields {
  const special = delimiter === '\t' ? /["\t]/g : /[",]/g;
  let header: string[] | undefined;
  let row = 0;
  let startState: WalkState = { inQuotes: false, field: 0 };
  let endState: WalkState = startState;
  let current = '';

  function walk(text: string, from: WalkState, stopAt = Infinity): WalkState {
    let { inQuotes, field } = from;
    special.lastIndex = 0;
    for (let match = special.exec(text); match !== null && match.index < stopAt; match = special.exec(text)) {
      if (match[0] === '"') inQuotes = !inQuotes;
      else if (!inQuotes) field++;
    }
    return { inQuotes, field };
  }

  function splitHeader(text: string): string[] {
    const names: string[] = [];
    let start = 0;
    let inQuotes = false;
    special.lastIndex = 0;
    for (let match = special.exec(text); ; match = special.exec(text)) {
      if (match !== null && match[0] === '"') {
        inQuotes = !inQuotes;
        continue;
      }
      if (match !== null && inQuotes) continue;
      const end = match === null ? text.length : match.index;
      names.push(text.slice(start, end).trim().replace(/^"(.*)"$/s, '$1').replace(/""/g, '"'));
      if (match === null) return names;
      start = end + 1;
    }
  }

  return {
    advance(text) {
      current = text;
      startState = endState;
      if (header === undefined) {
        header = splitHeader(text);
        return 0;
      }
      if (!startState.inQuotes && startState.field === 0) row++;
      endState = !startState.inQuotes && evenQuotes(text) ? { inQuotes: false, field: 0 } : walk(text, startState);
      if (!endState.inQuotes) endState = { inQuotes: false, field: 0 };
      return row;
    },
    fieldAt(index) {
      const field = walk(current, startState, index).field;
      return header?.[field] || `#${field + 1}`;
    },
  };
}
