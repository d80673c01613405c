import * as assert from 'assert';
import { escapeMarkdown, excerpt, markdownIt } from '../../server/src/domain/markdown';
import { escapeRegExp } from '../../server/src/domain/text';

describe('domain: the Markdown toolkit', () => {
  it('escapes every character that would be read as markup, the table bar included', () => {
    const raw = 'a*b_c `d` [e](f) <g> h|i \\j';
    const escaped = escapeMarkdown(raw);
    assert.strictEqual(escaped, 'a\\*b\\_c \\`d\\` \\[e\\](f) \\<g\\> h\\|i \\\\j');
    // Rendered, the escaped text is the raw text again: no emphasis, code, link, HTML or cell break.
    const html = markdownIt.renderInline(escaped);
    assert.strictEqual(html, 'a*b_c `d` [e](f) &lt;g&gt; h|i \\j');
    // Inside a table row the bar stays in its cell.
    const table = markdownIt.render(`| A | B |\n| --- | --- |\n| ${escapeMarkdown('x|y')} | z |\n`);
    assert.match(table, /<td>x\|y<\/td>\s*<td>z<\/td>/);
  });

  it('makes an excerpt: one line, no Markdown decoration or comments, cut at a word near the limit', () => {
    assert.strictEqual(excerpt('Short **bold** [link](x.md#para-1)\n\n`code` <!-- a note --> text.', 60), 'Short bold link code text.');
    const long = excerpt('Children wait, too long, for help; '.repeat(10), 40);
    assert.ok(long.length <= 41, long);
    assert.ok(long.endsWith('…'));
    assert.ok(!/[\s,;:.]…$/.test(long), `no punctuation before the ellipsis: ${long}`);
    assert.ok('Children wait, too long, for help; '.repeat(10).startsWith(long.slice(0, -1)), 'cut at a word, nothing rewritten');
    // One long word: cut at the limit itself.
    assert.strictEqual(excerpt('x'.repeat(100), 10), `${'x'.repeat(10)}…`);
    assert.strictEqual(excerpt('a'.repeat(300)).length, 201, 'the default limit is 200');
  });

  it('has one markdown-it set-up: HTML blocks on, no typographer, no linkify', () => {
    assert.match(markdownIt.render('<!-- c -->\n'), /<!-- c -->/);
    assert.strictEqual(markdownIt.renderInline('"quotes" -- www.example.com'), '&quot;quotes&quot; -- www.example.com');
  });

  it('escapes a string for a RegExp', () => {
    const s = 'a.b*c+(d)?[e]{f}|g^h$i\\j';
    assert.ok(new RegExp(`^${escapeRegExp(s)}$`).test(s));
    assert.ok(!new RegExp(`^${escapeRegExp('a.b')}$`).test('axb'));
  });
});
