import type { Detector } from './detector.js';
import type { PhoneOptions } from './phone.js';
import { anthropicKey, huggingfaceToken, openaiKey } from './ai-provider-keys.js';
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
import { slackToken, slackWebhook } from './slack.js';
import { stripeKey } from './stripe.js';
import { ukNino } from './uk-nino.js';
import { usSsn } from './us-ssn.js';
import { githubToken, gitlabToken } from './vcs-tokens.js';

export type DetectorOptions = PhoneOptions;

/** Every built-in detector, PII first, then secrets. */
export function createDefaultDetectors(options: DetectorOptions = {}): Detector[] {
  return [
    email, createPhoneDetector(options), paymentCard, iban, usSsn, ipv4, ipv6, ukNino, esDniNie, frNir, itCodiceFiscale,
    awsAccessKeyId, awsSecretAccessKey, googleApiKey, githubToken, gitlabToken, slackToken, slackWebhook, stripeKey,
    openaiKey, anthropicKey, huggingfaceToken, privateKey, jwt, genericSecret,
    // Reads dataset column names, never text lines (see its comment).
    piiColumnName,
  ];
}
