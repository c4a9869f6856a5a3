import type { LabelledSample } from './labelled-secrets.js';

/** A found span in a sample's text (UTF-16 offsets), with whether it counts as an alarm. */
export interface FoundSpan {
  start: number;
  end: number;
}

/** A candidate scanner: the spans it reports in one file's text (alarms only: `low` documentation hits excluded). */
export type SecretFinder = (text: string) => FoundSpan[] | Promise<FoundSpan[]>;

export interface FamilyScore {
  family: string;
  secrets: number;
  found: number;
  negatives: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
}

/**
 * Recall: a secret sample counts as found when a reported span overlaps the secret. False alarms: a near-miss or
 * documentation sample with any reported span. Families in the order they first appear in `samples`.
 */
export async function evaluateSecrets(samples: readonly LabelledSample[], find: SecretFinder): Promise<FamilyScore[]> {
  const scores = new Map<string, FamilyScore>();
  for (const sample of samples) {
    const score = scores.get(sample.family) ?? { family: sample.family, secrets: 0, found: 0, negatives: 0, falseAlarms: 0, recall: 0, falseAlarmRate: 0 };
    scores.set(sample.family, score);
    const spans = await find(sample.text);
    if (sample.label === 'secret') {
      const start = sample.text.indexOf(sample.secret ?? '');
      const end = start + (sample.secret ?? '').length;
      score.secrets++;
      if (start >= 0 && spans.some((span) => span.start < end && start < span.end)) score.found++;
    } else {
      score.negatives++;
      if (spans.length > 0) score.falseAlarms++;
    }
  }
  return [...scores.values()].map((score) => ({
    ...score,
    recall: score.secrets === 0 ? 1 : score.found / score.secrets,
    falseAlarmRate: score.negatives === 0 ? 0 : score.falseAlarms / score.negatives,
  }));
}

/** Totals over every family. */
export function totalScore(scores: readonly FamilyScore[]): FamilyScore {
  const sum = (key: 'secrets' | 'found' | 'negatives' | 'falseAlarms') => scores.reduce((total, score) => total + score[key], 0);
  const [secrets, found, negatives, falseAlarms] = [sum('secrets'), sum('found'), sum('negatives'), sum('falseAlarms')];
  return { family: 'all', secrets, found, negatives, falseAlarms, recall: found / secrets, falseAlarmRate: falseAlarms / negatives };
}
