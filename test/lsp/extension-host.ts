// Runs the bundled extension's activate() in this process with a stand-in
// `vscode` module, prints what it registered as JSON, and exits. A separate
// process, so that nothing the language client leaves running can keep a test
// run alive. Used by extension.test.ts: node --import tsx test/lsp/extension-host.ts
import type { ChildProcess, ForkOptions } from 'child_process';
import * as path from 'path';
import Module = require('module');

const ROOT = path.join(__dirname, '..', '..');

const API = ('CallHierarchyIncomingCall CallHierarchyItem CallHierarchyOutgoingCall CancellationError CancellationTokenSource CodeAction '
  + 'CodeActionKind CodeActionTriggerKind CodeLens Color ColorInformation ColorPresentation CompletionItem CompletionItemKind CompletionItemTag '
  + 'CompletionList CompletionTriggerKind Diagnostic DiagnosticRelatedInformation DiagnosticSeverity DiagnosticTag Disposable DocumentHighlight '
  + 'DocumentHighlightKind DocumentLink DocumentSymbol EventEmitter FileType FoldingRange FoldingRangeKind Hover InlayHint InlayHintLabelPart '
  + 'InlineCompletionItem InlineCompletionList InlineCompletionTriggerKind InlineValueEvaluatableExpression InlineValueText '
  + 'InlineValueVariableLookup LinkedEditingRanges Location LogLevel MarkdownString NotebookCellKind ParameterInformation Position '
  + 'ProgressLocation Range RelativePattern SelectionRange SemanticTokens SemanticTokensEdit SemanticTokensEdits SignatureHelp '
  + 'SignatureHelpTriggerKind SignatureInformation SnippetString SnippetTextEdit StatusBarAlignment SymbolInformation SymbolKind SymbolTag '
  + 'TabInputCustom TabInputNotebook TabInputText TabInputTextDiff TextDocumentSaveReason TextEdit ThemeColor TypeHierarchyItem Uri '
  + 'WorkspaceEdit commands env languages window workspace extensions tasks debug tests notebooks scm comments authentication l10n').split(' ');

/**
 * A stand-in for the `vscode` module, enough to run the bundled extension's
 * activate() outside VS Code: it records what the extension registers. Anything
 * not modelled answers with a harmless recording stub.
 */
function fakeVscode() {
  const calls: { path: string; args: unknown[] }[] = [];
  const commands = new Map<string, (...a: unknown[]) => unknown>();
  const stub = (name: string): unknown =>
    new Proxy(function () {}, {
      get(_t, prop) {
        if (prop === 'then') return undefined;
        if (prop === Symbol.iterator) return function* () {};
        if (prop === Symbol.toPrimitive) return () => name;
        return stub(`${name}.${String(prop)}`);
      },
      apply(_t, _this, args) {
        calls.push({ path: name, args });
        if (name.endsWith('.dispose')) return undefined;
        return stub(`${name}()`);
      },
      construct(_t, args) {
        calls.push({ path: `new ${name}`, args });
        return stub(`new ${name}`) as object;
      },
    });
  const statusItem: Record<string, unknown> = { show() { statusItem.shown = true; }, hide() { statusItem.shown = false; }, dispose() {} };
  // Real own properties: bundlers copy a module's own keys (esbuild's __toESM, TypeScript's __importStar).
  const vscode: Record<string, unknown> = {};
  for (const name of API) vscode[name] = stub(name);
  vscode.version = '1.91.0';
  vscode.StatusBarAlignment = { Left: 1, Right: 2 };
  const commandsNs = stub('commands') as Record<string, unknown>;
  vscode.commands = new Proxy(commandsNs, {
    get(_c, p) {
      if (p === 'registerCommand') return (id: string, f: (...a: unknown[]) => unknown) => { commands.set(id, f); return { dispose() {} }; };
      return commandsNs[p as string];
    },
  });
  const windowNs = stub('window') as Record<string, unknown>;
  vscode.window = new Proxy(windowNs, {
    get(_w, p) {
      if (p === 'createStatusBarItem') return (...args: unknown[]) => { calls.push({ path: 'window.createStatusBarItem', args }); return statusItem; };
      if (p === 'createOutputChannel') return (...args: unknown[]) => { calls.push({ path: 'window.createOutputChannel', args }); return stub('output'); };
      return windowNs[p as string];
    },
  });
  return { vscode, calls, commands, statusItem };
}

async function main(): Promise<void> {
  const fake = fakeVscode();
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const original = M._load;
  const forks: { module: string; args: string[]; child: ChildProcess }[] = [];
  M._load = function (req: string, ...rest: unknown[]) {
    if (req === 'vscode') return fake.vscode;
    const real = original.call(this, req, ...rest);
    if (req === 'child_process') {
      const cp = real as typeof import('child_process');
      return {
        ...cp,
        fork: (module: string, args: string[], options: ForkOptions) => {
          const child = cp.fork(module, args, options);
          forks.push({ module, args, child });
          return child;
        },
      };
    }
    return real;
  };
  const result: Record<string, unknown> = {};
  try {
    const loading = Date.now();
    const ext = require(path.join(ROOT, 'dist', 'extension.js')) as { activate(ctx: unknown): void; deactivate(): unknown };
    result.loadMs = Date.now() - loading;
    const subscriptions: unknown[] = [];
    const started = Date.now();
    ext.activate({ subscriptions, asAbsolutePath: (p: string) => path.join(ROOT, p), extensionPath: ROOT });
    result.activationMs = Date.now() - started;
    result.commands = [...fake.commands.keys()].sort();
    result.outputChannel = fake.calls.find((c) => c.path === 'window.createOutputChannel')?.args;
    result.statusBar = fake.calls.find((c) => c.path === 'window.createStatusBarItem')?.args;
    result.statusCommand = fake.statusItem.command;
    result.subscriptions = subscriptions.length;
    // The client starts in the background and forks the bundled server with an IPC channel.
    for (let i = 0; i < 100 && forks.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    result.forks = forks.map((f) => ({ module: f.module, args: f.args }));
    await Promise.race([Promise.resolve(ext.deactivate()).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  } catch (e) {
    result.error = String((e as Error).stack ?? e);
  } finally {
    for (const f of forks) if (f.child.exitCode === null) f.child.kill();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }
}

if (require.main === module) void main();
