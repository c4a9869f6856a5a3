import { base62Crc32 } from '../../bench/secrets-labelled/random-secrets.js';
import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });

/** `detector:confidence` for every finding on a line. */
const found = (line: string): string[] => matchLine(line, detectors).map((match) => `${match.detector.id}:${match.confidence}`);
const ids = (line: string): string[] => matchLine(line, detectors).map((match) => match.detector.id);

// Built at run time so no scanner of this repository flags the fixtures as real secrets.
const token = (...parts: string[]): string => parts.join('');
/** A GitHub-layout token (`ghp_`, `npm_`): 30 characters and their CRC32, as the vendor issues them. */
const checksummed = (prefix: string, body: string): string => `${prefix}${body}${base62Crc32(body)}`;

describe('email', () => {
  it('finds addresses and marks reserved documentation domains low', () => {
    expect(found('contact jane.doe+x@acme-corp.co.uk today')).toEqual(['email:high']);
    expect(found('see a@example.com')).toEqual(['email:low']);
  });
  it('ignores asset names, versions and malformed locals', () => {
    expect(ids('logo@2x.png pkg@1.2.3 .a@b.com, a..b@c.com')).toEqual([]);
  });
});

describe('phone', () => {
  it('accepts international and formatted national numbers', () => {
    expect(found('+44 20 7946 0958')).toEqual(['phone:high']);
    expect(found('call (415) 555-2671')).toEqual(['phone:medium']);
  });
  it('accepts a bare digit run only next to a phone word', () => {
    expect(ids('order 4155552671')).toEqual([]);
    expect(found('phone: 4155552671')).toEqual(['phone:medium']);
  });
  it('finds a national number that opens a CSV field, but not digits inside a comma-grouped number', () => {
    expect(ids('Bob,(415) 555-2671,active')).toEqual(['phone']);
    expect(ids('Bob,415-555-2671')).toEqual(['phone']);
    expect(ids('total 1,234,567,890 units')).toEqual([]);
  });
  it('uses the default country for national numbers', () => {
    const gb = createDefaultDetectors({ defaultCountry: 'GB' });
    expect(matchLine('ring 020 7946 0958', gb).map((match) => match.detector.id)).toEqual(['phone']);
  });
  it('accepts a national number valid in any of several countries, and only those', () => {
    const usOnly = createDefaultDetectors({ defaultCountry: 'US' });
    const usAndGb = createDefaultDetectors({ defaultCountry: 'US', alsoCountries: ['GB'] });
    const idsWith = (line: string, set: typeof usOnly) => matchLine(line, set).map((match) => match.detector.id);
    // No phone word or place near them (either would let any country's numbers through, see phone-context tests).
    expect(idsWith('was 020 7946 0958', usOnly)).toEqual([]);
    expect(idsWith('was 020 7946 0958', usAndGb)).toEqual(['phone']);
    expect(idsWith('was (415) 555-2671', usAndGb)).toEqual(['phone']);
    // Valid in neither plan: a 10-digit run starting 0 is no US number, and GB has no 091 area code.
    expect(idsWith('was 091 555 2671', usAndGb)).toEqual([]);
  });
  it('includes an extension in the finding and validates the number before it', () => {
    const [match] = matchLine('call (415) 555-2671 x123 today', detectors);
    expect(match && [match.detector.id, match.value]).toEqual(['phone', '(415) 555-2671 x123']);
    expect(found('+1-415-555-2671ext.45')).toEqual(['phone:high']);
    expect(ids('at (415) 155-2671 x123')).toEqual([]);
  });
  it('accepts the bracketed trunk prefix after a country code and a one-digit area code', () => {
    expect(found('+44 (0)20 7946 0958')).toEqual(['phone:high']);
    expect(found('+46 8 928 571 38')).toEqual(['phone:high']);
    expect(ids('+44 (0)20 7946 095')).toEqual([]);
  });
  it('accepts an international number right after a comma, but not a bare one', () => {
    expect(found('Office,+44 20 7946 0958')).toEqual(['phone:high']);
    expect(ids('total,4155552671')).toEqual([]);
  });
  it('rejects a national number whose groups share no boundary with how the country writes it', () => {
    expect(ids('qty 41555 52671')).toEqual([]);
    expect(ids('ref 11310 2255')).toEqual([]);
    expect(found('ring 415 5552671')).toEqual(['phone:medium']);
    const gb = createDefaultDetectors({ defaultCountry: 'GB' });
    expect(matchLine('ring 0207 946 0958', gb).map((match) => match.detector.id)).toEqual(['phone']);
  });
  it('counts desk as a phone word for a bare digit run', () => {
    expect(found('desk: 4155552671')).toEqual(['phone:medium']);
  });
  it('rejects dates, versions, dotted runs and too few digits', () => {
    expect(ids('2021-03-04 04/03/2021 1.2.3.4.5 256.1.1.1 555-12 12 3 4 5678')).toEqual([]);
  });
});

