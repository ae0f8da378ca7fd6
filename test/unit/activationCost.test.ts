import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/**
 * What activating the production bundle does not pay for, checked by building it as esbuild.js does
 * and activating it in a fresh Node process against the benchmarks' vscode stub: no file watcher
 * before the workspace is first scanned, and no Node module loaded for a translation file the
 * extension never reads (@vscode/l10n's fs/promises, 2–3 ms where nothing has loaded it yet), no
 * character outside ASCII in the bundle, no parse of the extension's whole manifest to load it, and no
 * copy of @vscode/l10n's exports per module that imports it.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const STUB = path.join(ROOT, 'out', 'bench', 'vscodeStub.js');

type BuildOptions = (options: { production: boolean; outdir: string }) => esbuild.BuildOptions;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain JavaScript
const { buildOptions, bundleOptions } = require(path.join(ROOT, 'esbuild.js')) as {
  buildOptions: BuildOptions;
  bundleOptions: BuildOptions;
};

/** Runs in the child: counts createFileSystemWatcher calls and looks at Node's list of loaded modules. */
const PROBE = `
const [stubFile, bundle] = process.argv.slice(1);
const stub = require(stubFile);
stub.installVscodeStub();
const api = require.cache.vscode.exports;
let watchers = 0;
const workspace = api.workspace;
api.workspace = new Proxy(workspace, {
  get: (target, key) => (key === 'createFileSystemWatcher' ? (...args) => { watchers += 1; return target[key](...args); } : target[key]),
});
const fsPromises = () => process.moduleLoadList.includes('NativeModule fs/promises');
const report = { fsPromisesBefore: fsPromises() };
const services = require(bundle).activate({ ...stub.fakeContext(), extensionMode: api.ExtensionMode.Test });
// The test handle's first use loads the account's code (dist/bundle.js), as a stored token would.
void services.tokens;
report.fsPromisesAtActivation = fsPromises();
report.watchersAtActivation = watchers;
void services.workspace.scanner.scan();
report.watchersAfterScan = watchers;
require('node:fs/promises');
report.fsPromisesSeen = fsPromises();
process.stdout.write(JSON.stringify(report));
process.exit(0);
`;

describe('activation of the production bundle', function () {
  let folder: string;
  let report: Record<string, unknown>;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-activation-'));
    // The entry point and the account's code, as esbuild.js builds them; the lazy ones (x509.js,
    // pkcs12.js, fetch.js) are external to both anyway.
    await esbuild.build({ ...buildOptions({ production: true, outdir: folder }), entryPoints: { extension: 'src/main.ts' } });
    await esbuild.build(bundleOptions({ production: true, outdir: folder }));
    const child = spawnSync(process.execPath, ['-e', PROBE, STUB, path.join(folder, 'extension.js')], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    assert.equal(child.status, 0, child.stderr);
    report = JSON.parse(child.stdout) as Record<string, unknown>;
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('creates no file watcher until the workspace is first scanned (and the count sees the one it creates then)', () => {
    assert.equal(report.watchersAtActivation, 0);
    assert.equal(report.watchersAfterScan, 1);
  });

  it('is ASCII only, so the loader reads it as a one-byte string (one other character: about 0.6 ms more in plain Node)', () => {
    // Node decodes pure ASCII on a fast path; one "·" in a regular expression made V8 decode all 200 KB
    // the slow way into a two-byte string. esbuild escapes strings but leaves regular expressions as written.
    for (const file of ['extension.js', 'bundle.js']) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      const offset = text.search(/[^\t\n\r\x20-\x7e]/);
      assert.equal(offset, -1, `a non-ASCII character in ${file}: …${text.slice(offset - 40, offset + 10)}…`);
    }
  });

  it('ships a one-field package.json beside the bundles, so Node finds the module type without parsing the manifest', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')), { type: 'commonjs' });
    const shipped = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(shipped.includes('!dist/package.json'), '.vscodeignore leaves dist/package.json out of the VSIX');
  });

  it("binds @vscode/l10n once: no module's import of it goes through esbuild's __toESM copy", async () => {
    // Unminified, so esbuild's helper keeps its name; without the l10n-once plugin, 44 import sites each
    // made a copy with getters when the bundle loaded (about 0.3 ms of the bundle's top level in plain Node).
    const result = await esbuild.build({
      ...buildOptions({ production: false, outdir: folder }),
      entryPoints: { bundle: 'src/extension.ts' },
      write: false,
    });
    const text = result.outputFiles.find((file) => file.path.endsWith('bundle.js'))?.text ?? '';
    assert.ok(text.includes('l10n-once:@vscode/l10n'), 'the bundle was not built through the plugin');
    assert.equal(text.match(/__toESM\(/g)?.length ?? 0, 0);
  });

  it("does not load Node's fs/promises for @vscode/l10n (and the check sees it once something does)", () => {
    assert.equal(report.fsPromisesBefore, false, 'loaded before the bundle: the check would prove nothing');
    assert.equal(report.fsPromisesAtActivation, false);
    assert.equal(report.fsPromisesSeen, true);
  });
});
