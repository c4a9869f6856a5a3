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
  /** How findings the repository allowed count: `accept` (default) or `block`. */
  allowed?: 'accept' | 'block' | undefined;
  /** sha256 of the custom rules configs the scan must have run. */
  customRules?: string[] | undefined;
}

const isScan = (record: EvidenceRecord) => record.summary.kind === 'scan-report';
const isManifest = (record: EvidenceRecord) => record.summary.kind === 'dataset-manifest';

/**
 * The findings the repository allowed, as the policy's `allowed` option counts them: noted in the reason
 * either way, so the comment shows what was allowed; with `block`, open findings too.
 */
function allowedFindings(scan: ScanEvidence, mode: 'accept' | 'block'): { asFindings: JudgedScanFinding[]; unlisted: number; note: string } {
  const listed = scan.allowed ?? [];
  const count = scan.allowedCount ?? listed.length;
  if (count === 0) return { asFindings: [], unlisted: 0, note: '' };
  const inline = listed.filter((a) => a.via === 'inline').length;
  const how = `${inline} by donegate:allow, ${listed.length - inline} by .donegateignore${count > listed.length ? `, ${count - listed.length} more` : ''}`;
  if (mode === 'accept') return { asFindings: [], unlisted: 0, note: `; ${count} allowed in the repository (${how})` };
  const asFindings = listed.map(({ file, line, detector, kind, fingerprint, via }) => ({ file, line, detector, kind, fingerprint, confidence: 'high' as const, masked: `(allowed ${via === 'inline' ? 'inline' : 'in .donegateignore'}, not accepted by this policy)` }));
  return { asFindings, unlisted: count - listed.length, note: `; ${count} allowed in the repository count as open under this policy (${how})` };
}

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

  const ran = new Set(scan.customRules ?? []);
  const notRun = (options.customRules ?? []).filter((sha256) => !ran.has(sha256.toLowerCase()));
  if (notRun.length > 0) {
    return {
      criterion,
      status: 'fail',
      reason: `${scan.tool}: the latest scan did not run the custom rules this policy requires (sha256 ${notRun.map((sha256) => sha256.slice(0, 12)).join(', ')})`,
      fix: `scan with the security team's gitleaks config (\`donegate scan . --config <file>\`; the report names each config's sha256), then ${fix}`,
    };
  }

  const { active, expired } = advisoryWaivers(context.waivers, context.now);
  const allowed = allowedFindings(scan, options.allowed ?? 'accept');
  const findings = [...scan.findings, ...allowed.asFindings];
  const waived = findings.filter((f) => waiverForFinding(f, active));
  const blocking = findings.filter((f) => !waiverForFinding(f, active));
  // Findings past the stored cap cannot be named, so they cannot be waived one by one.
  const unlisted = scan.findingCount - scan.findings.length + allowed.unlisted;
  const open = blocking.length + unlisted;
  const waiverNote = (waived.length > 0 ? `; ${waived.length} waived (${[...new Set(waived.map((f) => describeWaiver(waiverForFinding(f, active)!)))].join('; ')})` : '') + allowed.note;
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