describe('payment-card', () => {
  it('accepts Luhn-valid numbers in issuer ranges, with spaces or dashes', () => {
    expect(found('5425 2334 3010 9903')).toEqual(['payment-card:high']);
    expect(found('2221-0012-3412-3456')).toEqual([]);
    expect(found('visa 4532015112830366')).toEqual(['payment-card:high']);
  });
  it("accepts JCB's legacy 15-digit cards (2131, 1800) but no other 15-digit 21/18 prefix", () => {
    expect(found('card 213100123456783')).toEqual(['payment-card:high']);
    expect(found('card 180000987654326')).toEqual(['payment-card:high']);
    expect(ids('card 213200123456781 card 213100123456784')).toEqual([]);
  });
  it('accepts the wider Maestro range 56–58 with confidence medium', () => {
    expect(found('maestro 581234567898')).toEqual(['payment-card:medium']);
    expect(ids('maestro 581234567897')).toEqual([]);
  });
  it('reports well-known test numbers with confidence low', () => {
    expect(found('4242 4242 4242 4242')).toEqual(['payment-card:low']);
    expect(found('378282246310005')).toEqual(['payment-card:low']);
  });
  it('rejects a bad Luhn digit, unknown issuers, mixed separators and repeated digits', () => {
    expect(ids('4532015112830367')).toEqual([]);
    expect(ids('9532015112830366 1234567812345670')).toEqual([]);
    expect(ids('4532-0151 1283-0366')).toEqual([]);
    expect(ids('0000000000000000')).toEqual([]);
  });
});

describe('iban', () => {
  it('accepts valid IBANs, compact or grouped by four', () => {
    expect(found('GB82WEST12345698765432')).toEqual(['iban:high']);
    expect(found('IBAN: DE89 3704 0044 0532 0130 00.')).toEqual(['iban:high']);
  });
  it('accepts an IBAN typed wholly in lower case, not one in mixed case', () => {
    expect(found('my iban is gb82west12345698765432')).toEqual(['iban:high']);
    expect(found('gb82 west 1234 5698 7654 32')).toEqual(['iban:high']);
    expect(ids('Gb82WEST12345698765432 gb82west12345698765433')).toEqual([]);
  });
  it('stops at the country length when a word follows', () => {
    const [match] = matchLine('DE89 3704 0044 0532 0130 00 ABCD', detectors);
    expect(match?.end).toBe('DE89 3704 0044 0532 0130 00'.length);
  });
  it('rejects a bad checksum, a wrong length and an unknown country', () => {
    expect(ids('GB82WEST12345698765433 GB82WEST1234569876543 XX82WEST12345698765432')).toEqual([]);
  });
});

describe('us-ssn', () => {
  it('accepts dashed numbers and bare ones next to an SSN word', () => {
    expect(found('536-22-1234')).toEqual(['us-ssn:high']);
    expect(found('SSN 536221234')).toEqual(['us-ssn:medium']);
    expect(ids('order 536221234')).toEqual([]);
  });
  it('rejects area 000, 666 and 9xx, group 00, serial 0000 and advertised numbers', () => {
    expect(ids('000-12-3456 666-12-3456 912-12-3456 536-00-1234 536-22-0000 078-05-1120 219-09-9999')).toEqual([]);
  });
});

