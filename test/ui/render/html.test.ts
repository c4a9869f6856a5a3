import { html, trustedHtml } from '../../../src/ui/render/html.js';
import { renderPage } from '../../../src/ui/render/page.js';

describe('html templates', () => {
  it('escapes interpolated text in element content and quoted attributes', () => {
    const hostile = `"><script>alert(1)</script><a href='x'>&`;
    const markup = html`<td title="${hostile}">${hostile}</td>`.markup;
    expect(markup).toBe('<td title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;x&#39;&gt;&amp;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;x&#39;&gt;&amp;</td>');
  });

  it('keeps markup made by the tag, joins lists and drops empty values', () => {
    const rows = ['a<b', 'c'].map((cell) => html`<li>${cell}</li>`);
    expect(html`<ul>${rows}${null}${undefined}${false}${3}</ul>`.markup).toBe('<ul><li>a&lt;b</li><li>c</li>3</ul>');
    expect(html`${trustedHtml('<hr>')}`.markup).toBe('<hr>');
  });

  it('renders a page whose title and signed-in name are escaped, with navigation for the role only', () => {
    const page = renderPage({
      title: '<img src=x onerror=alert(1)>',
      principal: { tokenId: 't', name: 'pm<script>', role: 'viewer', projects: [] },
      csrfToken: 'tok"en',
      current: '/ui/board',
      body: html`<p>hi</p>`,
    });
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('pm<script>');
    expect(page).toContain('value="tok&quot;en"');
    expect(page).toContain('<a href="/ui/board" aria-current="page">Board</a>');
    expect(page).toContain('href="/ui/waivers"');
    // A viewer holds no audit:read, so the audit section is not offered.
    expect(page).not.toContain('href="/ui/audit"');
  });
});
