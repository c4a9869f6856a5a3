import { parse } from 'csv-parse/sync';
import type { BoardTicket } from '../../../src/decisions/list-board-tickets.js';
import { boardCsv, neutraliseFormula } from '../../../src/ui/pages/board/board-csv.js';

describe('the board CSV', () => {
  it('prefixes every cell a spreadsheet would run as a formula with a quote', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['ML-1', '2026-12-02T12:00:00.000Z', 'a=b', '']) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('writes quotes, commas and newlines so that a reader gets the cell back', () => {
    const ticket: BoardTicket = {
      tracker: 'jira',
      ticketKey: 'ML-1',
      project: 'ML',
      ticket: { summary: '=HYPERLINK("http://evil.example"),\n"x"', project: 'ML', assignee: '-Ada' },
      outcome: 'fail',
      mode: 'block',
      status: 'In Review',
      unmet: [{ criterion: 'pii-scan', status: 'fail', reason: 'no evidence, yet' }],
      decidedAt: new Date('2026-12-01T00:00:00Z'),
      since: new Date('2026-11-30T00:00:00Z'),
      times: 2,
    };
    const csv = boardCsv([ticket]);
    expect(csv.split('\r\n')[0]).toBe('tracker,ticket,url,summary,assignee,project,state,missing,failing_since,times_blocked,last_decided');
    const [row] = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(row).toEqual({
      tracker: 'jira',
      ticket: 'ML-1',
      url: '',
      summary: `'=HYPERLINK("http://evil.example"),\n"x"`,
      assignee: "'-Ada",
      project: 'ML',
      state: 'blocked, back in In Review',
      missing: 'pii-scan: no evidence, yet',
      failing_since: '2026-11-30T00:00:00.000Z',
      times_blocked: '2',
      last_decided: '2026-12-01T00:00:00.000Z',
    });
  });
});
