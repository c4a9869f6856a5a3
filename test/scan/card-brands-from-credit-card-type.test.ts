import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });
const found = (line: string): string[] => matchLine(line, detectors).map((match) => `${match.detector.id}:${match.confidence}`);

/** A Luhn-valid number from `body` (every digit but the check digit). */
function withCheckDigit(body: string): string {
  let sum = 0;
  for (let index = body.length - 1, double = true; index >= 0; index--, double = !double) {
    let digit = body.charCodeAt(index) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

describe('payment cards of every brand', () => {
  it.each([
    ['Mir', '220012345678901'],
    ['Elo', '636368123456789'],
    ['Hipercard', '606282123456789'],
    ['Troy', '979212345678901'],
    ['Verve', '506099123456789'],
  ])('finds a %s card by its IIN range and length', (_brand, body) => {
    expect(found(`card ${withCheckDigit(body)}`)).toEqual(['payment-card:high']);
  });
  it('keeps the legacy ranges the brand table lacks: 13-digit Visa, 15-digit JCB, Maestro UK 0604', () => {
    expect(found(`card ${withCheckDigit('453914880343')}`)).toEqual(['payment-card:high']);
    expect(found(`card ${withCheckDigit('21317654321098')}`)).toEqual(['payment-card:high']);
    expect(found(`card ${withCheckDigit('06042612345')}`)).toEqual(['payment-card:high']);
  });
  it('marks a number only Maestro’s catch-all ranges claim as medium', () => {
    expect(found(`card ${withCheckDigit('690012345678901')}`)).toEqual(['payment-card:medium']);
  });
  it('rejects Luhn-valid numbers in no issuer range', () => {
    expect(found(`ref ${withCheckDigit('700012345678901')}`)).toEqual([]);
  });
});
