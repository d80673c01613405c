/**
 * Export benchmark (issue 15): a 60-paragraph ILACS report written as a Word
 * document (check, lay out, pack the .docx: target under 100 ms), the part of
 * that which is the .docx alone, and the Markdown preview of the same report.
 * bench/run.ts calls benchExport(); the report is made here, not read from disk.
 */
import MarkdownIt from 'markdown-it';
import { exportDocx, modelToDocx } from '../server/src/export/index';
import { reportPreview } from '../server/src/export/preview';
import { parseReport } from '../server/src/model/parse';
import { builtinProfiles } from '../server/src/io/builtinData';
import type { BenchOptions, BenchRow } from './types';
import { data } from '../test/helpers/data';

const SECTIONS = [
  'The experiences and progress of children who need help and protection: good',
  'The experiences and progress of children in care: good',
  'The experiences and progress of care leavers: good',
  'The impact of leaders on social work practice with children and families: good',
];

/** A clean 2024 ILACS report with `paragraphs` numbered paragraphs of about 70 words each. */
export function sixtyParagraphReport(paragraphs = 60): string {
  const out = [
    '---', 'report: ilacs', 'authority: Benchshire County Council', 'inspection-dates: 2024-03-04 to 2024-03-15',
    'published: 2024-04-26', 'lead-inspector: Sam Example', '---', '',
    "# Inspection of Benchshire local authority children's services", '',
    'Inspection dates: 4 to 15 March 2024', '', "Lead inspector: Sam Example, His Majesty's Inspector", '',
    '| Judgement | Grade |', '| --- | --- |',
    '| The impact of leaders on social work practice with children and families | Good |',
    '| The experiences and progress of children who need help and protection | Good |',
    '| The experiences and progress of children in care | Good |',
    '| The experiences and progress of care leavers | Good |',
    '| Overall effectiveness | Good |', '',
    'Children in Benchshire receive help that is well matched to their needs, and leaders know their services well.', '',
    '## What needs to improve?', '',
    '- The timeliness of initial health assessments for children coming into care.',
    '- The consistency of management oversight in the assessment teams.', '',
  ];
  const per = Math.ceil(paragraphs / SECTIONS.length);
  let n = 0;
  for (const heading of SECTIONS) {
    out.push(`## ${heading}`, '');
    for (let i = 0; i < per && n < paragraphs; i++) {
      n++;
      out.push(`${n}. Social workers visit children regularly and see them on their own. They use direct work well to understand children's experiences, and plans are reviewed in good time by managers who know the children. Partners contribute to plans, and families told inspectors that workers listened to them. Records are clear and written to the child, and the reasons for decisions are recorded so that children can understand them later in life.`, '');
    }
  }
  return out.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => unknown, runs: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export async function benchExport(options: BenchOptions): Promise<BenchRow[]> {
  const text = sixtyParagraphReport(60);
  const profiles = builtinProfiles();
  const model = parseReport(text, 'bench.md', profiles);
  if (model.numbered.length !== 60) throw new Error(`the bench report has ${model.numbered.length} numbered paragraphs, not 60`);
  const first = await exportDocx(text, 'bench.md', { data, profiles });
  if (!first.ok) throw new Error(`the bench report was refused: ${first.reason}`);
  const md = new MarkdownIt({ html: true }).use(reportPreview, { profiles: () => profiles });
  const runs = options.smoke ? 1 : Math.max(10, Math.min(options.runs, 30));
  if (!options.smoke) for (let i = 0; i < 3; i++) await exportDocx(text, 'bench.md', { data, profiles }); // warm up
  const whole = await time(() => exportDocx(text, 'bench.md', { data, profiles }), runs);
  const docx = await time(() => modelToDocx(model), runs);
  const preview = await time(() => md.render(text), runs);
  const kb = Math.round(first.bytes.length / 1024);
  return [
    {
      section: 'export', name: 'export a 60-paragraph report to .docx (check + layout + pack)', median: whole, runs,
      target: '< 100 ms', met: whole < 100, note: `${kb} KB .docx`, data: { paragraphs: 60, bytes: first.bytes.length },
    },
    { section: 'export', name: 'of which layout + pack (.docx from the model)', median: docx, runs },
    { section: 'export', name: 'Markdown preview of the same report (markdown-it + plugin)', median: preview, runs },
  ];
}
