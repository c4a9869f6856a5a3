import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import creditCardType from 'credit-card-type';

/** The seeded picks every generator draws from, so the set is the same on every run. */
export interface Pick {
  int(below: number): number;
  of<T>(items: readonly T[]): T;
  digits(count: number): string;
}

export function createPick(random: () => number): Pick {
  const int = (below: number): number => Math.floor(random() * below);
  return {
    int,
    of: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    digits: (count) => Array.from({ length: count }, () => String(int(10))).join(''),
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Digit groups joined with one separator: `groups('123456789', [3, 2, 4], '-')` → `123-45-6789`. */
export function groups(compact: string, sizes: readonly number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(compact.slice(at, at + size));
    at += size;
  }
  if (at < compact.length) parts.push(compact.slice(at));
  return parts.filter((part) => part !== '').join(separator);
}

const mod97 = (digits: string): number => [...digits].reduce((remainder, char) => (remainder * 10 + Number(char)) % 97, 0);
const ibanDigits = (text: string): string => [...text].map((char) => (/\d/.test(char) ? char : String(char.charCodeAt(0) - 55))).join('');

/** BBAN shapes (n = digit, c = upper-case letter or digit, a = letter) of the countries the set uses. */
const BBAN: Record<string, string> = {
  DE: 'nnnnnnnnnnnnnnnnnn', GB: 'aaaannnnnnnnnnnnnn', FR: 'nnnnnnnnnncccccccccccnn', ES: 'nnnnnnnnnnnnnnnnnnnn',
  IT: 'annnnnnnnnncccccccccccc', NL: 'aaaannnnnnnnnn', BE: 'nnnnnnnnnnnn', CH: 'nnnnncccccccccccc', PL: 'nnnnnnnnnnnnnnnnnnnnnnnn',
  SE: 'nnnnnnnnnnnnnnnnnnnn', AT: 'nnnnnnnnnnnnnnnn', PT: 'nnnnnnnnnnnnnnnnnnnnn', NO: 'nnnnnnnnnnn', SA: 'nncccccccccccccccccc',
};

/** A valid IBAN (mod 97-10 check digits) for one of the countries above, compact. */
export function iban(pick: Pick, country = pick.of(Object.keys(BBAN))): string {
  const shape = BBAN[country] ?? '';
  const bban = [...shape].map((kind) => (kind === 'n' ? pick.digits(1) : kind === 'a' ? pick.of([...UPPER]) : pick.of([...`${UPPER}0123456789`]))).join('');
  const check = 98 - mod97(ibanDigits(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** A US SSN that the SSA could issue: area 001–899 but 666, group 01–99, serial 0001–9999. */
export function usSsn(pick: Pick): string {
  let area = 1 + pick.int(899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}${String(1 + pick.int(99)).padStart(2, '0')}${String(1 + pick.int(9999)).padStart(4, '0')}`;
}

/** A UK National Insurance number with an issued prefix, compact: `JG103759A`. */
export function ukNino(pick: Pick): string {
  const first = pick.of([...'ABCEGHJKLMNOPRSTWXYZ']);
  let second = pick.of([...'ABCEGHJKLMNPRSTWXYZ']);
  if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(first + second)) second = 'A';
  return `${first}${second}${pick.digits(6)}${pick.of([...'ABCD'])}`;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** A Spanish DNI (`12345678Z`) or NIE (`X1234567L`) with its control letter. */
export function esDniNie(pick: Pick, kind: 'dni' | 'nie'): string {
  if (kind === 'dni') {
    const number = String(10_000_000 + pick.int(89_999_999));
    return `${number}${DNI_LETTERS[Number(number) % 23]}`;
  }
  const prefix = pick.of(['X', 'Y', 'Z']);
  const number = pick.digits(7);
  return `${prefix}${number}${DNI_LETTERS[Number(`${'XYZ'.indexOf(prefix)}${number}`) % 23]}`;
}

/** A French NIR with its key, compact (15 characters). */
export function frNir(pick: Pick): string {
  const body = `${pick.of(['1', '2'])}${String(pick.int(100)).padStart(2, '0')}${String(1 + pick.int(12)).padStart(2, '0')}${String(1 + pick.int(95)).padStart(2, '0')}${pick.digits(3)}${String(1 + pick.int(999)).padStart(3, '0')}`;
  return `${body}${String(97 - Number(BigInt(body) % 97n)).padStart(2, '0')}`;
}

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** An Italian codice fiscale with its check letter: `RSSMRA85T10A562S`. */
export function itCodiceFiscale(pick: Pick): string {
  const letters = (count: number): string => Array.from({ length: count }, () => pick.of([...UPPER])).join('');
  const body = `${letters(6)}${pick.digits(2)}${pick.of([...'ABCDEHLMPRST'])}${String(1 + pick.int(71)).padStart(2, '0')}${pick.of([...UPPER])}${pick.digits(3)}`;
  let sum = 0;
  for (let index = 0; index < 15; index++) {
    const code = body.charCodeAt(index);
    const value = code >= 65 ? code - 65 : code - 48;
    sum += index % 2 === 0 ? (CF_ODD[value] ?? 0) : value;
  }
  return `${body}${UPPER[sum % 26]}`;
}

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let index = body.length - 1, double = true; index >= 0; index--, double = !double) {
    let digit = body.charCodeAt(index) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Card brands and the IINs the set draws from: one per brand, as the networks publish them. */
export const CARD_IINS: Readonly<Record<string, readonly string[]>> = {
  visa: ['4'], mastercard: ['51', '55', '2221', '2720'], 'american-express': ['34', '37'], 'diners-club': ['300', '305', '36', '38'],
  discover: ['6011', '644', '65'], jcb: ['3528', '3589'], unionpay: ['62'], maestro: ['5018', '6304', '6759'], mir: ['2200', '2204'],
  elo: ['636368', '504175'], hipercard: ['606282'], troy: ['9792'], verve: ['506099'],
};

/** A Luhn-valid card number of `brand`, of one of the lengths credit-card-type gives for it. */
export function card(pick: Pick, brand: string): string {
  const iin = pick.of(CARD_IINS[brand] ?? ['4']);
  const type = creditCardType(iin).find((found) => found.type === brand);
  const length = pick.of(type?.lengths ?? [16]);
  const body = `${iin}${pick.digits(length - iin.length - 1)}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** A valid phone number of `country` (random national digits until libphonenumber accepts one). */
export function phone(pick: Pick, country: CountryCode, mobile = false): { international: string; national: string; e164: string } {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const length = 7 + pick.int(5);
    const national = pick.digits(length);
    if (validatePhoneNumberLength(national, country) !== undefined) continue;
    const parsed = parsePhoneNumberFromString(national, country);
    if (!parsed?.isValid() || (mobile && parsed.getType() !== 'MOBILE')) continue;
    return { international: parsed.formatInternational(), national: parsed.formatNational(), e164: parsed.number };
  }
  throw new Error(`no valid ${country} number drawn`);
}
