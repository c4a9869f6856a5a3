import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { COMMENT_MARKER, type VerdictComment } from '../../src/domain/index.js';
import { validateAdf } from '../../simulators/jira/validate-adf.js';
import type { AdfDoc, AdfNode } from '../../src/trackers/jira/adf.js';
import { replyToAdf } from '../../src/trackers/jira/reply-to-adf.js';
import { verdictToAdf } from '../../src/trackers/jira/verdict-to-adf.js';
import { replyToMarkdown } from '../../src/trackers/render/markdown/reply-to-markdown.js';
import { verdictToMarkdown } from '../../src/trackers/render/markdown/verdict-to-markdown.js';
import type { Policy } from '../../src/policy/policy.js';
import { createLinkPolicy } from '../../src/trackers/render/index.js';
import { judgeWaiveCommand } from '../../src/waivers/judge-waive-command.js';

/**
 * Anyone who can write a package name, an advisory title or URL into a report, a file path into a scan, or
 * text into a ticket, tries to make donegate's own comment say something donegate did not mean: a link to
 * their site, a mention that notifies someone, a heading or checklist item that reads like donegate's.
 */
const CORPUS: Record<string, string> = {
  'Markdown link': '[Approved by security](https://evil.example/phish)',
  'Markdown image': '![pixel](https://evil.example/track.png)',
  'reference link': '[x][1]\n\n[1]: https://evil.example/',
  'angle autolink': '<https://evil.example/login>',
  'bare URL': 'see https://evil.example/advisory for details',
  'bare domain': 'socket.io evil.example www.evil.example',
  'e-mail address': 'mail security@evil.example now',
  'raw HTML': '<img src=x onerror=alert(1)><a href="https://evil.example">ok</a><script>alert(1)</script>',
  'HTML entity': '&lt;b&gt; &#x3C;script&#x3E;',
  '@mention': '@channel @security-lead please approve',
  'Linear profile URL': 'https://linear.app/acme/profiles/ceo',
  'Linear issue URL': 'https://linear.app/acme/issue/SEC-1/rotate-keys',
  'Jira mention markup': '[~accountid:5b10ac8d82e05b22cc7d4ef5] approved',
  'Jira wiki link': '[click here|http://evil.example/]',
  'Jira wiki colour': '{color:red}PASSED{color}',
  heading: '# All checks pass',
  'heading after a line feed': 'lodash\n# Approved by security',
  'checklist after CRLF': 'lodash\r\n- [ ] x\r\n- [x] approved',
  'line and paragraph separators': 'a\u2028# b\u2029> c\u0085- d',
  'block quote': '> donegate: all checks pass',
  'ordered list': '1. approved\n2. shipped',
  'thematic break': 'x\n---\n***',
  'code fence': '```\ncode\n```',
  'indented code': '\n\n    indented',
  'backticks closing a code span': '`` ` ``https://evil.example/`` `',
  'table': '| a | b |\n|---|---|\n| 1 | 2 |',
  'emphasis and strike': '*bold* _it_ ~~gone~~ **strong**',
  'right-to-left override': 'lodash\u202Egnp.exe\u202C',
  'zero-width joiners': 'os\u200Dv.dev\u200B evil\u2060.example \uFEFF',
  'only invisible characters': '\u200B\u202E\u2060\uFEFF',
  'very long value': `${'A'.repeat(20_000)} https://evil.example/${'x'.repeat(5_000)}`,
  'look-alike host': 'https://оsv.dev/vulnerability/GHSA-1 https://osv.dev\u2024evil.example/',
  'javascript URL': 'javascript:alert(document.cookie) [x](javascript:alert(1)) JaVaScRiPt:alert(1)',
  'data URL': 'data:text/html;base64,PHNjcmlwdD4=',
  'allowed host as subdomain': 'https://osv.dev.evil.example/vulnerability/GHSA-1',
  'allowed host in the query': 'https://evil.example/?osv.dev',
  'allowed host in the user info': 'https://user@osv.dev@evil.example/',
  'allowed host with credentials': 'https://user:pass@osv.dev/vulnerability/GHSA-1',
  'allowed host on another port': 'https://osv.dev:8443/vulnerability/GHSA-1',
  'allowed host over http': 'http://osv.dev/vulnerability/GHSA-1',
  'GitHub outside advisories': 'https://github.com/evil/repo https://github.com/advisoriesX/GHSA-1',
};

