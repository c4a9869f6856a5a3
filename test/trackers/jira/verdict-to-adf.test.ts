import { describe, expect, it } from '@jest/globals';
import { COMMENT_MARKER } from '../../../src/domain/index.js';
import { validateAdf } from '../../../simulators/jira/validate-adf.js';
import type { AdfNode } from '../../../src/trackers/jira/adf.js';
import { verdictToAdf } from '../../../src/trackers/jira/index.js';
import { blockedVerdict, passingVerdict } from './verdict-samples.js';

function nodes(node: AdfNode, type: string): AdfNode[] {
  return [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((c) => nodes(c, type))];
}

describe('verdictToAdf', () => {
  it('renders a document Jira accepts', () => {
    expect(validateAdf(verdictToAdf(blockedVerdict))).toEqual([]);
    expect(validateAdf(verdictToAdf(passingVerdict))).toEqual([]);
  });

  it('opens with a heading carrying the verdict and the marker', () => {
    const [heading] = verdictToAdf(blockedVerdict).content;
    expect(heading).toEqual({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: `❌ ${COMMENT_MARKER}` }] });
  });

  it('lists each criterion with its icon, its id verbatim in code and its reason', () => {
    const doc = verdictToAdf(blockedVerdict);
    const list = doc.content.find((n) => n.type === 'bulletList')!;
    const firstLines = (list.content ?? []).map((item) => item.content?.[0]?.content ?? []);
    expect(firstLines[0]).toEqual([
      { type: 'text', text: '✅ ' },
      { type: 'text', text: 'pii-scan', marks: [{ type: 'code' }] },
      { type: 'text', text: ' — no personal data found in 3 files' },
    ]);
    expect(firstLines[1]?.[0]).toEqual({ type: 'text', text: '❌ ' });
    expect(firstLines[1]?.[1]).toEqual({ type: 'text', text: 'dependency-audit', marks: [{ type: 'code' }] });
  });

  it('shows the fix command as code and links URLs in details', () => {
    const doc = verdictToAdf(blockedVerdict);
    const codes = nodes({ type: 'doc', content: doc.content }, 'text').filter((t) => t.marks?.some((m) => m.type === 'code'));
    expect(codes.map((t) => t.text)).toContain(blockedVerdict.criteria[1]!.fix);
    const links = nodes({ type: 'doc', content: doc.content }, 'text').filter((t) => t.marks?.some((m) => m.type === 'link'));
    expect(links.map((t) => t.text)).toEqual(['https://github.com/advisories/GHSA-35jh-r3h4-6jhm']);
  });

  it('marks failures with ⚠️ in warn mode', () => {
    const doc = verdictToAdf({ ...blockedVerdict, mode: 'warn' });
    expect(doc.content[0]?.content?.[0]?.text).toBe(`⚠️ ${COMMENT_MARKER}`);
    const texts = nodes({ type: 'doc', content: doc.content }, 'text').map((t) => t.text);
    expect(texts).toContain('⚠️ ');
    expect(texts).not.toContain('❌ ');
  });

  it('renders backticked commands inside prose as code and leaves sentences as text', () => {
    const doc = verdictToAdf({
      ...blockedVerdict,
      criteria: [
        { criterion: 'secret-scan', status: 'error', reason: 'scanner unreachable', fix: 'Run `donegate scan --ticket ML-1` again.' },
        { criterion: 'pii-scan', status: 'fail', reason: 'no evidence', fix: 'Ask the security lead for a waiver.' },
      ],
    });
    expect(validateAdf(doc)).toEqual([]);
    const texts = nodes({ type: 'doc', content: doc.content }, 'text');
    expect(texts.find((t) => t.text === 'donegate scan --ticket ML-1')?.marks).toEqual([{ type: 'code' }]);
    expect(texts.find((t) => t.text === 'Ask the security lead for a waiver.')?.marks).toBeUndefined();
  });

  it('keeps backticked spans in a reason as code, such as the token that submitted the evidence', () => {
    const doc = verdictToAdf({ ...passingVerdict, criteria: [{ criterion: 'pii-scan', status: 'pass', reason: 'submitted by token `ci-pipeline` (ci)' }] });
    const texts = nodes({ type: 'doc', content: doc.content }, 'text');
    expect(texts.find((t) => t.text === 'ci-pipeline')?.marks).toEqual([{ type: 'code' }]);
    expect(texts.map((t) => t.text)).toContain(' (ci)');
  });

  it('omits empty text, which ADF refuses', () => {
    const doc = verdictToAdf({ ...passingVerdict, criteria: [{ criterion: 'pii-scan', status: 'pass', reason: '' }], footer: '' });
    expect(validateAdf(doc)).toEqual([]);
  });
});
