// The language server's entry point, bundled by esbuild.mjs as dist/server.js.
// VS Code starts it over IPC; other editors run `node dist/server.js --stdio`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from './version';
import { startServer } from './lsp/start';

const USAGE = `inspection-reports language server ${VERSION}

Usage: node server.js --stdio          talk LSP over standard input and output
       node server.js --node-ipc       (used by the VS Code extension)
       node server.js --socket=<port>
       node server.js --version`;

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write(`${USAGE}\n\nNo transport given: add --stdio.\n`);
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
  connection.listen();
}
