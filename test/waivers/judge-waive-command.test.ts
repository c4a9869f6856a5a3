import type { Policy } from '../../src/policy/policy.js';
import { judgeWaiveCommand } from '../../src/waivers/judge-waive-command.js';

const policy: Policy = {
  version: 1,
  rules: [],
  waivers: { maxDays: 30, approvers: { jira: ['dana-acc'], linear: ['dana-user'] } },
  evidence: { attachments: { from: [] } },
  hash: 'h',
  source: 'policy.yaml',
};
const context = { policy, knownCriteria: ['pii-scan', 'dependency-audit'], now: new Date('2026-03-12T10:00:00Z') };
const judge = (authorId: string, text: string, tracker: 'jira' | 'linear' = 'jira') =>
  judgeWaiveCommand({ tracker, ticketKey: 'ML-142', authorId, text }, context);

describe('judgeWaiveCommand', () => {
  it("turns an approver's command into a waiver approved through that tracker's comments, ending after the named day", () => {
    expect(judge('dana-user', '/donegate waive dependency-audit GHSA-1 until 2026-03-31: build time only', 'linear')).toEqual({
      ok: true,
      waiver: {
        tracker: 'linear',
        ticketKey: 'ML-142',
        criterion: 'dependency-audit',
        advisories: ['GHSA-1'],
        reason: 'build time only',
        approver: 'dana-user',
        approvedVia: 'linear-comment',
        expiresAt: new Date('2026-04-01T00:00:00Z'),
      },
    });
  });

  it("refuses an approver of the other tracker, naming the policy key, even for a well-formed command", () => {
    const verdict = judge('dana-user', '/donegate waive pii-scan until 2026-03-31: ok');
    expect(verdict).toMatchObject({ ok: false, reply: expect.stringContaining('`waivers.approvers.jira`') });
  });

  it.each([
    ['a date beyond maxDays', '/donegate waive pii-scan until 2026-05-01: ok', /more than 30 days away/],
    ['a date in the past', '/donegate waive pii-scan until 2026-03-01: ok', /in the past/],
    ['an impossible date', '/donegate waive pii-scan until 2026-02-30: ok', /not a real date/],
    ['a malformed command', '/donegate waive pii-scan until soon: ok', /YYYY-MM-DD/],
  ])('replies with the problem and the syntax for %s', (_what, text, problem) => {
    const verdict = judge('dana-acc', text);
    if (verdict.ok) throw new Error('expected a refusal');
    expect(verdict.reply).toMatch(problem);
    expect(verdict.reply).toContain('Syntax: `/donegate waive <criterion> [advisory ids…] until YYYY-MM-DD: <reason>`');
    expect(verdict.reply.startsWith('donegate: ')).toBe(true);
  });
});
