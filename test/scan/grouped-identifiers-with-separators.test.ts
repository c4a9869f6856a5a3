import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });
/** `detector value` for every finding on a line. */
const found = (line: string): string[] => matchLine(line, detectors).map((match) => `${match.detector.id} ${match.value}`);

describe('grouped identifiers written with any common separator', () => {
  it('finds a US SSN with dashes, spaces, dots or slashes, one separator throughout', () => {
    for (const ssn of ['536-90-4399', '536 90 4399', '536.90.4399', '536/90/4399']) expect(found(`SSN ${ssn}.`)).toEqual([`us-ssn ${ssn}`]);
    expect(found('SSN 536-90.4399')).toEqual([]);
  });
  it('leaves the groups after a country code to the phone detector', () => {
    expect(found('Reach us: 0081 771 88 2466').map((finding) => finding.split(' ')[0])).toEqual(['phone']);
  });
  it('finds a UK NINO in pairs with any separator, compact, or as HMRC letters print it', () => {
    for (const nino of ['AB 12 34 56 C', 'AB-12-34-56-C', 'AB.12.34.56.C', 'AB/12/34/56/C', 'AB123456C', 'AB 123456 C', 'AB123456 C']) expect(found(`NINO ${nino}`)).toEqual([`uk-nino ${nino}`]);
    expect(found('NINO AB-12 34-56 C')).toEqual([]);
  });
  it('finds a Spanish DNI with dotted or spaced thousands and a NIE with dashes, but not a wrong letter', () => {
    for (const id of ['12.345.678-Z', '12 345 678 Z', '12345678-Z', 'X-1234567-L', 'X 1234567 L', 'X-1234567L', 'X1234567-L']) expect(found(`DNI ${id}`)).toEqual([`es-dni-nie ${id}`]);
    expect(found('DNI 12.345.678-A')).toEqual([]);
  });
  it('finds a French NIR in its printed groups with dots or dashes, and checks its key', () => {
    for (const nir of ['2.55.08.14.168.025.38', '2-55-08-14-168-025-38']) expect(found(`NIR ${nir}`)).toEqual([`fr-nir ${nir}`]);
    expect(found('NIR 2.55.08.14.168.025.39')).toEqual([]);
    expect(found('NIR 2.55 08.14 168.025.38')).toEqual([]);
  });
  it('finds an IBAN grouped with dashes or dots, and checks mod 97', () => {
    for (const iban of ['NL91-ABNA-0417-1643-00', 'DE89.3704.0044.0532.0130.00', 'DE89 370400440532013000']) expect(found(`IBAN ${iban}`)).toEqual([`iban ${iban}`]);
    expect(found('IBAN DE89.3704.0044.0532.0130.01')).toEqual([]);
  });
  it('finds a codice fiscale typed in lower case, not in mixed case', () => {
    expect(found('cf rssmra85t10a562s')).toEqual(['it-codice-fiscale rssmra85t10a562s']);
    expect(found('cf RSSmra85T10A562S')).toEqual([]);
  });
  it('finds cards grouped with dots or slashes, as printed (fours, Amex 4-6-5)', () => {
    for (const card of ['6011.1111.1111.1117', '4539/1488/0343/6467', '3782-822463-10005']) expect(found(`card ${card}`)).toEqual([`payment-card ${card}`]);
  });
  it('does not read digit groups that continue a longer run as a card', () => {
    // An IBAN whose mod-97 check fails still leaves its digits, which happen to pass Luhn as a card.
    expect(found('ref DE00 4539 1488 0343 6467 x')).toEqual([]);
    expect(found('ref 4539 1488 0343 6467 0001')).toEqual([]);
    // Five-digit groups are another number's, whatever Luhn says.
    expect(found('batch 68445 83260 40216 3141 ok')).toEqual([]);
  });
});
