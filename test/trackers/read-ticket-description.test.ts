import { createTicketDescriptionReader } from '../../src/trackers/read-ticket-description.js';
import type { Ticket } from '../../src/domain/index.js';
import type { Tracker } from '../../src/trackers/tracker.js';

const ticket: Ticket = { tracker: 'jira', id: '10042', key: 'ML-142', title: 't', status: { id: '3', name: 'Done', category: 'done', isDone: true }, project: 'ML', labels: [] };

/** A tracker whose description reads are counted and settle when the test says so. */
function countingTracker() {
  let reads = 0;
  let release: (text: string) => void = () => undefined;
  const tracker = {
    readDescription: () => {
      reads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    },
  } as unknown as Tracker;
  return { tracker, reads: () => reads, release: (text: string) => release(text) };
}

describe('createTicketDescriptionReader', () => {
  it('shares a read still in flight between the criteria asking together, then reads afresh', async () => {
    const fake = countingTracker();
    const read = createTicketDescriptionReader({ jira: fake.tracker });
    const first = read(ticket);
    const second = read(ticket);
    fake.release('## Datasets\n- data/users.csv');
    expect(await Promise.all([first, second])).toEqual(['## Datasets\n- data/users.csv', '## Datasets\n- data/users.csv']);
    expect(fake.reads()).toBe(1);

    const later = read(ticket);
    fake.release('edited');
    expect(await later).toBe('edited');
    expect(fake.reads()).toBe(2);
  });

  it('reads an empty description for a tracker that keeps none or is not configured', async () => {
    expect(await createTicketDescriptionReader({})(ticket)).toBe('');
    expect(await createTicketDescriptionReader({ jira: {} as Tracker })(ticket)).toBe('');
  });
});
