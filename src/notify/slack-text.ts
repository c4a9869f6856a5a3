/**
 * Text from a ticket, made inert for Slack mrkdwn: `&`, `<` and `>` are the only control characters
 * Slack asks to escape, and escaping them turns `<!channel>`, `<@U123>` and `<https://evil|click>` into
 * plain text. https://api.slack.com/reference/surfaces/formatting#escaping
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<url|label>` when the URL is a plain http(s) one, else the escaped label alone. */
export function slackLink(url: string | undefined, label: string): string {
  if (url === undefined || !/^https?:\/\/[^\s|<>]+$/.test(url)) return escapeSlack(label);
  return `<${escapeSlack(url)}|${escapeSlack(label)}>`;
}
