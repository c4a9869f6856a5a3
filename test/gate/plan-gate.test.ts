import { composeComment, planGate, type GateInput } from '../../src/gate/plan-gate.js';
import { BLOCKED_LABEL, type CriterionResult } from '../../src/domain/index.js';
import type { PolicyRule } from '../../src/policy/policy.js';

const rule = (mode: 'block' | 'warn'): PolicyRule => ({ name: 'ml-models', match: {}, mode, require: [] });
const pass: CriterionResult = { criterion: 'pii-scan', status: 'pass', reason: 'clean scan' };
const missing: CriterionResult = { criterion: 'dependency-audit', status: 'fail', reason: 'no evidence', fix: 'submit a report' };
const unchecked: CriterionResult = { criterion: 'encrypted-artifact', status: 'error', reason: 'could not be checked: timeout' };

function input(mode: 'block' | 'warn', results: CriterionResult[], labels: string[] = []): GateInput {
  return {
    ticket: {
      tracker: 'jira',
      id: '10042',
      key: 'ML-142',
      title: 'Train model',
      status: { id: '10001', name: 'Done', category: 'done', isDone: true },
      project: 'ML',
      labels,
    },
    from: { statusId: '3', statusName: 'In Progress' },
    rule: rule(mode),
    results,
    policyHash: 'a'.repeat(64),
    now: new Date('2026-11-26T10:00:00Z'),
  };
}

describe('planGate', () => {
  it('blocks: moves back to the previous status and labels the ticket when a criterion fails', () => {
    const plan = planGate(input('block', [pass, missing]));
    expect(plan.verdict).toBe('fail');
    expect(plan.moveBackTo).toEqual({ statusId: '3', statusName: 'In Progress' });
    expect(plan.label).toEqual({ add: BLOCKED_LABEL });
    expect(plan.property).toEqual({
      status: 'fail',
      rule: 'ml-models',
      mode: 'block',
      criteria: [
        { criterion: 'pii-scan', status: 'pass', reason: 'clean scan' },
        { criterion: 'dependency-audit', status: 'fail', reason: 'no evidence' },
      ],
      evaluatedAt: '2026-11-26T10:00:00.000Z',
    });
  });

  it('treats a criterion that could not be checked as not passed', () => {
    expect(planGate(input('block', [pass, unchecked])).verdict).toBe('fail');
  });

  it('warns without moving or labelling, and clears a label left from block mode', () => {
    const plan = planGate(input('warn', [missing], [BLOCKED_LABEL]));
    expect(plan.moveBackTo).toBeUndefined();
    expect(plan.label).toEqual({ remove: BLOCKED_LABEL });
  });

  it('passes: no move, and removes the blocked label only when it is there', () => {
    expect(planGate(input('block', [pass], [BLOCKED_LABEL]))).toMatchObject({ verdict: 'pass', label: { remove: BLOCKED_LABEL } });
    expect(planGate(input('block', [pass])).label).toEqual({});
    expect(planGate(input('block', [pass])).moveBackTo).toBeUndefined();
  });

  it('does not add the label twice', () => {
    expect(planGate(input('block', [missing], [BLOCKED_LABEL])).label).toEqual({});
  });
});

describe('composeComment', () => {
  it('tells the engineer where the ticket went and what is missing', () => {
    const i = input('block', [pass, missing]);
    const comment = composeComment(i, planGate(i), { moved: true, toStatusId: '3' });
    expect(comment.headline).toBe('Moved back to In Progress: 1 of 2 security checks are not met. Supply the evidence below, then move ML-142 to Done again.');
    expect(comment.criteria).toEqual([pass, missing]);
    expect(comment.footer).toContain('Rule "ml-models" (block mode)');
  });

  it('says so when the workflow has no way back', () => {
    const i = input('block', [missing]);
    const comment = composeComment(i, planGate(i), { moved: false, reason: 'no-transition', explanation: 'No workflow transition leads from Done to In Progress', fix: 'Ask the tracker admin' });
    expect(comment.headline).toMatch(/could not be moved back/);
    expect(comment.notes[0]).toBe('No workflow transition leads from Done to In Progress. Ask the tracker admin.');
  });

  it("gives the tracker's own advice when a ticket cannot go back, adding no tracker's name of its own", () => {
    const i = input('block', [missing]);
    const refused = { moved: false as const, reason: 'no-transition' as const, explanation: 'Linear did not apply the state change to ML-142', fix: "A Linear workspace admin can check the team's states" };
    const comment = composeComment(i, planGate(i), refused);
    expect(comment.notes).toEqual(["Linear did not apply the state change to ML-142. A Linear workspace admin can check the team's states."]);
    expect(JSON.stringify(comment)).not.toContain('Jira');
  });

  it('words warn mode as a warning that leaves the ticket in Done', () => {
    const i = input('warn', [missing]);
    expect(composeComment(i, planGate(i)).headline).toMatch(/^Warning: 1 of 1 security check is not met\. .* stays in Done/);
  });

  it('confirms a pass', () => {
    const i = input('block', [pass]);
    expect(composeComment(i, planGate(i))).toMatchObject({ status: 'pass', headline: 'All 1 security Definition-of-Done checks pass for ML-142.' });
  });
});
