import { isIP } from 'node:net';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { email } from '../src/scan/detectors/email.js';
import { iban } from '../src/scan/detectors/iban.js';
import { luhnValid, paymentCard } from '../src/scan/detectors/payment-card.js';
import { usSsn } from '../src/scan/detectors/us-ssn.js';

/**
 * Whether a labelled value is a real value of its type by the type's own rules, judged on the value alone
 * (not on its context): the corpus is synthetic (Faker), and some labels are not valid numbers. `reason`
 * says what fails. Phone numbers written without `+` are judged in the bench's default country (US):
 * without a country a national number cannot be validated (German numbering alone accepts most digit runs).
 */
export function labelValidity(type: string, value: string): { valid: boolean; reason?: string } {
  const ok = { valid: true };
  const context = { text: value, index: 0 };
  switch (type) {
    case 'EMAIL_ADDRESS':
      return email.validate(value, context) ? ok : { valid: false, reason: 'not an address' };
    case 'CREDIT_CARD': {
      const digits = value.replace(/\D/g, '');
      if (!luhnValid(digits)) return { valid: false, reason: 'Luhn check fails' };
      return paymentCard.validate(digits, context) ? ok : { valid: false, reason: 'no issuer range for this prefix and length' };
    }
    case 'IBAN_CODE': {
      const compact = value.replace(/\s/g, '').toUpperCase();
      return iban.validate(compact, context) ? ok : { valid: false, reason: 'length or mod-97 check fails' };
    }
    case 'US_SSN': {
      const digits = value.replace(/\D/g, '');
      const dashed = `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
      return digits.length === 9 && usSsn.validate(dashed, { text: dashed, index: 0 }) ? ok : { valid: false, reason: 'area, group or serial not issuable' };
    }
    case 'PHONE_NUMBER': {
      const base = value.replace(/\s*(?:x|ext\.?)\s*\d+$/i, '').replace(/^(\+\d{1,3})\s*\(0\)\s*/, '$1 ').replace(/^00(?=[1-9])/, '+');
      const parsed = parsePhoneNumberFromString(base, 'US');
      if (parsed?.isValid()) return ok;
      return { valid: false, reason: base.startsWith('+') ? 'not a valid number for its country code' : 'national number not valid in the default country (US)' };
    }
    case 'IP_ADDRESS':
      return isIP(value) !== 0 ? ok : { valid: false, reason: 'not an IP address' };
    default:
      return ok;
  }
}
