import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Detector } from '../src/scan/index.js';
import { matchLine } from '../src/scan/index.js';
import { labelValidity } from './scan-label-validity.js';

/** Our detector ids → presidio-research entity types. Detectors missing here have no presidio type. */
export const PRESIDIO_TYPE: Readonly<Record<string, string>> = {
  email: 'EMAIL_ADDRESS',
  'payment-card': 'CREDIT_CARD',
  iban: 'IBAN_CODE',
  'us-ssn': 'US_SSN',
  phone: 'PHONE_NUMBER',
  ipv4: 'IP_ADDRESS',
  ipv6: 'IP_ADDRESS',
  // National ids, under presidio's own entity names; presidio-research labels none of them.
  'uk-nino': 'UK_NINO',
  'es-dni-nie': 'ES_NIF',
  'fr-nir': 'FR_NIR',
  'it-codice-fiscale': 'IT_FISCAL_CODE',
};

/** The types the issue sets a target for (precision and recall ≥ 0.95 each). */
export const TARGET_TYPES = ['EMAIL_ADDRESS', 'CREDIT_CARD', 'IBAN_CODE', 'US_SSN', 'PHONE_NUMBER', 'IP_ADDRESS'] as const;

interface Entity {
  type: string;
  start: number;
  end: number;
  value: string;
}

export interface Sample {
  id: number;
  text: string;
  entities: Entity[];
}

export interface Counts {
  labels: number;
  labelsFound: number;
  predictions: number;
  predictionsCorrect: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface TypeScore {
  type: string;
  raw: Counts;
  /** Only labels whose value is valid by the type's rules; predictions that overlap only invalid labels are left out. */
  valid: Counts;
  invalidLabels: Record<string, number>;
  /** Masked examples of missed valid labels and of false positives, at most a few each, with sample ids. */
  missedValid: string[];
  falsePositives: string[];
}

export interface AccuracyReport {
  folder: string;
  files: string[];
  samples: number;
  byType: TypeScore[];
  /** Micro-averaged over the six target types. */
  overallTargets: { raw: Counts; valid: Counts };
  /** Micro-averaged over every labelled type: types we have no detector for count with recall 0. */
  overallAllTypes: { raw: Counts };
  /** Findings of detectors with no presidio type (secrets) or of a type nothing in the samples is labelled with, by detector: not scored. */
  unmappedFindings: Record<string, number>;
}

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

function counts(labels: number, labelsFound: number, predictions: number, predictionsCorrect: number): Counts {
  const precision = ratio(predictionsCorrect, predictions);
  const recall = ratio(labelsFound, labels);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
  return { labels, labelsFound, predictions, predictionsCorrect, precision, recall, f1 };
}

/** Shows shape, never the value: digits → 9, letters → x/X. The corpus is synthetic, but the habit stays. */
const shape = (value: string): string => value.replace(/\p{Nd}/gu, '9').replace(/\p{Ll}|\p{Lo}/gu, 'x').replace(/\p{Lu}|\p{Lt}/gu, 'X');

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

interface Prediction {
  type: string;
  detector: string;
  start: number;
  end: number;
}

/**
 * Runs the detectors line by line, as the scanner reads files (labelled texts span lines). Positions come
 * back in UTF-16 units, the same units as the derived spans (checked: every span's `value` equals
 * `text.slice(start, end)` but one upstream mismatch, and no text has characters outside the BMP).
 */
function predict(text: string, detectors: readonly Detector[]): Prediction[] {
  const predictions: Prediction[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const match of matchLine(line, detectors)) {
      predictions.push({ type: PRESIDIO_TYPE[match.detector.id] ?? '', detector: match.detector.id, start: offset + match.start, end: offset + match.end });
    }
    offset += line.length + 1;
  }
  return predictions;
}

async function readSamples(folder: string): Promise<{ files: string[]; samples: Sample[] }> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.spans.derived.jsonl')).sort();
  const samples: Sample[] = [];
  for (const name of files) {
    const lines = (await readFile(join(folder, name), 'utf8')).split('\n').filter((line) => line.trim() !== '');
    for (const line of lines) samples.push(JSON.parse(line) as Sample);
  }
  return { files, samples };
}

/** Scores the detectors on presidio-research: a prediction is right when it overlaps a label of its mapped type. */
export async function scoreCorpus(folder: string, detectors: readonly Detector[]): Promise<AccuracyReport> {
  const { files, samples } = await readSamples(folder);
  return scoreSamples(folder, files, samples, detectors);
}