const JIRA_SITE = 'https://acme.atlassian.net';
const VENDOR = 'security.vendor.example/advisories';
const links = createLinkPolicy({ advisoryHosts: [VENDOR] });
const jiraLinks = createLinkPolicy({ advisoryHosts: [VENDOR], trackerOrigins: [JIRA_SITE] });

/** Written out here, apart from the code under test: where a link may point. */
function isAllowedHref(href: string, site?: string): boolean {
  const url = new URL(href);
  if (url.username || url.password) return false;
  if (site && url.origin === site) return true;
  if (url.protocol !== 'https:' || url.port) return false;
  if (['osv.dev', 'nvd.nist.gov', 'www.cve.org', 'cve.mitre.org'].includes(url.hostname)) return true;
  if (url.hostname === 'github.com') return url.pathname.startsWith('/advisories/');
  return url.hostname === 'security.vendor.example' && url.pathname.startsWith('/advisories/');
}

/** Line breaks, controls, bidi overrides and zero-width characters. */
const INVISIBLE_OR_BREAKING = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Every position hostile text reaches a comment through: ticket text, reports, scans, the policy. */
function hostileVerdict(payload: string): VerdictComment {
  return {
    status: 'fail',
    mode: 'block',
    headline: `Moved back to ${payload}: 1 of 2 security criteria are not met.`,
    criteria: [
      { criterion: 'pii-scan', status: 'pass', reason: `no personal data found in ${payload}` },
      {
        criterion: 'dependency-audit',
        status: 'fail',
        reason: `${payload}: 1 open finding at or above high`,
        fix: `upgrade ${payload}, then submit a new report: \`donegate evidence submit --ticket ML-1 --criterion dependency-audit audit.json\``,
        details: [`GHSA-35jh-r3h4-6jhm ${payload} 4.17.20 → fixed in 4.17.21 (high)`, `${payload}`, `src/${payload}.csv:12 email ***@***.com`],
      },
    ],
    notes: [`no workflow transition leads back to ${payload}`],
    footer: `Rule "${payload}" (block mode) · policy sha256:0123456789ab · evaluated 2026-01-01T00:00:00.000Z`,
  };
}

/** Only the approver list is read when judging a command. */
const approvers = { waivers: { maxDays: 30, approvers: { jira: ['dana'], linear: ['dana'] } } } as unknown as Policy;

/**
 * The replies donegate posts to an approver's malformed `/donegate` comments that quote a word of it: an
 * unknown command, an unknown criterion, a bad advisory id. A quoted word never holds white space.
 */
function repliesQuoting(payload: string): string[] {
  const word = payload.replace(/\s+/gu, '');
  const commands = [`/donegate x${word}`, `/donegate waive ${word} until 2026-04-01: ok`, `/donegate waive pii-scan ${word} until 2026-04-01: ok`];
  const replies = commands.flatMap((text) => {
    const verdict = judgeWaiveCommand({ tracker: 'jira', ticketKey: 'ML-1', authorId: 'dana', text }, { policy: approvers, knownCriteria: ['pii-scan'], now: new Date('2026-03-12T10:00:00Z') });
    return verdict.ok ? [] : [verdict.reply];
  });
  // An unknown command is always refused, so every payload reaches at least one reply.
  expect(replies.length).toBeGreaterThan(0);
  return replies;
}

function allNodes(node: AdfNode | AdfDoc): Array<AdfNode | AdfDoc> {
  return [node, ...(node.content ?? []).flatMap((child) => allNodes(child))];
}

