/**
 * The contract between donegate's scanner (detectors, file readers) and what consumes its results
 * (`donegate scan` reports, the pii-scan and secret-scan criteria). Raw matched values never cross it:
 * a finding carries only a masked value and a fingerprint.
 */

export type DetectorKind = 'pii' | 'secret';

export type Confidence = 'high' | 'medium' | 'low';

export interface ScanFinding {
  /** Path as given on the command line joined with the relative path (POSIX separators). */
  file: string;
  /** 1-based line. For a notebook, the line within the cell source or output, with `location` saying which. */
  line: number;
  /** 1-based column of the first character, counted in characters (code points), not bytes. */
  column: number;
  /** 1-based column one past the last character. */
  endColumn: number;
  /** Stable detector id, e.g. `email`, `payment-card`, `iban`, `us-ssn`, `aws-access-key-id`. */
  detector: string;
  kind: DetectorKind;
  /** The value with most of it hidden: `j***@e***.com`, `**** **** **** 4242`, `AKIA************MPLE`. */
  masked: string;
  confidence: Confidence;
  /**
   * HMAC-SHA-256 (hex) under the installation's fingerprint key over detector id, file path and the raw
   * value: stable across runs and line moves for one key, so a baseline can accept a finding without
   * storing the value, and irreversible without the key, so nobody can try candidates against it.
   */
  fingerprint: string;
  /** Extra position inside structured files, e.g. `cell 3 output 1` in a notebook, `row 12 column email` in CSV. */
  location?: string;
  /**
   * Set on a column finding of a dataset (CSV/TSV, JSONL, Parquet): the column's path (`email`,
   * `user.contact.email`, `tags[]`). The finding then stands for every row of that column the detector
   * matched: `line`, `column` and `masked` are the first one's, and the fingerprint is keyed over detector,
   * file and column path, so a baseline accepts the column, not one value.
   */
  columnPath?: string;
  /** With `columnPath`: how many rows of the column matched (at least 1). */
  occurrences?: number;
  /**
   * Set by the scanner when the finding's line carries `donegate:allow`: the report then lists it under
   * `allowed` instead of `findings`. Never printed as such.
   */
  allow?: { reason?: string };
}

/** How a finding was allowed: a `donegate:allow` comment on its line, or its fingerprint in a `.donegateignore`. */
export type AllowVia = 'inline' | '.donegateignore';

/** A finding that an allow-list took out of `findings`, listed so a reviewer sees what was allowed and by whom. No value, masked or not. */
export interface AllowedFinding {
  file: string;
  line: number;
  column: number;
  detector: string;
  kind: DetectorKind;
  fingerprint: string;
  via: AllowVia;
  reason?: string;
  /** Who allowed it, as the `.donegateignore` entry says (`by=`); an inline allow has its author in `git blame`. */
  by?: string;
  /** The `.donegateignore` file and line the entry comes from. */
  source?: string;
}

/** A custom rules config the scan ran (gitleaks TOML), so a reviewer can tell which rules decided. */
export interface CustomRulesUsed {
  source: string;
  sha256: string;
  rules: number;
}

export interface ScannedFile {
  file: string;
  /** sha256 (hex) of the file's bytes as stored (before gunzip). */
  sha256: string;
  size: number;
  /** Why the file was not (fully) scanned: binary, unreadable, too long a line, … */
  skipped?: string;
}

/** Why a path under a scanned folder was left out before reading: none of these is ever read. */
export type SelectionSkip = 'gitignore' | 'excluded' | 'not-included' | 'unchanged';

/** Which paths under the scanned folders were chosen; files named on the command line are always scanned. */
export interface ScanSelection {
  /** Untracked paths that `.gitignore` files or `.git/info/exclude` ignore are left out (in a git work tree only). */
  gitignore: boolean;
  include: string[];
  exclude: string[];
  /** Only files changed since this git ref (and staged, unstaged, untracked ones) were scanned. */
  since?: string;
}

/** Paths left out, by reason; a folder not entered counts once under `folders`, whatever it holds. */
export type SelectionSkipCounts = Record<SelectionSkip, { files: number; folders: number }>;

export interface ScanReport {
  /** Identifies the document as a donegate scan report. */
  tool: { name: 'donegate-scan'; version: string; rulesSha256: string };
  generatedAt: string;
  /**
   * How the findings' fingerprints were made: keyed, and by which key (`FingerprintKey.id`). Absent in
   * reports from before fingerprints were keyed, whose sha256 fingerprints could be reversed.
   */
  fingerprints?: { scheme: 'hmac-sha256'; keyId: string };
  files: ScannedFile[];
  findings: ScanFinding[];
  /** Findings accepted by the baseline file: counted, never listed with values. */
  baselined: number;
  /** Findings taken out by an allow-list (inline comment or `.donegateignore`). Absent when none were. */
  allowed?: AllowedFinding[];
  /** Custom rules configs (`--config`, the policy's) the scan ran; their rules count in `rulesSha256`. */
  customRules?: CustomRulesUsed[];
  /** What the scan could not do as asked, e.g. keys of a custom rules config donegate does not act on. */
  warnings?: string[];
  summary: { byDetector: Record<string, number>; pii: number; secrets: number; files: number; bytes: number };
  /** How the files were chosen and how many were left out, so a reviewer sees what a `.gitignore` hid. */
  selection?: ScanSelection & { skipped: SelectionSkipCounts };
}
