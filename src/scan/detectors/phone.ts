import type { CountryCode } from 'libphonenumber-js/core';
import { getCountries, isSupportedCountry, Metadata, parsePhoneNumberFromString as parseWith } from 'libphonenumber-js/core';
// The JS module form of the max metadata: a plain JSON import would need import attributes under ESM.
import metadata from 'libphonenumber-js/metadata.max';
import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskDigits } from './mask.js';
import { namedCountries } from './phone-places.js';

const DATE_LIKE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// Phone words in the languages of most tickets and datasets (`Tel.`, `Telefon`, `téléphone`, `móvil`, `Handy`,
// `cellulare`), and the verbs people put before a number (`call me on`, `reach me at`, `messages to`).
// After a number its kind is named the way signatures and address blocks do: `555 1234 (office)`, `… fax`.
const PHONE_WORD_AFTER = /^\W{0,3}(?:phone|tel\w*|mobile?|cell\w*|fax|office|home|work|desk)\b/i;
const NAME_LIKE = /\p{Lu}\p{Ll}|\p{Lo}/u;
const PHONE_WORD = /(?:phone|tel|tél|mobil|móvil|movil|cell|celular|fax|desk|whatsapp|contact|call|handy|natel|portable|\bmob\b|\bsms\b|dial|\bring\b|messag|answering|reach)/i;
// An extension after the number: `555-2671 x123`, `555-2671 ext. 12`. It belongs to the finding, not to the validation.
const EXTENSION = /\s?(?:x|ext\.?)\s?\d{1,6}$/i;
// `+44 (0)20 7946 0958`: the national trunk prefix shown in brackets after the country code; dialled from abroad it is dropped.
const BRACKETED_TRUNK = /^(\+\d{1,3}) ?\(0\) ?/;

/**
 * Phone numbers are written in a few groups of two or more digits (a leading `1`/country code and the area code
 * after it excepted),
 * with dots not mixed with dashes: `1.2.3.4.5 256.1.1.1` or `12 3 4 5678` is something else.
 */
function hasPhoneGrouping(candidate: string): boolean {
  if (candidate.includes('.') && /[- ]/.test(candidate)) return false;
  const international = candidate.startsWith('+') || candidate.startsWith('00');
  const groups = candidate.replace(/^\+/, '').split(/[ .()-]+/).filter((group) => group.length > 0);
  // After a country code a one-digit area code is normal: `+46 8 928 571 38` (Stockholm), `+33 1 …` (Paris).
  return groups.length <= 6 && groups.every((group, index) => index === 0 || group.length >= 2 || (international && index === 1));
}

/** Where a written number's digit groups end, counted from its last digit: `(415) 555-2671` → 4, 7. Prefix-independent. */
function boundariesFromEnd(written: string): number[] {
  // One pass from the end instead of `split(/\D+/)`: this runs for most digit runs in number-heavy data.
  const at: number[] = [];
  let position = 0;
  let boundary = -1;
  for (let index = written.length - 1; index >= 0; index--) {
    const code = written.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      if (boundary !== -1) at.push(boundary);
      boundary = -1;
      position++;
    } else if (position > 0 && boundary === -1) {
      boundary = position;
    }
  }
  return at;
}

/** ASCII digits in `text`, as `text.replace(/\D/g, '').length` counts them. */
function digitCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/**
 * A national number written in groups must share at least one group boundary with the way the country
 * writes it (libphonenumber's national format): `(415) 555-2671` and `415 5552671` fit US `(415) 555-2671`,
 * `020 7946 0958` and `0207 946 0958` fit GB `020 7946 0958`, but two five-digit numbers side by side
 * (`43210 98765`) fit no US number. Boundaries are counted from the last digit, so prefixes do not matter.
 */
function fitsNationalFormat(candidate: string, formatted: string): boolean {
  const mine = boundariesFromEnd(candidate);
  if (mine.length === 0) return true;
  const theirs = new Set(boundariesFromEnd(formatted));
  return mine.some((boundary) => theirs.has(boundary));
}

interface FormatLike {
  pattern(): string;
}
const hasFormats = (plan: unknown): plan is { formats(): FormatLike[] } =>
  typeof plan === 'object' && plan !== null && 'formats' in plan && typeof plan.formats === 'function';

/**
 * Cheap tests before parsing a national number (a parse costs tens of microseconds, and data is full of digit
 * runs); parsing still decides, these only skip hopeless runs. The digits must be one of the country's
 * national number lengths plus at most three prefix digits (a trunk `0`, a national prefix such as `1` or
 * `06`); and a grouped number must end a group where one of the country's formats can (from the end, when
 * every format's groups but the first have fixed sizes, as in the US, UK or France).
 */
