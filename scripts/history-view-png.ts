// Renders the history view of an example draft to a PNG for the README, with
// headless Chromium when it is installed:
//   node --import tsx scripts/history-view-png.ts [draft.md] [out.png]
// Defaults: examples/drafts/2025-02-ilacs.md and docs/images/history-view.png.
// The page is the one the language server sends to VS Code (no scripts), in
// VS Code's light theme colours.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { historyPage } from '../server/src/features/historyPage';
import { HistoryIndex, historyView } from '../server/src/history/index';
import { loadHistory } from '../server/src/io/history';
import { data } from '../test/helpers/data';

const root = path.join(__dirname, '..');
const draft = path.resolve(process.argv[2] ?? path.join(root, 'examples', 'drafts', '2025-02-ilacs.md'));
const out = path.resolve(process.argv[3] ?? path.join(root, 'docs', 'images', 'history-view.png'));
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((c) => fs.existsSync(c));
if (!chromium) {
  console.error('No Chromium found (/usr/bin/chromium): nothing rendered.');
  process.exit(0);
}

const index = new HistoryIndex({ data });
loadHistory(index, [path.join(root, 'examples')]);
const report = index.get(draft);
if (!report) {
  console.error(`${draft} is not a report in the examples' history.`);
  process.exit(2);
}
const view = historyView(index, report);
const { html } = historyPage(view, { nonce: 'readme', catalog: data.profiles.catalog, equivalents: index.synonyms.judgements, linkFor: () => '#' });
// Open the grades table too, so that the picture shows it.
const page = html.replace('<details><summary>The grades as a table', '<details open><summary>The grades as a table');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-history-view-'));
const file = path.join(dir, 'history.html');
fs.writeFileSync(file, page);
fs.mkdirSync(path.dirname(out), { recursive: true });
const r = spawnSync(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1',
  `--screenshot=${out}`, '--window-size=1000,1120', `file://${file}`,
], { encoding: 'utf8', timeout: 60_000 });
fs.rmSync(dir, { recursive: true, force: true });
if (r.status !== 0 || !fs.existsSync(out)) {
  console.error(`Chromium failed (${r.status ?? r.signal}):\n${r.stderr}`);
  process.exit(1);
}
console.log(`${out}: ${fs.statSync(out).size} bytes (${view.reports.length} reports, ${view.concerns.length} recurring concerns)`);
