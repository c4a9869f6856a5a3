import { describe, expect, it } from '@jest/globals';
import { createLinkPolicy } from '../../../src/trackers/render/index.js';

describe('createLinkPolicy', () => {
  const links = createLinkPolicy({ advisoryHosts: ['security.vendor.example/advisories'], trackerOrigins: ['https://acme.atlassian.net/'] });

  it.each([
    'https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm',
    'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
    'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
    'https://www.cve.org/CVERecord?id=CVE-2021-23337',
    'https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2021-23337',
    'https://security.vendor.example/advisories/VSA-1',
    'https://acme.atlassian.net/browse/ML-1',
  ])('links %s', (url) => {
    expect(links(url)).toBe(new URL(url).href);
  });

  it.each([
    ['a look-alike subdomain', 'https://osv.dev.evil.example/x'],
    ['the allowed host in the query', 'https://evil.example/?osv.dev'],
    ['the allowed host as user info', 'https://user@osv.dev@evil.example/'],
    ['credentials on an allowed host', 'https://user:pass@osv.dev/x'],
    ['plain http', 'http://osv.dev/x'],
    ['another port', 'https://osv.dev:8443/x'],
    ['a Cyrillic look-alike', 'https://оsv.dev/x'],
    ['a GitHub repository', 'https://github.com/evil/repo'],
    ['a path that only starts like the allowed one', 'https://github.com/advisoriesX/1'],
    ['a vendor page outside its path', 'https://security.vendor.example/other'],
    ['another Jira site', 'https://evil.atlassian.net/browse/ML-1'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['something that is not a URL', 'x|http://evil]'],
  ])('refuses %s', (_why, url) => {
    expect(links(url)).toBeUndefined();
  });
});