function expectInertAdf(doc: AdfDoc, expectedItems: number): void {
  expect(validateAdf(doc)).toEqual([]);
  const nodes = allNodes(doc);
  expect([...new Set(nodes.map((n) => n.type))].filter((t) => !['doc', 'heading', 'paragraph', 'bulletList', 'listItem', 'text'].includes(t))).toEqual([]);
  const headings = nodes.filter((n) => n.type === 'heading');
  expect(headings.length).toBeLessThanOrEqual(1);
  for (const heading of headings) expect(heading.content?.map((t) => t.text).join('')).toBe(`❌ ${COMMENT_MARKER}`);
  expect(nodes.filter((n) => n.type === 'listItem')).toHaveLength(expectedItems);
  for (const node of nodes) {
    if (node.type !== 'text') continue;
    const textNode = node as AdfNode;
    expect(textNode.text ?? '').not.toMatch(INVISIBLE_OR_BREAKING);
    expect((textNode.text ?? '').length).toBeLessThanOrEqual(1000);
    for (const mark of textNode.marks ?? []) {
      if (mark.type === 'link') expect({ href: mark.attrs?.href, allowed: isAllowedHref(mark.attrs?.href ?? '', JIRA_SITE) }).toMatchObject({ allowed: true });
    }
  }
}

const markdownIt = new MarkdownIt('default', { html: true, linkify: true });
type Token = ReturnType<MarkdownIt['parse']>[number];

function flatTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...flatTokens(token.children ?? [])]);
}

function expectInertMarkdown(markdown: string, expected: { headings: number; strong: number; items: number; quotes: number; rules: number }): void {
  const tokens = flatTokens(markdownIt.parse(markdown, {}));
  const types = new Set(tokens.map((t) => t.type));
  for (const forbidden of ['image', 'html_block', 'table_open', 'ordered_list_open', 'code_block', 'fence', 'softbreak', 'hardbreak', 's_open', 'em_open']) {
    expect({ markdown, forbidden, present: types.has(forbidden) }).toMatchObject({ present: false });
  }
  expect(tokens.filter((t) => t.type === 'heading_open')).toHaveLength(expected.headings);
  expect(tokens.filter((t) => t.type === 'list_item_open')).toHaveLength(expected.items);
  expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(expected.quotes);
  expect(tokens.filter((t) => t.type === 'strong_open')).toHaveLength(expected.strong);
  expect(tokens.filter((t) => t.type === 'hr')).toHaveLength(expected.rules);
  for (const html of tokens.filter((t) => t.type === 'html_inline')) expect(['<sub>', '</sub>']).toContain(html.content);
  let inLink = false;
  for (const token of tokens) {
    if (token.type === 'link_open') {
      inLink = true;
      expect({ href: token.attrGet('href'), allowed: isAllowedHref(token.attrGet('href') ?? '') }).toMatchObject({ allowed: true });
    }
    if (token.type === 'link_close') inLink = false;
    if (token.type !== 'text') continue;
    expect(token.content).not.toMatch(INVISIBLE_OR_BREAKING);
    // Outside a link, nothing that Linear could turn into a link or a mention is left as text.
    if (!inLink) expect({ text: token.content, linkable: /:\/\/|linear\.app|@\w|evil\.example/i.test(token.content) }).toMatchObject({ linkable: false });
  }
}

