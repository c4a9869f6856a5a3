import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/env.js';

describe('ADVISORY_LINK_HOSTS', () => {
  it('adds no vendor pages when unset or empty', () => {
    expect(loadConfig({}).advisoryLinkHosts).toEqual([]);
    expect(loadConfig({ ADVISORY_LINK_HOSTS: ' ' }).advisoryLinkHosts).toEqual([]);
  });

  it('reads hosts and host/path prefixes, lower-casing only the host', () => {
    const config = loadConfig({ ADVISORY_LINK_HOSTS: ' Security.Vendor.example/Advisories , msrc.microsoft.com,' });
    expect(config.advisoryLinkHosts).toEqual(['security.vendor.example/Advisories', 'msrc.microsoft.com']);
  });

  it.each(['https://vendor.example', 'vendor.example:8443', '*.vendor.example', 'localhost'])('refuses %s with a message naming the variable', (value) => {
    expect(() => loadConfig({ ADVISORY_LINK_HOSTS: value })).toThrow(/ADVISORY_LINK_HOSTS[\s\S]*host names/);
  });
});