describe('ip addresses', () => {
  it('finds IPv4 with public ones medium and private ones low', () => {
    expect(found('from 8.8.8.8 via 10.0.0.1')).toEqual(['ipv4:medium', 'ipv4:low']);
  });
  it('rejects octets above 255, leading zeros and dotted versions', () => {
    expect(ids('256.1.1.1 01.2.3.4 1.2.3.4.5 v1.2.3.4 version 1.2.3.4')).toEqual([]);
  });
  it('finds IPv6 but not times or C++ scopes', () => {
    expect(found('2001:4860:4860::8888')).toEqual(['ipv6:medium']);
    expect(ids('12:30:45 std::vector a::b')).toEqual([]);
  });
});

describe('national identifiers', () => {
  it('accepts a UK National Insurance number and rejects unissued prefixes', () => {
    expect(found('NI AB 12 34 56 C')).toEqual(['uk-nino:high']);
    expect(ids('GB123456A QQ123456C AB123456E')).toEqual([]);
  });
  it('checks the Spanish DNI/NIE letter', () => {
    expect(found('12345678Z X1234567L')).toEqual(['es-dni-nie:high', 'es-dni-nie:high']);
    expect(ids('12345678A X1234567A')).toEqual([]);
  });
  it('checks the French NIR key', () => {
    expect(found('1 85 05 78 006 084 91')).toEqual(['fr-nir:high']);
    expect(found('185057800608491')).toEqual(['fr-nir:high']);
    expect(ids('18505 78006 08491')).toEqual([]);
    expect(ids('1 85 05 78 006 084 92')).toEqual([]);
  });
  it('checks the Italian codice fiscale check letter', () => {
    expect(found('RSSMRA85T10A562S')).toEqual(['it-codice-fiscale:high']);
    expect(ids('RSSMRA85T10A562T')).toEqual([]);
  });
});

