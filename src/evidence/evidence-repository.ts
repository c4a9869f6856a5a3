import type { Database } from '../store/database.js';
import type { TrackerName } from '../domain/index.js';
import { readProvenance } from '../domain/index.js';
import type { EvidenceRecord, NewEvidence } from './evidence-record.js';

/**
 * A row of the `evidence` table: the record's fields, the two-word ones under their column names, the date
 * as the driver returns it, and provenance unread (older rows have none; readProvenance checks it).
 */
type EvidenceRow = Pick<EvidenceRecord, 'id' | 'tracker' | 'criterion' | 'outcome' | 'summary' | 'sha256' | 'source' | 'submitter'> & {
  ticket_key: EvidenceRecord['ticketKey'];
  provenance: unknown;
  created_at: Date | string;
};

export interface EvidenceRepository {
  add(evidence: NewEvidence): Promise<EvidenceRecord>;
  /** All evidence for a ticket, grouped by criterion, newest first within each. */
  forTicket(tracker: TrackerName, ticketKey: string): Promise<Map<string, EvidenceRecord[]>>;
  /** Whether evidence from `source` (`jira-attachment:10042`) is already stored for the ticket, for any criterion. */
  hasSource(tracker: TrackerName, ticketKey: string, source: string): Promise<boolean>;
}

export function createEvidenceRepository(db: Database): EvidenceRepository {
  return {
    async add(evidence) {
      const [row] = await db.query<EvidenceRow>(
        `INSERT INTO evidence (tracker, ticket_key, criterion, outcome, summary, sha256, source, submitter, created_at, provenance)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()), $10) RETURNING *`,
        [
          evidence.tracker,
          evidence.ticketKey,
          evidence.criterion,
          evidence.outcome,
          JSON.stringify(evidence.summary),
          evidence.sha256,
          evidence.source,
          evidence.submitter,
          evidence.createdAt?.toISOString() ?? null,
          JSON.stringify(evidence.provenance),
        ],
      );
      return toRecord(row!);
    },
    async forTicket(tracker, ticketKey) {
      const rows = await db.query<EvidenceRow>(
        `SELECT * FROM evidence WHERE tracker = $1 AND ticket_key = $2 ORDER BY created_at DESC, id`,
        [tracker, ticketKey],
      );
      const byCriterion = new Map<string, EvidenceRecord[]>();
      for (const row of rows) {
        const list = byCriterion.get(row.criterion) ?? [];
        list.push(toRecord(row));
        byCriterion.set(row.criterion, list);
      }
      return byCriterion;
    },
    async hasSource(tracker, ticketKey, source) {
      const rows = await db.query(`SELECT 1 FROM evidence WHERE tracker = $1 AND ticket_key = $2 AND source = $3 LIMIT 1`, [tracker, ticketKey, source]);
      return rows.length > 0;
    },
  };
}

function toRecord(row: EvidenceRow): EvidenceRecord {
  const provenance = readProvenance(row.provenance);
  return {
    id: row.id,
    tracker: row.tracker,
    ticketKey: row.ticket_key,
    criterion: row.criterion,
    outcome: row.outcome,
    summary: row.summary,
    sha256: row.sha256,
    source: row.source,
    submitter: row.submitter,
    ...(provenance ? { provenance } : {}),
    createdAt: new Date(row.created_at),
  };
}
