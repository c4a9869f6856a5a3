import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });
const addresses = (line: string): string[] => matchLine(line, detectors).map((match) => `${match.detector.id} ${match.value}`);

describe('IP addresses in every form, bounded by any punctuation', () => {
  it.each([
    ['[', ']:8080'], ['(', ')'], ['"', '"'], ["'", "'"], ['', ','], ['', ';'], ['', '.'], ['<', '>'],
  ])('finds IPv6 between %s and %s', (open, close) => {
    expect(addresses(`peer ${open}2001:db8:85a3::8a2e:370:7334${close} up`)).toEqual(['ipv6 2001:db8:85a3::8a2e:370:7334']);
    expect(addresses(`peer ${open}93.184.216.34${close} up`)).toEqual(['ipv4 93.184.216.34']);
  });
  it('finds the loopback in brackets with a port', () => {
    expect(addresses('Listening on [::1]:8080')).toEqual(['ipv6 ::1']);
  });
  it('finds a link-local address with its zone id, and masks the zone away', () => {
    const [match] = matchLine('ping6 fe80::a00:27ff:fe4e:66a1%en0 now', detectors);
    expect(match && [match.detector.id, match.value]).toEqual(['ipv6', 'fe80::a00:27ff:fe4e:66a1%en0']);
    expect(match && match.detector.mask(match.value)).toBe('fe80:****');
  });
  it('reports an IPv4-mapped address once, as IPv6', () => {
    expect(addresses('client ::ffff:192.0.2.128 connected')).toEqual(['ipv6 ::ffff:192.0.2.128']);
    expect(addresses('NAT64 64:ff9b::192.0.2.33 seen')).toEqual(['ipv6 64:ff9b::192.0.2.33']);
  });
  it('does not read section numbers, builds, MAC addresses or Haskell signatures as addresses', () => {
    expect(addresses('Chapter 3.1.4.1, section 2.1.1.1, build 10.2.0.1')).toEqual([]);
    expect(addresses('MAC 00:1A:2B:3C:4D:5E; length :: [a] -> Int; std::vector')).toEqual([]);
  });
});
