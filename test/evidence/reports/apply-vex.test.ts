import { applyVex, buildReport, type Finding, type VexDocument, type VexStatement } from '../../../src/evidence/reports/index.js';
import { corpusFile, fixture, reportOf, vexOf, itWithCorpus } from './support.js';

function reportWith(findings: Finding[]) {
  return buildReport({ format: 'trivy', tool: { name: 'Trivy' }, findings, notes: [] });
}

const lodash: Finding = { id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'], package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' }, severity: 'high', source: 'trivy' };

function vex(...statements: VexStatement[]): VexDocument {
  return { format: 'openvex', statements };
}

describe('applyVex', () => {
  it.each(['not_affected', 'fixed'] as const)('suppresses a finding the VEX declares %s and says so', (status) => {
    const result = applyVex(reportWith([lodash]), [vex({ vulnerability: 'CVE-2021-23337', products: ['pkg:npm/lodash@4.17.20'], status, justification: 'vulnerable_code_not_present' })]);
    expect(result.findings[0]?.suppressed).toEqual({ by: 'vex', justification: `${status}: vulnerable_code_not_present` });
    expect(result).toMatchObject({ suppressedCount: 1, highest: 'none', counts: { high: 0 } });
  });

  it.each(['affected', 'under_investigation'] as const)('leaves a finding the VEX declares %s open', (status) => {
    const result = applyVex(reportWith([lodash]), [vex({ vulnerability: 'CVE-2021-23337', products: [], status })]);
    expect(result.findings[0]?.suppressed).toBeUndefined();
    expect(result.counts.high).toBe(1);
  });

  it('matches when the statement names the finding\'s alias, or the finding names the statement\'s alias', () => {
    expect(applyVex(reportWith([lodash]), [vex({ vulnerability: 'ghsa-35jh-r3h4-6jhm', products: [], status: 'not_affected' })]).suppressedCount).toBe(1);
    const bare: Finding = { ...lodash, id: 'GHSA-35jh-r3h4-6jhm', aliases: [] };
    expect(applyVex(reportWith([bare]), [vex({ vulnerability: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'], products: [], status: 'fixed' })]).suppressedCount).toBe(1);
  });

  it('matches products by purl name and version, by name@version and by bare name, and only then', () => {
    const statement = (products: string[]) => vex({ vulnerability: 'CVE-2021-23337', products, status: 'not_affected' });
    const suppressed = (products: string[]) => applyVex(reportWith([lodash]), [statement(products)]).suppressedCount;
    expect(suppressed(['pkg:npm/lodash@4.17.20?foo=bar'])).toBe(1);
    expect(suppressed(['pkg:npm/lodash'])).toBe(1);
    expect(suppressed(['lodash@4.17.20'])).toBe(1);
    expect(suppressed(['lodash'])).toBe(1);
    expect(suppressed(['pkg:npm/lodash@4.17.21'])).toBe(0);
    expect(suppressed(['pkg:npm/underscore@4.17.20'])).toBe(0);
    expect(suppressed(['lodash@4.17.21'])).toBe(0);
  });

  it('matches scoped npm and Maven purls against the names tools report', () => {
    const scoped: Finding = { ...lodash, package: { name: '@babel/traverse', version: '7.22.0' } };
    expect(applyVex(reportWith([scoped]), [vex({ vulnerability: lodash.id, products: ['pkg:npm/%40babel/traverse@7.22.0'], status: 'fixed' })]).suppressedCount).toBe(1);
    const maven: Finding = { ...lodash, package: { name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1' } };
    expect(applyVex(reportWith([maven]), [vex({ vulnerability: lodash.id, products: ['pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'], status: 'not_affected' })]).suppressedCount).toBe(1);
  });

  itWithCorpus('does not suppress by a versioned product when the finding\'s version is unknown', () => {
    const npmAudit = reportOf(corpusFile('npm-audit-report/one-vuln.json'));
    const statement = vex({ vulnerability: 'npm-advisory-1179', products: ['pkg:npm/minimist@1.2.0'], status: 'not_affected' });
    expect(applyVex(npmAudit, [statement]).suppressedCount).toBe(0);
    expect(applyVex(npmAudit, [vex({ ...statement.statements[0]!, products: ['pkg:npm/minimist'] })]).suppressedCount).toBe(1);
  });

  it('applies a statement without products to every finding with that id', () => {
    const other: Finding = { ...lodash, package: { name: 'lodash-es', version: '4.17.20' } };
    expect(applyVex(reportWith([lodash, other]), [vex({ vulnerability: lodash.id, products: [], status: 'not_affected' })]).suppressedCount).toBe(2);
  });

  it('lets the last matching statement decide, across documents in order', () => {
    const notAffected: VexStatement = { vulnerability: lodash.id, products: [], status: 'not_affected' };
    const affected: VexStatement = { vulnerability: lodash.id, products: [], status: 'affected' };
    expect(applyVex(reportWith([lodash]), [vex(notAffected), vex(affected)]).suppressedCount).toBe(0);
    expect(applyVex(reportWith([lodash]), [vex(affected), vex(notAffected)]).suppressedCount).toBe(1);
  });

  it('leaves findings the tool itself suppressed as they are and does not change the input report', () => {
    const report = reportWith([{ ...lodash, suppressed: { by: 'report', justification: 'trivyignore' } }, { ...lodash, id: 'CVE-2020-28500', aliases: [] }]);
    const result = applyVex(report, [vex({ vulnerability: lodash.id, products: [], status: 'fixed' }), vex({ vulnerability: 'CVE-2020-28500', products: [], status: 'fixed' })]);
    expect(result.findings[0]?.suppressed?.by).toBe('report');
    expect(result.findings[1]?.suppressed?.by).toBe('vex');
    expect(report.findings[1]?.suppressed).toBeUndefined();
  });

  it('applies an OpenVEX document to a Trivy report end to end: subcomponent purls, aliases, affected left open', () => {
    const result = applyVex(reportOf(fixture('trivy-image.json')), [vexOf(fixture('openvex.json'))]);
    const byId = new Map(result.findings.map((finding) => [finding.id, finding]));
    expect(byId.get('CVE-2021-23337')?.suppressed).toEqual({ by: 'vex', justification: 'not_affected: vulnerable_code_not_in_execute_path — lodash.template is never called with user input' });
    expect(byId.get('CVE-2024-0727')?.suppressed).toEqual({ by: 'vex', justification: 'fixed' });
    expect(byId.get('CVE-2023-6129')?.suppressed).toBeUndefined();
    expect(byId.get('CVE-2020-28500')?.suppressed).toBeUndefined();
    expect(result.counts).toEqual({ critical: 1, high: 0, moderate: 0, low: 1, info: 0, unknown: 1 });
  });

  itWithCorpus('applies CycloneDX VEX from the CISA examples by bom-ref component name and version', () => {
    const finding: Finding = { id: 'CVE-2021-44228', aliases: [], package: { name: 'ABC', version: '4.2' }, severity: 'critical', source: 'grype' };
    const notAffected = vexOf(corpusFile('cyclonedx-vex-bom-examples/CISA-Case-1/vex-not_affected.json'));
    expect(applyVex(reportWith([finding]), [notAffected]).findings[0]?.suppressed).toEqual({
      by: 'vex',
      justification: 'not_affected: code_not_present — This version of Product ABC is not affected by the vulnerability. Class with vulnerable code was removed before shipping.',
    });
    const otherVersion: Finding = { ...finding, package: { name: 'ABC', version: '4.3' } };
    expect(applyVex(reportWith([otherVersion]), [notAffected]).suppressedCount).toBe(0);
  });
});

describe('VEX documents', () => {
  it('reads OpenVEX statements with products, subcomponents, aliases and impact statements', () => {
    const document = vexOf(fixture('openvex.json'));
    expect(document.format).toBe('openvex');
    expect(document.statements[0]).toEqual({
      vulnerability: 'CVE-2021-23337',
      aliases: ['GHSA-35jh-r3h4-6jhm'],
      products: ['pkg:oci/app@sha256%3Aabc123', 'pkg:npm/lodash@4.17.20'],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      detail: 'lodash.template is never called with user input',
    });
    expect(document.statements.map((statement) => statement.status)).toEqual(['not_affected', 'fixed', 'affected', 'under_investigation']);
  });

  it('reads OpenVEX 0.0.x statements where vulnerability and products are strings', () => {
    const document = vexOf({ '@context': 'https://openvex.dev/ns', statements: [{ vulnerability: 'CVE-2023-1', products: ['pkg:npm/a@1.0.0'], status: 'fixed' }] });
    expect(document.statements).toEqual([{ vulnerability: 'CVE-2023-1', products: ['pkg:npm/a@1.0.0'], status: 'fixed' }]);
  });

  it('maps CycloneDX analysis states, false_positive as not_affected', () => {
    const bom = (state: string) => ({ bomFormat: 'CycloneDX', specVersion: '1.5', vulnerabilities: [{ id: 'CVE-1', analysis: { state }, affects: [{ ref: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg-a' }] }], components: [{ 'bom-ref': 'pkg-a', name: 'a', version: '1', purl: 'pkg:npm/a@1' }] });
    const status = (state: string) => vexOf(bom(state)).statements[0]?.status;
    expect(['not_affected', 'false_positive', 'resolved', 'resolved_with_pedigree', 'exploitable', 'in_triage'].map(status)).toEqual([
      'not_affected', 'not_affected', 'fixed', 'fixed', 'affected', 'under_investigation',
    ]);
    expect(vexOf(bom('false_positive')).statements[0]).toMatchObject({ justification: 'false_positive', products: ['pkg-a', 'pkg:npm/a@1', 'a@1'] });
  });

  it('refuses a CycloneDX SBOM without vulnerabilities, and a CycloneDX scan without any analysis', () => {
    expect(() => vexOf({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [] })).toThrow(/is this an SBOM\?/);
    expect(() => vexOf({ bomFormat: 'CycloneDX', specVersion: '1.5', vulnerabilities: [{ id: 'CVE-1' }] })).toThrow(/scan result in CycloneDX form rather than VEX/);
  });
});
