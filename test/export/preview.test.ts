/**
 * The Markdown preview plugin (server/src/export/preview.ts): its HTML for
 * reports of each kind, and that it leaves other Markdown alone. It runs on a
 * plain markdown-it, as VS Code's own would be without its front matter
 * plugin, and with a stand-in of that plugin's front_matter token.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import MarkdownIt from 'markdown-it';
import { reportPreview } from '../../server/src/export/preview';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { ensureBuilt, ROOT } from '../lsp/client';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
type Md = MarkdownIt.MarkdownIt;
const read = (rel: string) => fs.readFileSync(path.join(EXAMPLES, rel), 'utf8');

function engine(): Md {
  return new MarkdownIt({ html: true }).use(reportPreview, { profiles: () => builtinProfiles() });
}

/** VS Code's markdown-it-front-matter, in short: one front_matter token for the block, rendered as nothing. */
function withFrontMatterPlugin(md: Md): Md {
  md.block.ruler.before('table', 'front_matter', (state: MarkdownIt.StateBlock, start: number, _end: number, silent: boolean) => {
    if (start !== 0 || state.src.slice(0, 4) !== '---\n') return false;
    let line = 1;
    while (line < state.lineMax && state.src.slice(state.bMarks[line], state.eMarks[line]) !== '---') line++;
    if (silent) return true;
    const t = state.push('front_matter', '', 0);
    t.map = [0, line + 1];
    state.line = line + 1;
    return true;
  });
  md.renderer.rules.front_matter = () => '';
  return md;
}

describe('preview: a markdown-it plugin that shows a report as printed', () => {
  const ilacs = engine().render(read('drafts/2025-02-ilacs.md'));

  it('wraps a report in one .ir-report block and turns the front matter into a title block', () => {
    assert.strictEqual((ilacs.match(/<div class="ir-report ir-kind-ilacs">/g) ?? []).length, 1);
    assert.ok(ilacs.trimEnd().endsWith('</div>'));
    assert.match(ilacs, /<header class="ir-title-block"><div class="ir-kind">ILACS inspection report<\/div><div class="ir-authority">Wexbridge City Council<\/div><div class="ir-when">Inspection 3 to 14 February 2025 · published 28 March 2025<\/div><div class="ir-people">Lead inspector Daniel Sample<\/div><\/header>/);
    assert.ok(!/report: ilacs|<hr>|inspection-dates/.test(ilacs), 'the raw front matter is not shown');
    assert.match(ilacs, /<h1 class="ir-title">Inspection of Wexbridge City local authority children's services<\/h1>/);
  });

  it('bolds the labels of the lines under the title', () => {
    assert.match(ilacs, /<p class="ir-labelled"><strong class="ir-label">Inspection dates:<\/strong> 3 to 14 February 2025<\/p>/);
    assert.match(ilacs, /<strong class="ir-label">Lead inspector:<\/strong> Daniel Sample/);
  });

  it('marks the judgement table and each grade', () => {
    assert.match(ilacs, /<table class="ir-table ir-judgements">/);
    assert.match(ilacs, /<td class="ir-grade ir-grade-good">Good<\/td>/);
    assert.strictEqual((ilacs.match(/class="ir-grade ir-grade-requires-improvement-to-be-good"/g) ?? []).length, 3);
  });

  it('gives each numbered paragraph its printed number, even where the numbers jump or repeat', () => {
    const values = [...ilacs.matchAll(/<li value="(\d+)"/g)].map((m) => m[1]);
    assert.deepStrictEqual(values.slice(12, 16), ['13', '14', '16', '17'], 'a jump from 14 to 16 stays 16');
    assert.deepStrictEqual(values.filter((v) => v === '27'), ['27', '27'], 'a repeated 27 shows twice');
    assert.strictEqual(values.length, 48);
    assert.match(ilacs, /<ol class="ir-numbered">/);
    assert.ok(!/<ul[^>]*>\s*<li value=/.test(ilacs), 'bullets get no numbers');
  });

  it('shows a link to an earlier finding as a reference', () => {
    assert.match(ilacs, /\(<a href="\.\.\/history\/wexbridge-city\/2019-06-ilacs\.md#para-12" class="ir-ref" title="Earlier finding: [^"]+">2019 inspection, paragraph 12<\/a>\)/);
    const bare = engine().render(read('drafts/2025-02-ilacs.md').replace('[2019 inspection, paragraph 12]', '[#para-12]'));
    assert.match(bare, /class="ir-ref"[^>]*>2019-06-ilacs, paragraph 12<\/a>/, 'a bare id reads as a reference');
    const web = engine().render(read('drafts/2025-02-ilacs.md').replace('../history/wexbridge-city/2019-06-ilacs.md#para-12', 'https://example.org/r'));
    assert.ok(!/href="https:\/\/example\.org\/r" class="ir-ref"/.test(web), 'a web link is not a finding reference');
  });

  it('hangs a scrutiny report\'s N.M numbers in the margin', () => {
    const html = engine().render(read('drafts/2025-04-scrutiny.md'));
    assert.match(html, /<p class="ir-numbered-typed"><span class="ir-num">1\.1<\/span>The committee will be aware/);
    assert.match(html, /<span class="ir-num">2\.4<\/span>/);
    assert.match(html, /<table class="ir-table">/, 'the header table is a plain table');
    assert.match(html, /<div class="ir-when">Children and Young People Scrutiny Committee · meeting 16 April 2025<\/div>/);
  });

  it('lays a letter out as a letter: date and addressee, closing lines marked', () => {
    const html = engine().render(read('drafts/2024-09-monitoring-visit.md'));
    assert.match(html, /<div class="ir-report ir-kind-monitoring-visit ir-letter">/);
    assert.match(html, /<div class="ir-letterhead"><p class="ir-letter-date">8 October 2024<\/p><p class="ir-letter-to">Alison Example<br>Wexbridge City Council<\/p><\/div>/);
    assert.match(html, /<p class="ir-closing">Yours sincerely,<\/p>/);
    assert.match(html, /<div class="ir-people">Inspectors Daniel Sample, Nadia Example<\/div>/);
  });

  it('works the same behind VS Code\'s front matter plugin', () => {
    const md = withFrontMatterPlugin(new MarkdownIt({ html: true }));
    md.use(reportPreview, { profiles: () => builtinProfiles() });
    const html = md.render(read('drafts/2025-02-ilacs.md'));
    assert.strictEqual(html, ilacs);
  });

  it('leaves Markdown that is not a report exactly as it was', () => {
    for (const src of [read('README.md'), '# Notes\n\n1. one\n3. three\n', '---\ntitle: a blog post\n---\n\n# Hello\n', '---\nreport: ilacs\n']) {
      assert.strictEqual(engine().render(src), new MarkdownIt({ html: true }).render(src), src.slice(0, 40));
    }
  });

  it('never throws on broken reports', () => {
    for (const src of ['---\nreport: ilacs\n---\n', '---\nreport: [\n---\n# T\n', '---\nreport: nonsense\n---\n\n1. a\n\n| Judgement |\n|---|\n| x |\n']) {
      assert.doesNotThrow(() => engine().render(src));
    }
  });

  it('is bundled as dist/preview.js for the extension, finding its profiles there', function () {
    this.timeout(120_000);
    ensureBuilt();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(ROOT, 'dist', 'preview.js')) as { extendMarkdownIt(md: Md): Md };
    const html = bundled.extendMarkdownIt(new MarkdownIt({ html: true })).render(read('drafts/2025-02-ilacs.md'));
    assert.strictEqual(html, ilacs);
  });
});
