import { Marked } from 'marked';

/** Escapes text for HTML. */
const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * Markdown to HTML with `marked`, for an `[innerHTML]` binding (which Angular sanitizes: a
 * `javascript:` link becomes `unsafe:javascript:…`, `<script>`, `<iframe>` and `on…` attributes
 * are removed). Model output is hostile, so two things are turned off before that: raw HTML in the
 * markdown is shown as text, not parsed, and an image is shown as its alt text and address, not
 * loaded (an image the model writes is a request to any server, with data in its URL).
 */
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escape(text),
    image: ({ href, text }) =>
      `<span class="image-ref">[image: ${escape(text)} ${escape(href)}]</span>`,
  },
});

/** One markdown block (or the growing tail) as HTML, without the whitespace between tags. */
export function renderMarkdown(markdown: string): string {
  return (marked.parse(markdown) as string).trim();
}