function nationalPrechecks(country: CountryCode): { length(digits: number): boolean; grouping(candidate: string): boolean } {
  const metadataOf = new Metadata(metadata);
  metadataOf.selectNumberingPlan(country);
  const plan = metadataOf.numberingPlan;
  const lengths = plan?.possibleLengths() ?? [];
  const ends = new Set<number>();
  let fixed = hasFormats(plan);
  for (const format of hasFormats(plan) ? plan.formats() : []) {
    const groups = [...format.pattern().matchAll(/\(\\d(?:\{(\d+)(,\d*)?\})?\)/g)];
    if (groups.length === 0) fixed = false;
    let position = 0;
    for (let index = groups.length - 1; index > 0; index--) {
      const [, size = '1', range] = groups[index] ?? [];
      if (range !== undefined) fixed = false;
      ends.add((position += Number(size)));
    }
  }
  return {
    length: (digits) => lengths.length === 0 || lengths.some((length) => length <= digits && digits <= length + 3),
    grouping(candidate) {
      if (!fixed) return true;
      const mine = boundariesFromEnd(candidate);
      return mine.length === 0 || mine.some((boundary) => ends.has(boundary));
    },
  };
}

const parsePhoneNumberFromString = (text: string, country?: CountryCode) => parseWith(text, country ? { defaultCountry: country } : {}, metadata);

/** How many numbers per text (a line, or a batch of lines) may be tried in every country. */
const EVERY_COUNTRY_SEARCHES_PER_TEXT = 8;
const EVERY_COUNTRY_ANSWERS = 4096;

type Prechecks = ReturnType<typeof nationalPrechecks>;
const prechecksByCountry = new Map<CountryCode, Prechecks>();
/** Each country's prechecks, made on first use: most scans meet numbers of a few countries only. */
function prechecksOf(country: CountryCode): Prechecks {
  let prechecks = prechecksByCountry.get(country);
  if (prechecks === undefined) prechecksByCountry.set(country, (prechecks = nationalPrechecks(country)));
  return prechecks;
}

let everyCountry: readonly CountryCode[] | undefined;
const allCountries = (): readonly CountryCode[] => (everyCountry ??= getCountries(metadata));

/**
 * Whether `candidate` (national, without extension) is a valid number of `country`, grouped the way that
 * country writes its numbers when it is grouped at all.
 */
function validIn(candidate: string, digits: number, grouped: boolean, country: CountryCode, precheck: Prechecks): boolean {
  if (!precheck.length(digits) || !precheck.grouping(candidate)) return false;
  const national = parsePhoneNumberFromString(candidate, country);
  return national?.isValid() === true && (!grouped || fitsNationalFormat(candidate, national.formatNational()));
}

/** Whether `code` is an ISO 3166 country with a numbering plan the phone detector can validate against. */
export const isPhoneCountry = (code: string): code is CountryCode => isSupportedCountry(code as CountryCode, metadata);

export interface PhoneOptions {
  /** ISO 3166-1 alpha-2 country used for numbers written without a `+` prefix, e.g. `GB`. */
  defaultCountry?: CountryCode | undefined;
  /** More countries whose national numbers count, tried after `defaultCountry`, for datasets that mix countries. */
  alsoCountries?: readonly CountryCode[] | undefined;
}

/**
 * Phone numbers, validated by libphonenumber-js (the max metadata: per-country number patterns, not only
 * lengths). Numbers in international form (`+44 20 7946 0958`, `0044 …`) are `high`, whatever the country.
 * National numbers are `medium` and count in the configured countries when grouped (`(415) 555-2671`,
 * `020 7946 0958`); a bare digit run such as `4155552671` is far more often an id than a phone, so it counts
 * only next to a phone word or in a phone column. A national number of another country counts when the text
 * says which: a country or city named near it (`Berlin office: 030 12345678`, tried in Germany), or a phone
 * word before it (`Telefon: 030 901820`, tried in every country, grouped the way that country writes it).
 */
