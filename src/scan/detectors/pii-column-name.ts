import type { Detector } from './detector.js';
import { maskAfter } from './mask.js';

/**
 * Column names that say what a column holds, written as they are compared: lower case, no accents, no
 * separators (`E-Mail`, `e_mail` and `eMail` all become `email`). English first, then the German, French,
 * Spanish, Italian and Dutch words datasets use. Words that mean something else as often (`name`, `nom`,
 * `nombre` is "number" in French, `cell`, `pan`) are left out.
 */
const PII_COLUMN_WORDS = [
  // contact
  'email', 'emailaddress', 'mail', 'courriel', 'correo', 'correoelectronico',
  'phone', 'phonenumber', 'phoneno', 'mobile', 'mobilenumber', 'mobilephone', 'cellphone', 'telephone', 'tel', 'fax', 'msisdn',
  'telefon', 'telefonnummer', 'handy', 'telefono', 'telefoonnummer', 'portable',
  'address', 'streetaddress', 'homeaddress', 'postaladdress', 'street', 'postcode', 'postalcode', 'zipcode',
  'adresse', 'anschrift', 'strasse', 'direccion', 'indirizzo', 'adres',
  'ip', 'ipaddress', 'ipaddr', 'ipv4', 'ipv6', 'remoteaddr',
  // names
  'firstname', 'lastname', 'fullname', 'givenname', 'familyname', 'middlename', 'maidenname', 'surname', 'forename',
  'vorname', 'nachname', 'prenom', 'apellido', 'apellidos', 'cognome', 'voornaam', 'achternaam',
  // birth
  'dob', 'dateofbirth', 'birthdate', 'birthday', 'geburtsdatum', 'datedenaissance', 'fechadenacimiento', 'datadinascita', 'geboortedatum',
  // identifiers
  'ssn', 'socialsecuritynumber', 'nationalid', 'nationalidnumber', 'nino', 'nationalinsurancenumber', 'taxid', 'passport', 'passportnumber',
  'passportno', 'driverslicense', 'driverlicense', 'dni', 'nie', 'nif', 'nir', 'codicefiscale', 'steuerid', 'bsn', 'personnummer',
  // money
  'iban', 'accountnumber', 'bankaccount', 'creditcard', 'cardnumber', 'ccnumber',
];

/** Whole names only (`zip`, a common archive column, does not end a longer name). */
const WHOLE_ONLY = new Set(['zip']);

const WORDS = new RegExp(`^(?:${[...PII_COLUMN_WORDS, ...WHOLE_ONLY].join('|')})$`);

/** Qualifiers before `address` that make it a machine's, not a person's. */
const MACHINE_ADDRESS = /(?:^|_)(?:mac|wallet|contract|memory|base|server|host|url|web|hardware|broadcast)_address$/;

/** `userEmail`, `User-E-Mail`, `Prénom` → `user_email`, `user_e_mail`, `prenom`. */
function words(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** The name a column path ends with: `user.contact.email` → `email`, `tags[]` → `tags`. */
const leafOf = (path: string): string => path.replace(/(?:\[\])+$/, '').split('.').pop() ?? path;

/**
 * True when a column's name says it holds personal data: the whole name (`email`, `e_mail`, `dob`) or its
 * last one to four words (`customer_email`, `billing_address`, `patient_date_of_birth`, `client_ip`).
 */
export function isPiiColumnName(path: string): boolean {
  const parts = words(leafOf(path).slice(0, 128));
  if (parts.length === 0) return false;
  if (WORDS.test(parts.join(''))) return true;
  if (MACHINE_ADDRESS.test(parts.join('_'))) return false;
  for (let take = 1; take <= Math.min(4, parts.length - 1); take++) {
    const tail = parts.slice(parts.length - take).join('');
    if (!WHOLE_ONLY.has(tail) && WORDS.test(tail)) return true;
  }
  return false;
}

/**
 * The column-name detector: a dataset column whose name says PII (`full_name`, `dob`, `phone`) is reported
 * once, with the rows whose values no other detector matched (names, dates, free text), at medium
 * confidence. It reads column names, never lines of text, so its prefilter refuses every line; the dataset
 * readers run it (see `isPiiColumnName`). Listed with the detectors so the rules hash covers its word list.
 */
export const piiColumnName: Detector = {
  id: 'pii-column-name',
  kind: 'pii',
  version: 1,
  pattern: WORDS,
  prefilter: () => false,
  validate: () => undefined,
  // The first character whole, even when it is outside the BMP.
  mask: (value) => maskAfter(value, (value.codePointAt(0) ?? 0) > 0xffff ? 2 : 1),
};
