import type { CountryCode } from 'libphonenumber-js/max';
import type { Sample } from '../scan-accuracy.js';
import { seededRandom } from '../scan-generate.js';
import { HAND_WRITTEN } from './hand-written.js';
import { fromMarkup, label } from './markup.js';
import type { Pick } from './values.js';
import { CARD_IINS, card, createPick, esDniNie, frNir, groups, iban, itCodiceFiscale, luhnCheckDigit, phone, ukNino, usSsn } from './values.js';

const SEPARATORS = [' ', '-', '.', '/', ''] as const;

/** Lines of one type: each builder returns markup, positives and near-miss negatives alike. */
type Builder = (pick: Pick) => string;

/** How cards of each length are printed: fours, Amex and Diners 4-6-5 and 4-6-4, a longer last group. */
const CARD_GROUPS: Record<number, number[]> = { 12: [4, 4, 4], 13: [4, 4, 5], 14: [4, 6, 4], 15: [4, 6, 5], 16: [4, 4, 4, 4], 17: [4, 4, 4, 5], 18: [4, 4, 4, 4, 2], 19: [4, 4, 4, 4, 3] };
const cardGroups = (digits: string): number[] => CARD_GROUPS[digits.length] ?? [4, 4, 4, 4];

/** A value with one wrong digit in `position`: keeps the shape, breaks the check. */
const breakDigit = (value: string, position: number): string =>
  value.slice(0, position) + String((Number(value[position]) + 1) % 10) + value.slice(position + 1);

