import type { Detector } from './detector.js';
import type { PhoneOptions } from './phone.js';
import { anthropicKey } from './ai-provider-keys.js';
import { awsAccessKeyId, awsSecretAccessKey, googleApiKey } from './cloud-keys.js';
import { email } from './email.js';
import { esDniNie } from './es-dni-nie.js';
import { frNir } from './fr-nir.js';
import { genericSecret } from './generic-secret.js';
import { iban } from './iban.js';
import { ipv4, ipv6 } from './ip-address.js';
import { itCodiceFiscale } from './it-codice-fiscale.js';
import { jwt } from './jwt.js';
import { paymentCard } from './payment-card.js';
import { piiColumnName } from './pii-column-name.js';
import { createPhoneDetector } from './phone.js';
import { privateKey } from './private-key.js';
import { createRecommendedSecretlintDetectors } from './secretlint/recommended-detectors.js';
import { ukNino } from './uk-nino.js';
import { usSsn } from './us-ssn.js';
import { azureKey, mailgunKey, pypiToken, sendgridKey, twilioApiKey } from './vendor-keys.js';
import { gitlabToken } from './vcs-tokens.js';

export type DetectorOptions = PhoneOptions;

/**
 * Every built-in detector, PII first, then secrets: the vendor rules of secretlint's recommended preset, then
 * donegate's own where they measurably add (each says why; figures in BENCHMARKS.md "Secret detection (issue 14)").
 */
export function createDefaultDetectors(options: DetectorOptions = {}): Detector[] {
  return [
    email, createPhoneDetector(options), paymentCard, iban, usSsn, ipv4, ipv6, ukNino, esDniNie, frNir, itCodiceFiscale,
    ...createRecommendedSecretlintDetectors(),
    awsAccessKeyId, awsSecretAccessKey, googleApiKey, gitlabToken, anthropicKey, azureKey, pypiToken, twilioApiKey, mailgunKey, sendgridKey,
    privateKey, jwt, genericSecret,
    // Reads dataset column names, never text lines (see its comment).
    piiColumnName,
  ];
}
