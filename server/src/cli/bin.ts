import { writeTo } from '../io/stdio';
import { checkFile } from './checkCommand';
import { run } from './main';
import { isCheckWorker, runCheckWorker } from './parallel';

// Output goes through io/stdio.ts, where a reader that stops reading (`... | head`) is not an error.

if (isCheckWorker()) runCheckWorker((file, data, finder) => checkFile(file, data, finder, false));
else Promise.resolve(run(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    writeTo(2, `inspection-reports: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
