import { escapeSlack, slackLink } from '../../src/notify/slack-text.js';

describe('Slack text from tickets', () => {
  it('turns mentions, broadcasts and links into plain text', () => {
    expect(escapeSlack('<!channel> <@U123> <https://evil.example|click> a & b')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; a &amp; b');
  });

  it('links only a plain http(s) URL, and never lets the label close the link', () => {
    expect(slackLink('https://jira.example/browse/ML-1', 'ML-1>')).toBe('<https://jira.example/browse/ML-1|ML-1&gt;>');
    expect(slackLink('https://evil.example|x>', 'ML-1')).toBe('ML-1');
    expect(slackLink('javascript:alert(1)', 'ML-1')).toBe('ML-1');
  });
});
