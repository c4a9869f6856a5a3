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
  /** The header's column names, once the header line was passed to `advance`. */
  names(): readonly string[] | undefined;
  /**
   * The values of the wanted columns (0-based) that start on the line last passed to `advance`, unquoted,
   * with their index in the line; empty when that line continues a record begun above. A quoted value
   * that goes on to the next line gives the part on this line.
   */
  valuesAt(wanted: ReadonlySet<number>): Array<{ field: number; text: string; start: number }>;
}

/** A field as written to its value: quotes removed and doubled quotes undone; unquoted values trimmed. */
const unquote = (raw: string): string => {
  const text = raw.trim();
  return text.startsWith('"') ? text.slice(1, text.length > 1 && text.endsWith('"') ? -1 : undefined).replace(/""/g, '"') : text;
};

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

  /** The fields of a line that starts a record, raw, with where each starts. */
  function splitFields(text: string): Array<{ raw: string; start: number }> {
    const fields: Array<{ raw: string; start: number }> = [];
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
      fields.push({ raw: text.slice(start, end), start });
      if (match === null) return fields;
      start = end + 1;
    }
  }

  return {
    advance(text) {
      current = text;
      startState = endState;
      if (header === undefined) {
        header = splitFields(text).map(({ raw }) => unquote(raw));
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
    names: () => header,
    valuesAt(wanted) {
      if (startState.inQuotes || startState.field !== 0 || wanted.size === 0) return [];
      return splitFields(current).flatMap(({ raw, start }, field) => (wanted.has(field) ? [{ field, text: unquote(raw), start }] : []));
    },
  };
}
