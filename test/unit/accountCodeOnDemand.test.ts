import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CommandId } from '../../src/commandIds';
import { ToolName } from '../../src/tools/toolNames';

/**
 * Activation (src/main.ts, built as esbuild.js builds it) registers everything VS Code asks for by
 * name and loads the account's code only when something needs it. Each case runs in a fresh Node
 * process against the benchmarks' vscode stub, with the registrations recorded, and a stand-in for
 * dist/bundle.js that counts its loads.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const STUB = path.join(ROOT, 'out', 'bench', 'vscodeStub.js');

type BuildOptions = (options: { production: boolean; outdir: string }) => esbuild.BuildOptions;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain JavaScript
const { buildOptions } = require(path.join(ROOT, 'esbuild.js')) as { buildOptions: BuildOptions };

/** The stand-in: what the account's code hands activation, each part saying it was reached. */
const BUNDLE = `(function (exports, require, module) {
exports.activate = () => {
  globalThis.loads = (globalThis.loads || 0) + 1;
  return {
    tree: { getChildren: () => ['a row'], getTreeItem: () => ({}), resolveTreeItem: (item) => item, getParent: () => undefined },
    workspaceTree: { getChildren: () => ['a file'], getTreeItem: () => ({}) },
    details: { provideTextDocumentContent: () => 'details' },
    commands: new Proxy({}, { get: (_, id) => () => 'ran ' + String(id) }),
    tools: new Proxy({}, { get: (_, name) => ({ invoke: () => 'invoked ' + String(name) }) }),
    startEditorFeatures: () => { globalThis.editorFeatures = true; },
    services: { log: 'the services' },
  };
};
exports.deactivate = () => undefined;
})`;

/** Runs in the child: activates with the case's token, mark and documents, then does what it names. */
const CASE = `
const [stubFile, main, caseJson] = process.argv.slice(1);
const options = JSON.parse(caseJson);
require(stubFile).installVscodeStub();
const api = require.cache.vscode.exports;
const commands = {}, tools = {}, providers = {}, focus = [];
const disposable = { dispose() {} };
api.commands = { registerCommand: (id, run) => ((commands[id] = run), disposable), getCommands: async () => [] };
api.lm = { registerTool: (name, tool) => ((tools[name] = tool), disposable) };
api.window = new Proxy(api.window, {
  get: (target, key) =>
    key === 'createTreeView' ? (id, view) => ((providers[id] = view.treeDataProvider), target[key](id, view))
    : key === 'onDidChangeWindowState' ? (listener) => (focus.push(listener), disposable)
    : target[key],
});
const pem = { getText: () => '-----BEGIN CERTIFICATE-----' };
api.workspace = new Proxy(api.workspace, {
  get: (target, key) =>
    key === 'registerTextDocumentContentProvider' ? (scheme, provider) => ((providers[scheme] = provider), disposable)
    : key === 'textDocuments' ? (options.pemOpen ? [pem] : [])
    : target[key],
});
let mark = options.mark;
const context = {
  subscriptions: [],
  secrets: {
    get: () => (options.storageFails ? Promise.reject(new Error('no keyring')) : Promise.resolve(options.token)),
    onDidChange: () => disposable,
  },
  globalState: { get: () => mark },
};
if (options.testHost) context.extensionMode = api.ExtensionMode.Test;
const handle = require(main).activate(context);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
(async () => {
  await settle();
  const report = { atStart: globalThis.loads || 0, commands: Object.keys(commands), tools: Object.keys(tools) };
  if (options.then === 'command') report.answer = commands['cloudflareCertificates.refresh']();
  if (options.then === 'rows') report.answer = providers['cloudflareCertificates.explorer'].getChildren();
  if (options.then === 'tool') report.answer = tools['cloudflareCertificates_listExpiring'].invoke({}, {});
  if (options.then === 'details') report.answer = providers['cloudflare-certificate'].provideTextDocumentContent({});
  if (options.then === 'focus') {
    focus.forEach((listener) => listener({ focused: true }));
    report.afterFocusWithoutMark = globalThis.loads || 0;
    mark = { revision: 1, present: true };
    focus.forEach((listener) => listener({ focused: true }));
  }
  if (options.then === 'handle') {
    // VS Code resolves activate()'s result as a promise would: that must not load the account's code.
    await Promise.resolve(handle);
    report.afterResolve = globalThis.loads || 0;
    report.answer = handle.log;
  }
  if (options.then === 'command') commands['cloudflareCertificates.setToken']();
  await settle();
  report.loads = globalThis.loads || 0;
  report.editorFeatures = globalThis.editorFeatures === true;
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
})();
`;

interface Report {
  atStart: number;
  loads: number;
  commands: string[];
  tools: string[];
  answer?: unknown;
  afterFocusWithoutMark?: number;
  afterResolve?: number;
  editorFeatures: boolean;
}

describe('activation loads the account’s code when something needs it', function () {
  this.timeout(60_000);
  let folder: string;
  const run = (options: Record<string, unknown>): Report => {
    const child = spawnSync(process.execPath, ['-e', CASE, STUB, path.join(folder, 'extension.js'), JSON.stringify(options)], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    assert.equal(child.status, 0, child.stderr);
    return JSON.parse(child.stdout) as Report;
  };

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-on-demand-'));
    await esbuild.build({ ...buildOptions({ production: true, outdir: folder }), entryPoints: { extension: 'src/main.ts' } });
    fs.writeFileSync(path.join(folder, 'bundle.js'), BUNDLE);
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('registers every command and tool at activation, and with no token, no view drawn and no PEM open loads nothing', () => {
    const report = run({});
    assert.deepEqual(report.commands.sort(), Object.values(CommandId).sort());
    assert.deepEqual(report.tools.sort(), Object.values(ToolName).sort());
    assert.equal(report.loads, 0);
  });

  it('loads it once the stored token is read, or when reading it fails (the account then says the storage failed)', () => {
    assert.deepEqual([run({ token: 'a token' }).loads, run({ storageFails: true }).loads], [1, 1]);
  });

  it('loads it for the mark another window left, at activation or when the window gains the focus', () => {
    assert.equal(run({ mark: { revision: 1, present: false } }).loads, 1);
    const report = run({ then: 'focus' });
    assert.deepEqual([report.atStart, report.afterFocusWithoutMark, report.loads], [0, 0, 1]);
  });

  it('loads it once for the first command, and each command runs its own handler', () => {
    const report = run({ then: 'command' });
    assert.deepEqual([report.atStart, report.loads, report.answer], [0, 1, 'ran cloudflareCertificates.refresh']);
  });

  it('loads it when a view asks for its rows, a tool is invoked or a details document is opened', () => {
    const answers = [run({ then: 'rows' }), run({ then: 'tool' }), run({ then: 'details' })];
    assert.deepEqual(
      answers.map((report) => [report.atStart, report.loads, report.answer]),
      [
        [0, 1, ['a row']],
        [0, 1, 'invoked cloudflareCertificates_listExpiring'],
        [0, 1, 'details'],
      ],
    );
  });

  it("gives the test host a handle that loads it on a test's first use, not when VS Code resolves it", () => {
    const report = run({ testHost: true, then: 'handle' });
    assert.deepEqual([report.afterResolve, report.loads, report.answer], [0, 1, 'the services']);
  });

  it('loads it and starts the PEM editor features when a document holding PEM is open', () => {
    const report = run({ pemOpen: true });
    assert.deepEqual([report.loads, report.editorFeatures], [1, true]);
    assert.equal(run({}).editorFeatures, false);
  });
});
