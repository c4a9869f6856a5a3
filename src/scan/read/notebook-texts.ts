/** One scannable text of a Jupyter notebook, with where it came from (`cell 3 source`, `cell 3 output 1`). */
export interface NotebookText {
  location: string;
  text: string;
}

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && value.every((part) => typeof part === 'string') ? value.join('') : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The sources and outputs of an nbformat 4 notebook: stream text, `text/*` and JSON display data, and error
 * tracebacks. Images and other binary mime bundles are skipped (base64 would only produce noise). Returns
 * undefined when the JSON is not a notebook, so the caller can scan it as plain text instead.
 */
export function notebookTexts(json: string): NotebookText[] | undefined {
  let notebook: unknown;
  try {
    notebook = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(notebook) || !Array.isArray(notebook.cells)) return undefined;
  const texts: NotebookText[] = [];
  notebook.cells.forEach((cell: unknown, cellIndex) => {
    if (!isRecord(cell)) return;
    const cellName = `cell ${cellIndex + 1}`;
    const source = asText(cell.source);
    if (source) texts.push({ location: `${cellName} source`, text: source });
    if (!Array.isArray(cell.outputs)) return;
    cell.outputs.forEach((output: unknown, outputIndex) => {
      if (!isRecord(output)) return;
      const location = `${cellName} output ${outputIndex + 1}`;
      const parts: string[] = [];
      const stream = asText(output.text);
      if (stream) parts.push(stream);
      if (isRecord(output.data)) {
        for (const [mime, value] of Object.entries(output.data)) {
          if (mime.startsWith('text/')) parts.push(asText(value) ?? '');
          else if (mime.endsWith('json')) parts.push(JSON.stringify(value, null, 1));
        }
      }
      if (Array.isArray(output.traceback)) parts.push(output.traceback.filter((line) => typeof line === 'string').join('\n'));
      if (typeof output.evalue === 'string') parts.push(output.evalue);
      for (const text of parts) if (text) texts.push({ location, text });
    });
  });
  return texts;
}
