import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });
const emails = (line: string): string[] => matchLine(line, detectors).filter((match) => match.detector.id === 'email').map((match) => match.value);

describe('e-mail addresses as people write them', () => {
  it.each([
    ['a Unicode domain', 'jörg.müller@bücher.de'],
    ['a punycode domain', 'info@xn--bcher-kva.de'],
    ['a punycode top-level domain', 'ivan@xn--80a1acny.xn--p1ai'],
    ['a Cyrillic address', 'иван.петров@почта.рф'],
    ['a Chinese address', '李雷@阿里巴巴.中国'],
    ['a Greek address', 'Δοκιμή@παράδειγμα.ελ'],
    ['sub-addressing', 'anna.schmidt+invoices@mailbox.org'],
    ['an apostrophe inside the local part', "o'brien.k@fastmail.co.uk"],
  ])('finds an address with %s', (_form, address) => {
    expect(emails(`Contact: ${address}, thanks`)).toEqual([address]);
    expect(emails(`"${address}"`)).toEqual([address]);
    expect(emails(`'${address}'`)).toEqual([address]);
  });
  it('finds an address after full-width punctuation', () => {
    expect(emails('メール：tanaka@例え.jp まで')).toEqual(['tanaka@例え.jp']);
  });
  it('does not read an SSH remote, a scoped package or an asset name as an address', () => {
    expect(emails('git clone git@github.com:donegate/donegate.git')).toEqual([]);
    expect(emails('npm install @scope/pkg@1.2.3, logo@2x.png')).toEqual([]);
  });
  it('masks a Unicode address by whole characters', () => {
    const [match] = matchLine('𝒜lice@bücher.de', detectors);
    expect(match && match.detector.mask(match.value)).toBe('𝒜***@b***.de');
  });
});
