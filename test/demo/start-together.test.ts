import { startTogether } from '../../src/demo/start-together.js';

function resource(name: string, closed: string[]) {
  return { name, close: async () => void closed.push(name) };
}

describe('startTogether', () => {
  it('returns both resources, in order, when both start', async () => {
    const closed: string[] = [];

    const [a, b] = await startTogether(async () => resource('a', closed), async () => resource('b', closed));

    expect([a.name, b.name]).toEqual(['a', 'b']);
    expect(closed).toEqual([]);
  });

  it('closes the one that started and throws the failure when the other fails', async () => {
    const closed: string[] = [];

    const both = startTogether(async () => resource('simulators', closed), () => Promise.reject(new Error('database cannot open')));

    await expect(both).rejects.toThrow('database cannot open');
    expect(closed).toEqual(['simulators']);
  });

  it('throws the first failure when neither starts', async () => {
    const both = startTogether(() => Promise.reject(new Error('first')), () => Promise.reject(new Error('second')));

    await expect(both).rejects.toThrow('first');
  });
});
