import type { TicketRef } from '../../src/domain/index.js';
import type { JobPayload } from '../../src/queue/job-catalog.js';
import { TrackerPermanentError, TrackerUnavailableError } from '../../src/trackers/errors.js';
import type { Tracker } from '../../src/trackers/tracker.js';
import { resolveTransitionTicket } from '../../src/worker/resolve-transition-ticket.js';
import { captureLog } from '../support/capture-log.js';

type Transition = JobPayload<'decide-transition'>['transition'];

const boardMove: Transition = {
  tracker: 'github',
  deliveryId: 'sha256-board-move',
  ticketId: 'project-item/PVT_1/PVTI_1/PVTSSF_1',
  ticketKey: 'project-item/PVT_1/PVTI_1/PVTSSF_1',
  fromStatusId: 'project-status/PVTSSF_1/opt-doing',
  toStatusId: 'project-status/PVTSSF_1/opt-done',
  occurredAt: '2026-11-30T10:00:00.000Z',
};

/** Only what resolution asks of a tracker; the rest of the interface is never called here. */
const trackerResolving = (resolveKey: (ref: TicketRef) => Promise<string | undefined>) => {
  const asked: TicketRef[] = [];
  const tracker = {
    name: 'github',
    resolveKey: (ref: TicketRef) => {
      asked.push(ref);
      return resolveKey(ref);
    },
  } as unknown as Tracker;
  return { trackers: { github: tracker }, asked };
};

describe('resolveTransitionTicket', () => {
  const attempt = (isLastAttempt = false) => ({ isLastAttempt, log: captureLog().log });

  it('re-keys a board move to the issue its item holds, keeping the item as the ticket id', async () => {
    const { trackers, asked } = trackerResolving(() => Promise.resolve('ACME/ML#7'));
    expect(await resolveTransitionTicket(trackers, boardMove, attempt())).toEqual({ ...boardMove, ticketKey: 'ACME/ML#7' });
    expect(asked).toEqual([{ id: boardMove.ticketId, key: boardMove.ticketKey }]);
  });

  it('keeps the transition as delivered when the tracker says the key is already the ticket’s, or cannot resolve keys', async () => {
    const issueClose = { ...boardMove, ticketId: 'ACME/ML#7', ticketKey: 'ACME/ML#7' };
    expect(await resolveTransitionTicket(trackerResolving(() => Promise.resolve(undefined)).trackers, issueClose, attempt())).toBe(issueClose);
    expect(await resolveTransitionTicket({ github: { name: 'github' } as unknown as Tracker }, boardMove, attempt())).toBe(boardMove);
  });

  it('does not look up the ticket of a stale delivery, which is only recorded', async () => {
    const { trackers, asked } = trackerResolving(() => Promise.resolve('ACME/ML#7'));
    const stale = { ...boardMove, stale: true as const };
    expect(await resolveTransitionTicket(trackers, stale, attempt())).toBe(stale);
    expect(asked).toEqual([]);
  });

  it('leaves the delivered key when the item cannot be read for good, so the job records the fault', async () => {
    const { trackers } = trackerResolving(() => Promise.reject(new TrackerPermanentError('github', 'not-found', 'The project item holds no issue donegate can see.')));
    expect(await resolveTransitionTicket(trackers, boardMove, attempt())).toBe(boardMove);
  });

  it('lets a passing fault retry the job, except on its last attempt, where the job goes on to record it', async () => {
    const { trackers } = trackerResolving(() => Promise.reject(new TrackerUnavailableError('github', 'GitHub answered 502')));
    await expect(resolveTransitionTicket(trackers, boardMove, attempt(false))).rejects.toBeInstanceOf(TrackerUnavailableError);
    expect(await resolveTransitionTicket(trackers, boardMove, attempt(true))).toBe(boardMove);
  });
});
