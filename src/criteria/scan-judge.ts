import type { EvidenceRecord } from '../evidence/evidence-record.js';
import type { CriterionResult } from '../domain/index.js';
import type { FingerprintKey } from '../scan/fingerprint.js';
import { advisoryWaivers } from '../waivers/advisory-waivers.js';
import { describeExpiredWaiver, describeWaiver, type Waiver } from '../waivers/waiver.js';
import type { CriterionContext } from './criterion.js';
import { judgeLatestEvidence } from './judge-latest-evidence.js';
import { withProvenance } from './with-provenance.js';
import { declaredDatasets, uncoveredDatasets } from './scan-coverage.js';
import { keyedStoredScan, type JudgedScanFinding } from './keyed-stored-scan.js';
import { describeScanFinding, type DatasetFile, type DatasetManifest, type ScanEvidence } from './scan-evidence.js';
import { findingsNoun, WORST_SHOWN, type ScanCriterionSpec } from './scan-parse-evidence.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A waiver may name a fingerprint by its first 12 hex digits, as comments show it. */
const MIN_FINGERPRINT_PREFIX = 12;

export interface ScanJudgeOptions {
  maxAgeDays?: number | undefined;
  /** `required`: fail unless the ticket or a dataset manifest declares what the scan must cover. */
  datasets: 'if-declared' | 'required';
}

const isScan = (record: EvidenceRecord) => record.summary.kind === 'scan-report';
const isManifest = (record: EvidenceRecord) => record.summary.kind === 'dataset-manifest';

function waiverForFinding(finding: JudgedScanFinding, waivers: readonly Waiver[]): Waiver | undefined {
  const fingerprint = finding.fingerprint.toLowerCase();
  const unkeyed = finding.unkeyed?.toLowerCase();
  const aliases = new Set((finding.aliases ?? []).map((a) => a.toLowerCase()));
  return waivers.find((w) =>
    w.advisories.some((id) => {
      const name = id.toLowerCase();
      return aliases.has(name) || (name.length >= MIN_FINGERPRINT_PREFIX && (fingerprint.startsWith(name) || unkeyed?.startsWith(name) === true));
    }),
  );
}

/**
 * pii-scan and secret-scan: the newest scan report decides. It fails when too old, when it does not
 * cover the declared dataset files (named on the ticket, or in the newest dataset manifest, by path and
 * sha256), or when findings of the criterion's kind remain that no waiver names by fingerprint.
 * Whole-criterion waivers are applied by the gate.
 */
export function judgeScanEvidence(
  context: CriterionContext,
  options: ScanJudgeOptions,
  spec: ScanCriterionSpec & { fix: string; fingerprintKey: FingerprintKey },
  datasetsOnTicket: readonly DatasetFile[] = [],
): CriterionResult {
  const { criterion, fix } = spec;
  const latest = context.evidence.find((record) => !isManifest(record));
  // Evidence recorded without a parsed scan (older records, attestations) is judged on its outcome.
  if (!latest || !isScan(latest)) {
    return judgeLatestEvidence({ ...context, evidence: latest ? [latest] : [] }, { criterion, fix, ...(options.maxAgeDays !== undefined ? { maxAgeDays: options.maxAgeDays } : {}) });
  }
  return withProvenance(judgeScan(context, latest, options, spec, datasetsOnTicket), latest);
}

function judgeScan(
  context: CriterionContext,
  latest: EvidenceRecord,
  options: ScanJudgeOptions,
  spec: ScanCriterionSpec & { fix: string; fingerprintKey: FingerprintKey },
  datasetsOnTicket: readonly DatasetFile[],
): CriterionResult {
  const { criterion, fix } = spec;
  const manifestRecord = context.evidence.find(isManifest);
  const ageDays = Math.floor((context.now.getTime() - latest.createdAt.getTime()) / DAY_MS);
  if (options.maxAgeDays !== undefined && ageDays > options.maxAgeDays) {
    return { criterion, status: 'fail', reason: `the latest scan is ${ageDays} days old; at most ${options.maxAgeDays} days are allowed`, fix };
  }
  const scan = keyedStoredScan(latest.summary.scan as ScanEvidence, spec.fingerprintKey);
  const declared = declaredDatasets(datasetsOnTicket, manifestRecord?.summary.datasets as DatasetManifest | undefined);
  if (declared.length === 0 && options.datasets === 'required') {
    return {
      criterion,
      status: 'fail',
      reason: 'neither the ticket nor a dataset manifest says which files the scan must cover',
      fix: `list them in a "Datasets" section of the ticket description, or submit a manifest (\`sha256sum data/* > datasets.sha256\`) with --criterion ${criterion}, then ${fix}`,
    };
  }
  if (declared.length > 0) {
    const uncovered = uncoveredDatasets(declared, scan);
    if (uncovered.length > 0) {
      return {
        criterion,
        status: 'fail',
        reason: `the latest scan does not cover ${uncovered.length} of the ${declared.length} declared dataset files`,
        fix: `scan the declared files as they are now, then ${fix}`,
        details: [...uncovered.slice(0, WORST_SHOWN), ...(uncovered.length > WORST_SHOWN ? [`…and ${uncovered.length - WORST_SHOWN} more`] : [])],
      };
    }
  }

  const { active, expired } = advisoryWaivers(context.waivers, context.now);
  const waived = scan.findings.filter((f) => waiverForFinding(f, active));
  const blocking = scan.findings.filter((f) => !waiverForFinding(f, active));
  // Findings past the stored cap cannot be named, so they cannot be waived one by one.
  const unlisted = scan.findingCount - scan.findings.length;
  const open = blocking.length + unlisted;
  const waiverNote = waived.length > 0 ? `; ${waived.length} waived (${[...new Set(waived.map((f) => describeWaiver(waiverForFinding(f, active)!)))].join('; ')})` : '';
  const covered = declared.length > 0 ? '; covers the declared datasets' : '';
  if (open === 0) {
    return { criterion, status: 'pass', reason: `${scan.tool}: no open ${findingsNoun(spec.kind, 0).replace(/^0 /, '')}${covered}${waiverNote}` };
  }
  const expiredNotes = [...new Set(blocking.flatMap((f) => {
    const lapsed = waiverForFinding(f, expired);
    return lapsed ? [describeExpiredWaiver(lapsed)] : [];
  }))];
  const more = open - Math.min(blocking.length, WORST_SHOWN);
  return {
    criterion,
    status: 'fail',
    reason: `${scan.tool}: ${findingsNoun(spec.kind, open)} not waived${waiverNote}`,
    fix: `remove or scrub them (or accept them in a --baseline file, or ask an approver to waive by fingerprint: \`/donegate waive ${criterion} <fingerprint> until YYYY-MM-DD: <reason>\`), then ${fix}`,
    details: [...blocking.slice(0, WORST_SHOWN).map(describeScanFinding), ...(more > 0 ? [`…and ${more} more`] : []), ...expiredNotes],
  };
}