describe('secrets', () => {
  it('finds cloud keys', () => {
    expect(found(token('AKIA', 'QWERTYUIOPASDF23'))).toEqual(['aws-access-key-id:high']);
    expect(found(token('AKIA', 'IOSFODNN7EXAMPLE'))).toEqual(['aws-access-key-id:low']);
    expect(found(token('aws_secret_access_key = ', 'Zk8pQ2vL9mN4xR7tY1uW3eS6aD5fG0hJ2kL4mN8p'))).toEqual(['aws-secret-access-key:high']);
    // As a .env file writes it, right after the `=`; AWS's documentation key stays low.
    expect(found(token('AWS_SECRET_ACCESS_KEY=', 'Zk8pQ2vL9mN4xR7tY1uW3eS6aD5fG0hJ2kL4mN8p'))).toEqual(['aws-secret-access-key:high']);
    expect(found(token('AWS_SECRET_ACCESS_KEY=', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'))).toEqual(['aws-secret-access-key:low']);
    // Forty base64 characters followed by padding are part of a longer value, not a key.
    expect(ids(token('secret: ', 'Zk8pQ2vL9mN4xR7tY1uW3eS6aD5fG0hJ2kL4mN8p', '=='))).not.toContain('aws-secret-access-key');
    expect(found(token('AIza', 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'))).toEqual(['google-api-key:high']);
  });
  it('finds source-control and chat tokens', () => {
    expect(found(checksummed('ghp_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5'))).toEqual(['github-token:high']);
    expect(found(token('github_pat_', '11ABCDEFG0123456789abc', '_', 'a1b2c3d4e5f6g7h8i9j0', 'B1c2D3e4F5g6H7i8J9k0L1m2N3o4P5q6R7s8T9u0V1w2X3y4Z5'.slice(0, 39)))).toEqual(['github-token:high']);
    expect(found(token('glpat-', 'xY9zA8bC7dE6fG5hI4jK'))).toEqual(['gitlab-token:high']);
    expect(found(token('xoxb-', '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'))).toEqual(['slack-token:high']);
    expect(found(token('https://hooks.slack.com/services/', 'T0A1B2C3D/B0A1B2C3D/', 'aB3dE5gH7jK9mN1pQ3sT5vW7'))).toEqual(['slack-webhook:high']);
    expect(ids(token('https://hooks.slack.com/services/', 'T00000000/B00000000/', 'X'.repeat(24)))).toEqual([]);
  });
  it('finds payment and AI-provider keys, test-mode Stripe keys low', () => {
    expect(found(token('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'))).toEqual(['stripe-key:high']);
    expect(found(token('sk_test_', '4eC39HqLyjWDarjtT1zdp7dc'))).toEqual(['stripe-key:low']);
    const half = 'Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78'.repeat(3).slice(0, 74);
    expect(found(token('sk-proj-', half, 'T3BlbkFJ', half))).toEqual(['openai-key:high']);
    expect(found(token('sk-ant-api03-', 'Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90'))).toEqual(['anthropic-key:high']);
    expect(found(token('hf_', 'AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh'))).toEqual(['huggingface-token:high']);
    expect(ids('from huggingface_hub import hf_hub_download')).toEqual([]);
  });
  it('finds private key blocks, also inside JSON strings', () => {
    expect(found(token('-----BEGIN ', 'OPENSSH PRIVATE KEY-----'))).toEqual(['private-key:high']);
    expect(found(token('"key": "-----BEGIN ', 'PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"'))).toEqual(['private-key:high']);
  });
  it('finds JWTs whose header names an alg, not any three dotted parts', () => {
    const jwt = token('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.Xq4mN8pL2vR7tY1uW3eS6aD5fG0hJ2kL4mN8pZk8pQ2');
    expect(found(`Authorization: Bearer ${jwt}`)).toEqual(['jwt:high']);
    // jwt.io's example token is in countless tutorials: reported, but low.
    const example = token('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c');
    expect(found(`Authorization: Bearer ${example}`)).toEqual(['jwt:low']);
    expect(ids('eyJub3RhbGciOjF9.eyJzdWIiOiIxIn0.abc')).toEqual([]);
  });
  it('finds high-entropy values assigned to secret-like names and ignores placeholders', () => {
    expect(found('DB_PASSWORD="Zx8!qP2#vL9@mN4$"')).toEqual(['generic-secret:medium']);
    expect(found('"client_secret": "9f8e7d6c5b4a39281706f5e4d3c2b1a0"')).toEqual(['generic-secret:medium']);
    expect(ids('password = "changeme_changeme_1" token=${API_TOKEN_VALUE} secret="<your-secret-token>"')).toEqual([]);
    expect(ids('api_key = "xxxxxxxxxxxxxxxxxxxxxxxx" auth_token = self.settings.auth_token_value')).toEqual([]);
    expect(ids('password: aaaaaaaaaaaaaaaa1')).toEqual([]);
  });
  it('lets a specific detector win over the generic one at the same place', () => {
    expect(ids(token('STRIPE_SECRET_KEY=', 'sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'))).toEqual(['stripe-key']);
  });
});

describe('masking', () => {
  const samples = [
    'jane.doe@acme-corp.co.uk', '+44 20 7946 0958', '5425 2334 3010 9903', 'GB82WEST12345698765432', '536-22-1234', '8.8.8.8',
    '2001:4860:4860::8888', 'AB 12 34 56 C', '12345678Z', '1 85 05 78 006 084 91', 'RSSMRA85T10A562S',
    token('AKIA', 'QWERTYUIOPASDF23'), checksummed('ghp_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5'), token('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
    token('xoxb-', '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'), 'password="Zx8!qP2#vL9@mN4$"',
  ];
  it.each(samples)('never shows %s, nor more than 8 of its characters', (sample) => {
    const [match] = matchLine(sample, detectors);
    expect(match).toBeDefined();
    const masked = match?.detector.mask(match.value) ?? '';
    expect(masked).not.toContain(match?.value);
    const shown = masked.replace(/[^A-Za-z0-9]/g, '').length;
    expect(shown).toBeLessThanOrEqual(8);
  });
  it('masks emails and cards in the documented shapes', () => {
    const mask = (line: string): string[] => matchLine(line, detectors).map((match) => match.detector.mask(match.value));
    expect(mask('john@example.org')).toEqual(['j***@e***.org']);
    expect(mask('4242 4242 4242 4242')).toEqual(['**** **** **** 4242']);
  });
});
