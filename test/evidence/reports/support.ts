import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseEvidenceReport, type ParsedReport, type ReportFormat, type VexDocument } from '../../../src/evidence/reports/index.js';

const here = dirname(fileURLToPath(import.meta.url));

export function fixture(name: string): Buffer {
  return readFileSync(join(here, 'fixtures', name));
}

const CORPUS = join(process.cwd(), '../shared/corpora/audit-reports');

export function corpusFile(path: string): Buffer {
  return readFileSync(join(CORPUS, path));
}

/** Tests that read the third-party corpus beside the repository run only where it is present (as in CI). */
export const itWithCorpus = existsSync(CORPUS) ? it : it.skip;

export function reportOf(input: Buffer | string | object, format?: ReportFormat): ParsedReport {
  const bytes = typeof input === 'string' || Buffer.isBuffer(input) ? input : JSON.stringify(input);
  const parsed = parseEvidenceReport(bytes, format ? { format } : {});
  if (parsed.kind !== 'report') throw new Error(`expected a report, got ${parsed.kind}`);
  return parsed.report;
}

export function vexOf(input: Buffer | string | object): VexDocument {
  const bytes = typeof input === 'string' || Buffer.isBuffer(input) ? input : JSON.stringify(input);
  const parsed = parseEvidenceReport(bytes);
  if (parsed.kind !== 'vex') throw new Error(`expected VEX, got ${parsed.kind}`);
  return parsed.vex;
}
