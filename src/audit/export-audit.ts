import type { Writable } from 'node:stream';
import type { Database } from '../store/database.js';
import { rangeOfPeriod, type AuditPeriod } from './audit-period.js';
import { writeCsvExport } from './export-csv.js';
import { writeHtmlExport, type ActorNames } from './export-html.js';
import { writeJsonlExport, type ExportSummary } from './export-jsonl.js';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.js';

export { EXPORT_FORMATS, type ExportFormat } from './export-formats.js';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

/**
 * Stream a period of the audit log to `out` in one format. The caller ends `out`. `names` puts people's
 * display names beside their account ids in the HTML report; the JSONL and CSV keep ids alone, as hashed.
 */
export async function exportAudit(db: Database, out: Writable, options: { format: ExportFormat; period: AuditPeriod; now?: Date; names?: ActorNames }): Promise<ExportSummary> {
  const now = options.now ?? new Date();
  const range = await rangeOfPeriod(db, options.period);
  switch (options.format) {
    case 'jsonl':
      return writeJsonlExport(db, out, options.period, range, now);
    case 'csv':
      return writeCsvExport(db, out, range);
    case 'html':
      return writeHtmlExport(db, out, options.period, range, now, options.names ? { names: options.names } : {});
  }
}