describe('comment injection through hostile text', () => {
  describe('Jira (ADF)', () => {
    it.each(Object.entries(CORPUS))('renders %s as inert text in every field of the verdict comment', (_name, payload) => {
      // 2 criteria, and 3 details under the failing one (its fix is a paragraph of its item).
      expectInertAdf(verdictToAdf(hostileVerdict(payload), jiraLinks), 5);
    });

    it.each(Object.entries(CORPUS))('renders %s as inert text in the reply to a malformed command', (_name, payload) => {
      for (const reply of repliesQuoting(payload)) {
        const doc = replyToAdf(reply, jiraLinks);
        expectInertAdf(doc, 0);
        expect(allNodes(doc).filter((n) => n.type === 'paragraph')).toHaveLength(2);
      }
    });
  });

  describe('Linear (Markdown)', () => {
    it.each(Object.entries(CORPUS))('renders %s as inert text in every field of the verdict comment', (_name, payload) => {
      expectInertMarkdown(verdictToMarkdown(hostileVerdict(payload), links), { headings: 1, strong: 1, items: 6, quotes: 1, rules: 1 });
    });

    it.each(Object.entries(CORPUS))('renders %s as inert text in the reply to a malformed command', (_name, payload) => {
      for (const reply of repliesQuoting(payload)) {
        const markdown = replyToMarkdown(reply, links);
        expectInertMarkdown(markdown, { headings: 0, strong: 0, items: 0, quotes: 0, rules: 0 });
        expect(markdownIt.parse(markdown, {}).filter((t) => t.type === 'paragraph_open')).toHaveLength(2);
      }
    });
  });

  describe('any mix of markup', () => {
    // Pieces of every construct both formats know, mixed at random into every field.
    const pieces = ['#', '##', '*', '_', '~~', '[', ']', '(', ')', '<', '>', '!', '`', '|', '-', '+', '1.', ':', '/', '@', '\\', '&', ';', '=', '"',
      ' ', '  ', '    ', '\n', '\r\n', '\u2028', '\u202E', '\u200D', 'x', 'https://', 'http://', 'javascript:', 'www.', 'evil.example', 'osv.dev', 'linear.app/acme/profiles/ceo', '[~accountid:1]', '{color}'];
    // A detail that is only white space is left out on purpose, which would change the count of list items.
    const hostile = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')).filter((payload) => payload.trim() !== '');

    it('never adds structure, links or mentions to the Jira comment', () => {
      fc.assert(fc.property(hostile, (payload) => expectInertAdf(verdictToAdf(hostileVerdict(payload), jiraLinks), 5)), { numRuns: 300 });
    });

    it('never adds structure, links or mentions to the Linear comment', () => {
      fc.assert(
        fc.property(hostile, (payload) => expectInertMarkdown(verdictToMarkdown(hostileVerdict(payload), links), { headings: 1, strong: 1, items: 6, quotes: 1, rules: 1 })),
        { numRuns: 300 },
      );
    });
  });

  describe('what stays a link', () => {
    const advisory = 'lodash (https://github.com/advisories/GHSA-35jh-r3h4-6jhm) see https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm, https://security.vendor.example/advisories/VSA-1';
    const verdict = { ...hostileVerdict('x'), criteria: [{ criterion: 'dependency-audit', status: 'fail' as const, reason: 'one finding', details: [advisory, `${JIRA_SITE}/browse/ML-2`] }] };
    const expected = ['https://github.com/advisories/GHSA-35jh-r3h4-6jhm', 'https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm', 'https://security.vendor.example/advisories/VSA-1'];

    it('links advisory databases, configured vendor pages and the Jira site in ADF', () => {
      const hrefs = allNodes(verdictToAdf(verdict, jiraLinks)).flatMap((n) => (n as AdfNode).marks?.flatMap((m) => (m.type === 'link' ? [m.attrs?.href] : [])) ?? []);
      expect(hrefs).toEqual([...expected, `${JIRA_SITE}/browse/ML-2`]);
    });

    it('links advisory databases and configured vendor pages in Markdown, and never another site', () => {
      const tokens = flatTokens(markdownIt.parse(verdictToMarkdown(verdict, links), {}));
      expect(tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))).toEqual(expected);
    });

    it('shows a refused URL as code, so the reader still sees where it pointed', () => {
      const markdown = verdictToMarkdown({ ...verdict, criteria: [{ criterion: 'pii-scan', status: 'fail', reason: 'see https://evil.example/x' }] }, links);
      const code = flatTokens(markdownIt.parse(markdown, {})).filter((t) => t.type === 'code_inline').map((t) => t.content);
      expect(code).toContain('https://evil.example/x');
    });

    it('leaves out a headline with nothing visible in it rather than writing an empty bold span', () => {
      const markdown = verdictToMarkdown({ ...verdict, headline: '\u200B\u202E \n' }, links);
      expect(flatTokens(markdownIt.parse(markdown, {})).filter((t) => t.type === 'hr')).toHaveLength(1);
    });

    it('cuts a very long value with an ellipsis', () => {
      const doc = verdictToAdf({ ...verdict, criteria: [{ criterion: 'pii-scan', status: 'fail', reason: 'y'.repeat(10_000) }] }, jiraLinks);
      const reason = allNodes(doc).find((n) => (n as AdfNode).text?.includes('yyy')) as AdfNode;
      expect(reason.text!.length).toBeLessThan(600);
      expect(reason.text!.endsWith('…')).toBe(true);
    });
  });
});
