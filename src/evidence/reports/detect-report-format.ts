import { detectFormatOfValue } from './detect-format-of-value.js';
import { readReportJson } from './read-report-json.js';
import type { ReportFormat } from './report-format.js';

/**
 * Which report format these bytes hold, from their content alone; undefined when none.
 *
 * @example detectReportFormat(await readFile('audit.json')) // 'npm-audit'
 */
export function detectReportFormat(bytes: Buffer | string): ReportFormat | undefined {
  const json = readReportJson(bytes);
  return json.ok ? detectFormatOfValue(json.value) : undefined;
}
