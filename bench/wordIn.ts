/**
 * Word in (issue 15): time to import a 60-paragraph Word draft (title page,
 * judgement table, headings, automatic numbering, bullets, a few tracked
 * changes and comments) into the dialect, and to check it as `check
 * draft.docx` does (import in memory, then check). Target: import < 200 ms.
 * bench/run.ts calls benchWordIn(); `node --import tsx bench/wordIn.ts` runs it alone.
 */
import { checkText } from '../server/src/check';
import { importDocx } from '../server/src/import/docx/index';
import { builtinProfiles } from '../server/src/io/builtinData';
import { abstractNum, del, ilacsTitlePage, ins, makeDocx, num, p, run } from '../test/import/docx/make';
import { timeAsync } from './timing';
import type { BenchOptions, BenchRow } from './types';
import { loadBuiltinData } from '../server/src/io/builtinData';

const builtin = loadBuiltinData();

const SECTION = 'word in';
const SENTENCE = 'Social workers visit children regularly and know them well, and their records show clearly how plans are progressing for each child.';

/** A draft of `paragraphs` body paragraphs, spread over the three judgement sections. */
export async function wordDraft(paragraphs = 60): Promise<Uint8Array> {
  const sections = [
    'The experiences and progress of children who need help and protection: inadequate',
    'The experiences and progress of children in care and care leavers: requires improvement to be good',
    'The impact of leaders on social work practice with children and families: requires improvement to be good',
  ];
  const parts = [ilacsTitlePage(), p('Exampleton is improving the help it gives to children.'), p('What needs to improve?', { style: 'Heading2' })];
  for (let b = 0; b < 4; b++) parts.push(p(`Area for improvement ${b + 1}.`, { numId: 2 }));
  const comments: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) parts.push(p(sections[i / 20] ?? sections[2], { style: 'Heading2' }));
    const runs = [run(`${SENTENCE} `), run(SENTENCE)];
    if (i % 10 === 3) runs.push(ins(' An inserted sentence.', 1000 + i), del(' A deleted sentence.', 2000 + i));
    if (i % 15 === 7) {
      comments.push(`<w:comment w:id="${i}" w:author="Ann Example" w:date="2024-05-02T09:00:00Z"><w:p>${run('Is this right?')}</w:p></w:comment>`);
      runs.push(`<w:r><w:commentReference w:id="${i}"/></w:r>`);
    }
    parts.push(p(runs, { numId: 1 }));
  }
  const numbering = abstractNum(0, [{ ilvl: 0, text: '%1.' }]) + num(1, 0) + abstractNum(1, [{ ilvl: 0, fmt: 'bullet', text: '•' }]) + num(2, 1);
  return makeDocx(parts.join(''), { numbering, comments: comments.join('') });
}

export async function benchWordIn(options: BenchOptions): Promise<BenchRow[]> {
  const bytes = await wordDraft(60);
  const first = await importDocx(bytes, { sourceName: 'draft.docx', catalog: builtin.profiles.catalog });
  if (!first.ok) throw new Error(`the bench draft did not import: ${first.reason}`);
  const runs = options.smoke ? 1 : Math.max(10, Math.min(options.runs, 50));
  const warmup = options.smoke ? 0 : 5;
  const profiles = builtinProfiles();
  const imp = (await timeAsync(() => importDocx(bytes, { sourceName: 'draft.docx', catalog: builtin.profiles.catalog }), runs, warmup)).median;
  const checked = (await timeAsync(async () => {
    const r = await importDocx(bytes, { sourceName: 'draft.docx', catalog: builtin.profiles.catalog });
    if (r.ok) checkText(r.markdown, 'draft.docx', { data: builtin, profiles });
  }, runs, warmup)).median;
  const data = { bytes: bytes.length, paragraphs: first.docx.paragraphs.length, markdownBytes: first.markdown.length };
  return [
    { section: SECTION, name: 'import a 60-paragraph .docx', median: +imp.toFixed(2), runs, target: '< 200 ms', met: imp < 200, note: `${(bytes.length / 1024).toFixed(1)} KB .docx`, data },
    { section: SECTION, name: 'check a 60-paragraph .docx (import + check)', median: +checked.toFixed(2), runs, data },
  ];
}

if (require.main === module) {
  benchWordIn({ smoke: false, runs: 30, root: process.cwd(), log: (m) => process.stderr.write(`${m}\n`) }).then((rows) => {
    for (const r of rows) console.log(JSON.stringify(r));
  });
}