/**
 * Scores labelled samples (presidio-research, or a set built in memory): a prediction is right when it
 * overlaps a label of its mapped type. `validity` judges each label on its own value (see `labelValidity`).
 */
export function scoreSamples(
  folder: string,
  files: string[],
  samples: readonly Sample[],
  detectors: readonly Detector[],
  validity: (type: string, value: string) => { valid: boolean; reason?: string } = labelValidity,
): AccuracyReport {
  const types = new Set<string>(TARGET_TYPES);
  for (const sample of samples) for (const entity of sample.entities) types.add(entity.type);
  const tally = new Map<string, { raw: number[]; valid: number[]; invalid: Record<string, number>; missed: string[]; fps: string[] }>();
  for (const type of types) tally.set(type, { raw: [0, 0, 0, 0], valid: [0, 0, 0, 0], invalid: {}, missed: [], fps: [] });
  const unmappedFindings: Record<string, number> = {};

  for (const sample of samples) {
    const predictions = predict(sample.text, detectors);
    for (const prediction of predictions) if (!tally.has(prediction.type)) unmappedFindings[prediction.detector] = (unmappedFindings[prediction.detector] ?? 0) + 1;
    const labelled = sample.entities.map((entity) => ({ ...entity, validity: validity(entity.type, entity.value) }));
    for (const [type, t] of tally) {
      const labels = labelled.filter((entity) => entity.type === type);
      const mine = predictions.filter((prediction) => prediction.type === type);
      for (const label of labels) {
        const found = mine.some((prediction) => overlaps(prediction, label));
        t.raw[0]! += 1;
        if (found) t.raw[1]! += 1;
        if (!label.validity.valid) {
          const reason = label.validity.reason ?? 'invalid';
          t.invalid[reason] = (t.invalid[reason] ?? 0) + 1;
          continue;
        }
        t.valid[0]! += 1;
        if (found) t.valid[1]! += 1;
        else if (t.missed.length < 8) t.missed.push(`#${sample.id} ${shape(label.value)}`);
      }
      for (const prediction of mine) {
        const hits = labels.filter((label) => overlaps(prediction, label));
        t.raw[2]! += 1;
        if (hits.length > 0) t.raw[3]! += 1;
        if (hits.length > 0 && hits.every((label) => !label.validity.valid)) continue;
        t.valid[2]! += 1;
        if (hits.length > 0) t.valid[3]! += 1;
        else if (t.fps.length < 8) {
          const other = sample.entities.filter((entity) => overlaps(prediction, entity)).map((entity) => entity.type);
          t.fps.push(`#${sample.id} ${prediction.detector} ${shape(sample.text.slice(prediction.start, prediction.end))} (labelled: ${other.join(',') || 'nothing'})`);
        }
      }
    }
  }

  const byType: TypeScore[] = [...tally].map(([type, t]) => ({
    type,
    raw: counts(t.raw[0]!, t.raw[1]!, t.raw[2]!, t.raw[3]!),
    valid: counts(t.valid[0]!, t.valid[1]!, t.valid[2]!, t.valid[3]!),
    invalidLabels: t.invalid,
    missedValid: t.missed,
    falsePositives: t.fps,
  }));
  const rank = (type: string): number => {
    const index = TARGET_TYPES.indexOf(type as (typeof TARGET_TYPES)[number]);
    return index === -1 ? TARGET_TYPES.length : index;
  };
  byType.sort((a, b) => rank(a.type) - rank(b.type) || b.raw.labels - a.raw.labels);
  const sum = (scores: TypeScore[], pick: (score: TypeScore) => Counts): Counts => {
    const total = (field: 'labels' | 'labelsFound' | 'predictions' | 'predictionsCorrect'): number => scores.reduce((acc, score) => acc + pick(score)[field], 0);
    return counts(total('labels'), total('labelsFound'), total('predictions'), total('predictionsCorrect'));
  };
  const targets = byType.filter((score) => rank(score.type) < TARGET_TYPES.length);
  return {
    folder,
    files,
    samples: samples.length,
    byType,
    overallTargets: { raw: sum(targets, (score) => score.raw), valid: sum(targets, (score) => score.valid) },
    overallAllTypes: { raw: sum(byType, (score) => score.raw) },
    unmappedFindings,
  };
}
