import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';

/** Slack bot, app, user and refresh tokens: `xoxb-`, `xoxa-`, `xoxp-`, `xoxr-` and numeric/alphanumeric parts. */
export const slackToken: Detector = {
  id: 'slack-token',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w-])xox[abpr]-[0-9]{6,}-[0-9A-Za-z-]{8,}(?![\w-])/g,
  markers: ['xox'],
  prefilter: (text) => text.includes('xox'),
  validate: () => verdict('high'),
  mask: (candidate) => maskToken(candidate),
};

/** Slack incoming webhooks: anyone holding the URL can post to the channel. */
export const slackWebhook: Detector = {
  id: 'slack-webhook',
  kind: 'secret',
  version: 1,
  pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,}\/[A-Z0-9]{6,}\/[A-Za-z0-9]{20,}/g,
  markers: ['hooks.slack.com'],
  prefilter: (text) => text.includes('hooks.slack.com'),
  // `T00000000/B00000000/XXXXXXXX…` is the documentation's placeholder.
  validate: (candidate) => (/(.)\1{7}$/.test(candidate) ? undefined : verdict('high')),
  mask: (candidate) => `https://hooks.slack.com/****${candidate.slice(-4)}`,
};
