import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });
const phones = (line: string): string[] => matchLine(line, detectors).filter((match) => match.detector.id === 'phone').map((match) => match.value);

describe('phone numbers of any country, when the text says they are phones', () => {
  it.each([
    ['Telefon:', '030 901820'],
    ['téléphone :', '01 42 68 53 00'],
    ['Tél.', '01.42.68.53.00'],
    ['Handy:', '0151 23456789'],
    ['móvil', '612 34 56 78'],
    ['cellulare:', '347 123 4567'],
    ['Mobile:', '07911 123456'],
  ])('finds a national number after the phone word %s with the default country US', (word, number) => {
    expect(phones(`${word} ${number}`)).toEqual([number]);
  });
  it('finds a national number followed by the kind of line it is', () => {
    expect(phones('0490 75 40 81 (mobile)')).toEqual(['0490 75 40 81']);
  });
  it.each([
    ['Our Paris office: ', '01 44 55 66 77'],
    ['Berlin office ', '030 12345678'],
    ['In Sydney ring ', '(02) 9374 4000'],
    ['Amsterdam office: ', '020 123 4567'],
    ['日本 ', '03-1234-5678'],
  ])('finds a national number near a city or country name: %s', (before, number) => {
    expect(phones(`${before}${number}`)).toEqual([number]);
  });
  it('finds international numbers of any country with + or 00, and RFC 3966 tel: links', () => {
    expect(phones('Dial 0044 20 7946 0958')).toEqual(['0044 20 7946 0958']);
    expect(phones('tel:+81-3-1234-5678')).toEqual(['+81-3-1234-5678']);
    expect(phones('Contact: 0033 1 87 65 03 33')).toEqual(['0033 1 87 65 03 33']);
  });
  it('keeps the default country for a grouped number with no phone word and no place', () => {
    expect(phones('moved 030 12345678 units')).toEqual([]);
    expect(phones('moved (415) 555-2671 to')).toEqual(['(415) 555-2671']);
  });
  it('does not take compass points, common words or capitalised codes for places', () => {
    expect(phones('with model from 31327 7872 west')).toEqual([]);
    expect(phones('SKU-206043 note 75387 4054 south')).toEqual([]);
  });
  it('tries at most eight numbers of a line in every country, so a packed line cannot stall a scan', () => {
    const fresh = createDefaultDetectors({ defaultCountry: 'US' });
    const numbers = Array.from({ length: 20 }, (_, index) => `030 9018${String(index).padStart(2, '0')}`);
    const line = numbers.map((number) => `Telefon: ${number}`).join('; ');
    expect(matchLine(line, fresh).length).toBe(8);
  });
  it('gives identical lines the same answer', () => {
    const fresh = createDefaultDetectors({ defaultCountry: 'US' });
    const line = Array.from({ length: 8 }, (_, index) => `Telefon: 030 9018${index}0`).join('; ');
    expect(matchLine(line, fresh).length).toBe(8);
    expect(matchLine(line, fresh).length).toBe(8);
  });
});
