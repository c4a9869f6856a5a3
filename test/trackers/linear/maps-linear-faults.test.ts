import {
  TrackerPermanentError,
  TrackerRateLimitedError,
  TrackerUnavailableError,
} from '../../../src/trackers/errors.js';
import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

describe('Linear tracker when Linear refuses or fails', () => {
  let fixture: LinearFixture;
  beforeEach(async () => {
    fixture = await createLinearFixture();
  });
  afterEach(() => fixture.linear.close());

  it('turns RATELIMITED into TrackerRateLimitedError with Retry-After in milliseconds', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });
    fixture.linear.failNext({ operation: 'issueUpdate', kind: 'ratelimited', retryAfterMs: 30_000 });

    const error = await fixture.tracker.moveTo(ticket, fixture.states.done.id).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrackerRateLimitedError);
    expect(error).toMatchObject({ tracker: 'linear', retryAfterMs: 30_000 });
    expect(fixture.linear.stateOf('AI-1')?.name).toBe('Todo');
  });

  it('turns an issue deleted mid-job into a permanent not-found fault', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });
    fixture.linear.failNext({ operation: 'issueUpdate', kind: 'not-found' });

    const error = await fixture.tracker.moveTo(ticket, fixture.states.done.id).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrackerPermanentError);
    expect(error).toMatchObject({ fault: 'not-found' });
  });

  it('turns a 5xx into TrackerUnavailableError, to be retried', async () => {
    fixture.linear.failNext({ kind: 'server-error' });

    const error = await fixture.tracker.getTicket({ key: 'AI-1' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrackerUnavailableError);
  });

  it('turns an unreachable Linear into TrackerUnavailableError', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });
    await fixture.linear.close();

    const error = await fixture.tracker.moveTo(ticket, fixture.states.done.id).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrackerUnavailableError);
  });

  it('turns a revoked key mid-job into a permanent unauthorized fault', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });
    fixture.linear.failNext({ kind: 'authentication' });

    const error = await fixture.tracker.addLabel(ticket, 'x').catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'TrackerPermanentError', fault: 'unauthorized' });
  });

  it('turns forbidden into a permanent forbidden fault', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });
    fixture.linear.failNext({ operation: 'commentCreate', kind: 'forbidden' });

    const error = await fixture.tracker
      .upsertComment(ticket, { status: 'pass', mode: 'block', headline: 'ok', criteria: [], notes: [], footer: '' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrackerPermanentError);
    expect(error).toMatchObject({ fault: 'forbidden' });
  });
});
