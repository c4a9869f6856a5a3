import { describeNotice, type Notice } from './notice.js';
import { escapeSlack, slackLink } from './slack-text.js';

/** A Slack message: `text` for notifications and old clients, `blocks` for the channel (Block Kit). */
export interface SlackMessage {
  text: string;
  blocks: object[];
  unfurl_links: false;
  unfurl_media: false;
}

const EMOJI = { 'ticket-blocked': ':no_entry:', 'ticket-unblocked': ':white_check_mark:', 'waiver-expiring': ':hourglass:' } as const;
/** Slack allows 50 blocks a message; a digest lists this many and counts the rest. */
const DIGEST_LINES = 40;

function line(notice: Notice): string {
  const { headline, detail } = describeNotice(notice);
  const linked = headline.replace(notice.event.ticketKey, '\u0000');
  const [before = '', after = ''] = linked.split('\u0000');
  return `${EMOJI[notice.event.kind]} ${escapeSlack(before)}${slackLink(notice.ticket.url, notice.event.ticketKey)}${escapeSlack(after)}\n${escapeSlack(detail)}`;
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const message = (text: string, blocks: object[]): SlackMessage => ({ text, blocks, unfurl_links: false, unfurl_media: false });

/** One event as one message. */
export function slackMessageFor(notice: Notice): SlackMessage {
  return message(escapeSlack(describeNotice(notice).headline), [section(line(notice))]);
}

/** A day's events as one message. */
export function slackDigestFor(notices: readonly Notice[], day: string): SlackMessage {
  const blocked = notices.filter((n) => n.event.kind === 'ticket-blocked').length;
  const expiring = notices.filter((n) => n.event.kind === 'waiver-expiring').length;
  const title = `donegate digest for ${day}: ${blocked} blocked, ${expiring} waivers expiring, ${notices.length} events in all`;
  const shown = notices.slice(0, DIGEST_LINES).map((notice) => section(line(notice)));
  const more = notices.length > DIGEST_LINES ? [section(`…and ${notices.length - DIGEST_LINES} more.`)] : [];
  return message(title, [{ type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } }, ...shown, ...more]);
}
