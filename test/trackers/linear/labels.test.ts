import { BLOCKED_LABEL } from '../../../src/domain/index.js';
import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

describe('Linear tracker labelling a ticket', () => {
  let fixture: LinearFixture;
  beforeEach(async () => {
    fixture = await createLinearFixture();
  });
  afterEach(() => fixture.linear.close());

  it('creates the workspace label when it does not exist yet, and adds it', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    await fixture.tracker.addLabel(ticket, BLOCKED_LABEL);

    expect(fixture.linear.labelNamesOf('AI-1')).toEqual([BLOCKED_LABEL]);
    const labels = [...fixture.linear.store.labels.values()];
    expect(labels).toHaveLength(1);
    expect(labels[0]?.teamId).toBeUndefined();
  });

  it('labels the next ticket of the team without looking the label up again, and looks again once it is deleted', async () => {
    fixture.linear.addIssue({ team: 'AI', title: 'Second' });
    fixture.linear.addIssue({ team: 'AI', title: 'Third' });
    const lookups = () => fixture.linear.requests.filter((r) => r.operationName === 'DonegateLabelContext').length;
    await fixture.tracker.addLabel(await fixture.tracker.getTicket({ key: 'AI-1' }), BLOCKED_LABEL);
    const afterFirst = lookups();

    await fixture.tracker.addLabel(await fixture.tracker.getTicket({ key: 'AI-2' }), BLOCKED_LABEL);
    expect(lookups()).toBe(afterFirst);
    expect(fixture.linear.labelNamesOf('AI-2')).toEqual([BLOCKED_LABEL]);

    fixture.linear.store.labels.clear();
    await fixture.tracker.addLabel(await fixture.tracker.getTicket({ key: 'AI-3' }), BLOCKED_LABEL);
    expect(lookups()).toBe(afterFirst + 1);
    expect(fixture.linear.labelNamesOf('AI-3')).toEqual([BLOCKED_LABEL]);
  });

  it('adding a label twice changes nothing and creates no second label', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    await fixture.tracker.addLabel(ticket, BLOCKED_LABEL);
    await fixture.tracker.addLabel(ticket, BLOCKED_LABEL);

    expect(fixture.linear.labelNamesOf('AI-1')).toEqual([BLOCKED_LABEL]);
    expect(fixture.linear.store.labels.size).toBe(1);
  });

  it("uses the team's existing label of that name", async () => {
    const teamLabel = fixture.linear.addLabel({ name: BLOCKED_LABEL, teamId: 'AI' });
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    await fixture.tracker.addLabel(ticket, BLOCKED_LABEL);

    expect(fixture.linear.issue('AI-1')?.labelIds).toEqual([teamLabel.id]);
    expect(fixture.linear.store.labels.size).toBe(1);
  });

  it('falls back to a team label when another team already owns a label of that name', async () => {
    fixture.linear.addTeam({ key: 'OPS' });
    fixture.linear.addLabel({ name: BLOCKED_LABEL, teamId: 'OPS' });
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    await fixture.tracker.addLabel(ticket, BLOCKED_LABEL);

    expect(fixture.linear.labelNamesOf('AI-1')).toEqual([BLOCKED_LABEL]);
  });

  it('removes the label, and removing it again changes nothing', async () => {
    const ml = fixture.linear.addLabel({ name: 'ml' });
    const blocked = fixture.linear.addLabel({ name: BLOCKED_LABEL });
    const issue = fixture.linear.addIssue({ team: 'AI', title: 'Labelled', labelIds: [ml.id, blocked.id] });
    const ticket = await fixture.tracker.getTicket({ id: issue.id });

    await fixture.tracker.removeLabel(ticket, BLOCKED_LABEL);
    await fixture.tracker.removeLabel(ticket, BLOCKED_LABEL);

    expect(fixture.linear.labelNamesOf(issue.id)).toEqual(['ml']);
  });
});