export function createPhoneDetector({ defaultCountry = 'US', alsoCountries = [] }: PhoneOptions = {}): Detector {
  const countries = [defaultCountry, ...alsoCountries.filter((country) => country !== defaultCountry)];
  const plans = countries.map((country) => ({ country, precheck: nationalPrechecks(country) }));
  // Trying every country costs about a millisecond a number; a line packed with `tel 12 34 56 78` would make a
  // 1 MiB line take a minute. So each text gets a few such searches; after them, the named countries decide.
  // Answers kept for numbers seen again (a phone column repeats numbers; identical lines must agree).
  const everyCountryAnswers = new Map<string, boolean>();
  let searchedText: string | undefined;
  let searchesLeft = 0;
  const mayTryEveryCountry = (text: string): boolean => {
    if (text !== searchedText) {
      searchedText = text;
      searchesLeft = EVERY_COUNTRY_SEARCHES_PER_TEXT;
    }
    return searchesLeft-- > 0;
  };
  return {
    id: 'phone',
    kind: 'pii',
    version: 5,
    weak: true,
    variant: `country=${countries.join(',')}`,
    // A number may follow a comma that starts a CSV field (`Office,+41 …`, `Bob,020 7123 4567`), but not
    // a comma inside a number (`1,234,567`): the lookbehinds refuse a digit right before the comma.
    // `tel:+81-3-1234-5678` (RFC 3966 links) is the one place a `+` number may follow a colon directly.
    // The lookbehind follows the `+`, so it runs only where a `+` is.
    pattern: /(?:\+(?<=(?:^|[^\w+/.:-]|tel:)\+)|(?<![\w+/.:-])(?<!\d,)(?:\b00)?)\(?\d[\d ().-]{5,22}\d(?: ?(?:x|ext\.?) ?\d{1,6})?(?![\w/:]|[.-]\d)/gi,
    // French and Belgian numbers come in pairs (`01 42 68 53 00`): no three digits in a row.
    prefilter: (text) => /\d\d\d|\d\d[ .-]\d\d[ .-]\d\d/.test(text),
    validate(found, { text, index, field }) {
      // Most candidates in number-heavy data are national digit runs of an impossible length or grouping. A
      // national candidate without an extension is validated as written, and the checks before these only
      // reject, so rejecting it here first gives the same answer without the regex work below.
      // Only a phone word (a cheap test on a few dozen characters) lets another country's number through.
      const phoneWord = (): boolean =>
        PHONE_WORD.test(text.slice(Math.max(0, index - 40), index)) || PHONE_WORD_AFTER.test(text.slice(index + found.length, index + found.length + 12)) || PHONE_WORD.test(field?.() ?? '');
      if (!found.startsWith('+') && !found.startsWith('00') && !/x/i.test(found)) {
        const count = digitCount(found);
        if (count < 7 || count > 15) return undefined;
        if (!plans.some(({ precheck }) => precheck.length(count) && precheck.grouping(found)) && !/[ ().-]/.test(found) && !phoneWord()) return undefined;
      }
      const candidate = found.replace(EXTENSION, '').replace(BRACKETED_TRUNK, '$1 ');
      const digits = candidate.replace(/\D/g, '');
      if (digits.length < 7 || digits.length > 15) return undefined;
      if (DATE_LIKE.test(candidate) || DOTTED_QUAD.test(candidate) || /\s{2}/.test(candidate)) return undefined;
      if (!hasPhoneGrouping(candidate)) return undefined;
      if (/^[+0]/.test(candidate) && (candidate.startsWith('+') || candidate.startsWith('00'))) {
        const international = parsePhoneNumberFromString(candidate.startsWith('00') ? `+${candidate.slice(2)}` : candidate);
        return international?.isValid() ? verdict('high') : undefined;
      }
      const grouped = /[ ().-]/.test(candidate);
      const worded = phoneWord();
      // A bare digit run is an id more often than a phone, unless a phone word says otherwise.
      if (!grouped && !worded) return undefined;
      if (plans.some(({ country, precheck }) => validIn(candidate, digits.length, grouped, country, precheck))) return verdict('medium');
      // Another country's national number: in the countries named around it, then, after a phone word, in any.
      const around = text.slice(Math.max(0, index - 60), index + found.length + 30);
      // Place names are capitalised (`Berlin`, `New York`) or in a script without case (`東京`): other text names none.
      const named = NAME_LIKE.test(around) ? namedCountries(around, isPhoneCountry) : [];
      if (named.some((country) => validIn(candidate, digits.length, grouped, country, prechecksOf(country)))) return verdict('medium');
      if (!worded) return undefined;
      let valid = everyCountryAnswers.get(candidate);
      if (valid === undefined) {
        if (!mayTryEveryCountry(text)) return undefined;
        valid = allCountries().some((country) => validIn(candidate, digits.length, grouped, country, prechecksOf(country)));
        if (everyCountryAnswers.size >= EVERY_COUNTRY_ANSWERS) everyCountryAnswers.clear();
        everyCountryAnswers.set(candidate, valid);
      }
      return valid ? verdict('medium') : undefined;
    },
    mask: (candidate) => maskDigits(candidate, 2),
  };
}