const PHONE_COUNTRIES: readonly CountryCode[] = ['GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'AU', 'IN', 'JP', 'BR', 'CA', 'US', 'CH', 'SE', 'PL', 'MX', 'ZA', 'IE'];
const PHONE_WORDS = ['Tel.', 'tel:', 'Phone:', 'phone', 'Mobile', 'mobile:', 'Telefon:', 'téléphone :', 'Tél.', 'Handy:', 'móvil', 'telefono', 'cell:', 'Fax', 'call me on', 'WhatsApp'];
const COUNTRY_NAMES: Partial<Record<CountryCode, readonly string[]>> = {
  GB: ['London', 'United Kingdom', 'Manchester'], DE: ['Berlin', 'Germany', 'Deutschland', 'München'], FR: ['Paris', 'France', 'Lyon'],
  ES: ['Madrid', 'Spain', 'España'], IT: ['Rome', 'Italy', 'Italia', 'Milano'], NL: ['Amsterdam', 'Netherlands'], AU: ['Sydney', 'Australia', 'Melbourne'],
  IN: ['India', 'Kolkata'], JP: ['Tokyo', 'Japan'], BR: ['Brazil', 'Sao Paulo'], CA: ['Toronto', 'Canada'], US: ['New York', 'Chicago'],
  CH: ['Zurich', 'Switzerland'], SE: ['Stockholm', 'Sweden'], PL: ['Warsaw', 'Poland'], MX: ['Mexico'], ZA: ['Johannesburg', 'South Africa'], IE: ['Dublin', 'Ireland'],
};

/** Rewrites a formatted number's spaces and dashes with one separator: `+44 20 7946 0958` → `+44.20.7946.0958`. */
const reseparate = (formatted: string, separator: string): string => formatted.replace(/[ -]/g, separator);

const BUILDERS: Record<string, Builder[]> = {
  IBAN_CODE: [
    (pick) => {
      const value = iban(pick);
      const separator = pick.of([' ', '-', '.', '']);
      return `Beneficiary IBAN ${label('IBAN_CODE', groups(value, [4, 4, 4, 4, 4, 4, 4, 4], separator))} for the refund.`;
    },
    (pick) => `iban,"${label('IBAN_CODE', groups(iban(pick), [4, 4, 4, 4, 4, 4, 4, 4], ' '))}"`,
    (pick) => `account: ${label('IBAN_CODE', iban(pick).toLowerCase())}`,
    (pick) => `Transfer ref ${groups(breakDigit(iban(pick), 6), [4, 4, 4, 4, 4, 4, 4], ' ')} bounced (bad check).`,
    (pick) => `Order ${pick.of(['DE', 'GB', 'FR'])}${pick.digits(2)}-${pick.digits(4)}-${pick.digits(4)} shipped.`,
  ],
  US_SSN: [
    (pick) => `SSN: ${label('US_SSN', groups(usSsn(pick), [3, 2, 4], pick.of(['-', ' ', '.'])))}`,
    (pick) => `social security number ${label('US_SSN', usSsn(pick))}`,
    (pick) => `ssn=${label('US_SSN', groups(usSsn(pick), [3, 2, 4], pick.of(['-', '/'])))}`,
    (pick) => `Zip ${pick.digits(5)}-${pick.digits(4)}, order ${pick.digits(9)}.`,
    (pick) => `Invalid SSN ${pick.of(['000', '666', '900', '987'])}-${pick.digits(2)}-${pick.digits(4)} rejected.`,
  ],
  UK_NINO: [
    (pick) => `NI number: ${label('UK_NINO', groups(ukNino(pick), [2, 2, 2, 2, 1], pick.of([' ', '-', '.', ''])))}`,
    (pick) => `nino,${label('UK_NINO', ukNino(pick))}`,
    (pick) => `Ref ${pick.of(['GB', 'NK', 'TN'])}${pick.digits(6)}${pick.of(['A', 'B'])} is not an NI number.`,
    (pick) => `Part ${pick.of(['AB', 'CE'])}${pick.digits(6)}${pick.of(['E', 'F', 'X'])} in stock.`,
  ],
  ES_NIF: [
    (pick) => {
      const value = esDniNie(pick, 'dni');
      return `DNI: ${label('ES_NIF', pick.of([value, `${value.slice(0, 8)}-${value.slice(8)}`, `${groups(value.slice(0, 8), [2, 3, 3], '.')}-${value.slice(8)}`, `${groups(value.slice(0, 8), [2, 3, 3], ' ')} ${value.slice(8)}`]))}`;
    },
    (pick) => {
      const value = esDniNie(pick, 'nie');
      return `NIE ${label('ES_NIF', pick.of([value, `${value[0]}-${value.slice(1, 8)}-${value.slice(8)}`, `${value[0]} ${value.slice(1, 8)} ${value.slice(8)}`]))}`;
    },
    (pick) => {
      const value = esDniNie(pick, 'dni');
      const wrong = 'TRWAGMYFPDXBNJZSQVHLCKE'.replace(value.slice(8), '');
      return `Código ${value.slice(0, 8)}${pick.of([...wrong])} no válido.`;
    },
  ],
  FR_NIR: [
    (pick) => {
      const value = frNir(pick);
      return `NIR ${label('FR_NIR', pick.of(['', ' ', '.', '-']) === '' ? value : groups(value, [1, 2, 2, 2, 3, 3, 2], pick.of([' ', '.', '-'])))}`;
    },
    (pick) => {
      const value = frNir(pick);
      const wrong = `${value.slice(0, 13)}${String((Number(value.slice(13)) % 96) + 1).padStart(2, '0')}`;
      return `Dossier ${groups(wrong, [1, 2, 2, 2, 3, 3, 2], ' ')} (clé fausse).`;
    },
  ],
  IT_FISCAL_CODE: [
    (pick) => `Codice fiscale: ${label('IT_FISCAL_CODE', pick.of([(value: string) => value, (value: string) => value.toLowerCase()])(itCodiceFiscale(pick)))}`,
    (pick) => {
      const value = itCodiceFiscale(pick);
      return `CF ${value.slice(0, 15)}${value[15] === 'A' ? 'B' : 'A'} errato.`;
    },
  ],
  CREDIT_CARD: [
    (pick) => {
      const digits = card(pick, pick.of(Object.keys(CARD_IINS)));
      return `Card ${label('CREDIT_CARD', groups(digits, cardGroups(digits), pick.of(SEPARATORS)))} exp ${1 + pick.int(12)}/${27 + pick.int(5)}`;
    },
    (pick) => `"card_number": "${label('CREDIT_CARD', card(pick, pick.of(Object.keys(CARD_IINS))))}",`,
    (pick) => {
      const digits = card(pick, pick.of(Object.keys(CARD_IINS)));
      return `Order ${groups(breakDigit(digits, 5), cardGroups(digits), pick.of([' ', '-', '']))} (Luhn fails).`;
    },
    (pick) => {
      const body = `${pick.of(['0', '7'])}${pick.digits(14)}`;
      return `Tracking ${groups(`${body}${luhnCheckDigit(body)}`, [4, 4, 4, 4], ' ')} (no issuer).`;
    },
    (pick) => `epoch_us=${1_600_000_000_000_000 + pick.int(100_000_000_000_000)}`,
  ],
  PHONE_NUMBER: [
    (pick) => {
      const { international } = phone(pick, pick.of(PHONE_COUNTRIES));
      return `Call ${label('PHONE_NUMBER', reseparate(international, pick.of([' ', '-', '.', ''])))} today.`;
    },
    (pick) => {
      const { international } = phone(pick, pick.of(PHONE_COUNTRIES));
      return `${pick.of(['Contact', 'Reach us'])}: ${label('PHONE_NUMBER', `00${international.slice(1)}`)}`;
    },
    (pick) => {
      const { national } = phone(pick, pick.of(PHONE_COUNTRIES));
      return `${pick.of(PHONE_WORDS)} ${label('PHONE_NUMBER', national)}`;
    },
    (pick) => {
      const country = pick.of(PHONE_COUNTRIES);
      const { national } = phone(pick, country);
      return `${pick.of(COUNTRY_NAMES[country] ?? ['?'])} office: ${label('PHONE_NUMBER', national)}`;
    },
    (pick) => `Order ${20_000_000 + pick.int(9_999_999)}-${pick.digits(4)} placed ${2020 + pick.int(6)}-0${1 + pick.int(9)}-1${pick.int(10)} 1${pick.int(10)}:${pick.digits(2)}:${pick.digits(2)}.`,
    (pick) => `Released v${pick.int(20)}.${pick.int(100)}.${pick.digits(3)} (build ${pick.digits(8)}).`,
    (pick) => `Commit ${pick.digits(7)} touched ${pick.int(900)} files, checksum ${pick.digits(10)}.`,
  ],
  EMAIL_ADDRESS: [
    (pick) => `${pick.of(['From', 'Reply-To', 'email'])}: ${label('EMAIL_ADDRESS', `${pick.of(['anna', 'ben.k', 'chloé', 'jörg', 'ünal', 'li.wei'])}${pick.of(['', '+news', '+tag.1', '_2'])}@${pick.of(['mailbox.org', 'bücher.de', 'xn--bcher-kva.de', 'univ-lyon.fr', 'correo.es', 'xn--80a1acny.xn--p1ai', 'почта.рф', 'fastmail.co.uk'])}`)}`,
    (pick) => `Assets: logo@${1 + pick.int(3)}x.${pick.of(['png', 'webp', 'svg'])}, npm i lodash@${pick.int(5)}.${pick.int(20)}.${pick.int(30)}`,
  ],
  IP_ADDRESS: [
    (pick) => {
      const address = `${1 + pick.int(222)}.${pick.int(256)}.${pick.int(256)}.${1 + pick.int(254)}`;
      const [open, close] = pick.of([['(', ')'], ['[', ']'], ['"', '"'], ["'", "'"], ['', ':8080'], ['', ','], ['', ';'], ['<', '>']] as const);
      return `client ${open}${label('IP_ADDRESS', address)}${close} denied`;
    },
    (pick) => {
      const hex = (): string => pick.int(65536).toString(16);
      const address = pick.of([
        () => Array.from({ length: 8 }, hex).join(':'),
        () => `2001:db8:${hex()}::${hex()}`,
        () => `fe80::${hex()}:${hex()}%${pick.of(['eth0', 'en0', 'wlan1', '12'])}`,
        () => `::ffff:${pick.int(256)}.${pick.int(256)}.${pick.int(256)}.${pick.int(256)}`,
        () => `2a0${pick.int(10)}:${hex()}:${hex()}::${hex()}`,
      ])();
      const [open, close] = pick.of([['[', ']:443'], ['(', ')'], ['"', '"'], ['', ','], ['', ';'], ["'", "'"]] as const);
      return `peer ${open}${label('IP_ADDRESS', address)}${close} connected`;
    },
    (pick) => `at ${pick.int(24)}:${pick.digits(2)}:${pick.digits(2)}, version ${pick.int(10)}.${pick.int(10)}.${pick.int(10)}.${pick.int(100)}, MAC ${Array.from({ length: 6 }, () => pick.int(256).toString(16).padStart(2, '0')).join(':')}`,
  ],
};

/** The labelled PII set: the hand-written lines, then `perBuilder` lines from every generator, from `seed`. */
export function buildLabelledSet(seed = 20261202, perBuilder = 40): Sample[] {
  const pick = createPick(seededRandom(seed));
  const lines = [...HAND_WRITTEN];
  for (const builders of Object.values(BUILDERS)) for (const build of builders) for (let count = 0; count < perBuilder; count++) lines.push(build(pick));
  return lines.map((line, id) => fromMarkup(id, line));
}
