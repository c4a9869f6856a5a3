import { isPiiColumnName, piiColumnName } from '../../../src/scan/detectors/pii-column-name.js';
import { createDefaultDetectors, rulesSha256 } from '../../../src/scan/index.js';

describe('isPiiColumnName', () => {
  it.each([
    'email', 'e_mail', 'E-Mail', 'eMail', 'email_address', 'userEmail', 'contact.email', 'phone', 'mobile', 'customer_phone_number', 'dob',
    'date_of_birth', 'patientDateOfBirth', 'ssn', 'iban', 'address', 'billing_address', 'first_name', 'lastName', 'full_name', 'ip', 'client_ip',
    'ip_address', 'Prénom', 'Nachname', 'geburtsdatum', 'téléphone', 'fecha_de_nacimiento', 'codice_fiscale', 'Straße',
  ])('says %s names personal data', (name) => {
    expect(isPiiColumnName(name)).toBe(true);
  });

  it.each(['id', 'name', 'product_name', 'file_name', 'mac_address', 'wallet_address', 'zip_archive', 'voicemail_count', 'score', 'text', 'ship', 'tipo', 'email_verified'])(
    'says %s does not',
    (name) => {
      expect(isPiiColumnName(name)).toBe(false);
    },
  );

  it('reads the last key of a path, and a list by its own name', () => {
    expect(isPiiColumnName('user.contact.phone')).toBe(true);
    expect(isPiiColumnName('addresses.street[]')).toBe(true);
    expect(isPiiColumnName('phone.country_code')).toBe(false);
  });
});

describe('the pii-column-name detector', () => {
  it('never matches a line of text, so plain files are scanned as before', () => {
    expect(piiColumnName.prefilter('email: ann@acme.io, full_name: Ann Lee')).toBe(false);
  });

  it('is one of the default detectors, so its word list counts in the rules hash', () => {
    const detectors = createDefaultDetectors();
    expect(detectors).toContain(piiColumnName);
    expect(rulesSha256(detectors)).not.toBe(rulesSha256(detectors.filter((detector) => detector !== piiColumnName)));
  });

  it('masks all but the first character', () => {
    expect(piiColumnName.mask('Ann Lee')).toBe('A******');
    expect(piiColumnName.mask('😀x')).toBe('😀***');
  });
});
