import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';

/**
 * The entry point's code cache (src/codeCacheLoader.ts), built as esbuild.js builds it and run in fresh
 * Node processes, one per start, with a small bundle beside it: each start reports what became of the
 * cache and what the bundle saw.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

type BuildOptions = (options: { production: boolean; outdir: string }) => esbuild.BuildOptions;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain JavaScript
const { buildOptions, bundleOptions } = require(path.join(ROOT, 'esbuild.js')) as {
  buildOptions: BuildOptions;
  bundleOptions: BuildOptions;
};

/** Runs in the child: one start of the extension, then the cache's state once any write has settled. */
const START = `
const [loaderFile, storage] = process.argv.slice(1);
const loader = require(loaderFile);
const subscriptions = [];
const context = { subscriptions, globalStorageUri: storage ? { scheme: 'file', fsPath: storage } : undefined };
const result = loader.loadBundle(context).activate(context);
Promise.resolve(loader.codeCache.written).then(() => {
  process.stdout.write(JSON.stringify({ state: loader.codeCache.state, wrote: loader.codeCache.written !== undefined, result }));
});
`;

interface Start {
  state: string;
  wrote: boolean;
  result: { sibling: number; filename: string; dirname: string };
}

describe('the entry point’s code cache', function () {
  this.timeout(60_000);
  let folder: string;
  let storage: string;
  const cacheFolder = () => path.join(storage, 'code-cache');
  const caches = () => (fs.existsSync(cacheFolder()) ? fs.readdirSync(cacheFolder()) : []);
  const start = (withStorage = true): Start => {
    const child = spawnSync(process.execPath, ['-e', START, path.join(folder, 'extension.js'), withStorage ? storage : ''], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    assert.equal(child.status, 0, child.stderr);
    return JSON.parse(child.stdout) as Start;
  };

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-code-cache-'));
    storage = path.join(folder, 'globalStorage');
    await esbuild.build({ ...buildOptions({ production: true, outdir: folder }), entryPoints: { extension: 'src/codeCacheLoader.ts' } });
    fs.writeFileSync(path.join(folder, 'sibling.js'), 'exports.value = 42;\n');
    // As esbuild.js writes it: the module's body inside the function Node's require() would wrap it in.
    fs.writeFileSync(
      path.join(folder, 'bundle.js'),
      [
        '(function (exports, require, module, __filename, __dirname) {',
        "exports.activate = () => ({ sibling: require('./sibling.js').value, filename: __filename, dirname: __dirname });",
        'exports.deactivate = () => undefined;',
        '})',
      ].join('\n'),
    );
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('without a file-system global storage: loads the bundle beside it, with its own require, and writes nothing', () => {
    const first = start(false);
    assert.deepEqual(first, {
      state: 'off',
      wrote: false,
      result: { sibling: 42, filename: path.join(folder, 'bundle.js'), dirname: folder },
    });
    assert.deepEqual(caches(), []);
  });

  it('writes one cache at the first start and uses it at the next, writing nothing then', () => {
    const first = start();
    assert.equal(first.state, 'none');
    assert.equal(first.wrote, true);
    assert.equal(first.result.sibling, 42);
    const [name] = caches();
    assert.match(name, /^bundle-\d+-\d+-.+\.bin$/);
    assert.deepEqual(caches(), [name]);
    const written = fs.readFileSync(path.join(cacheFolder(), name));
    const second = start();
    assert.deepEqual([second.state, second.wrote, second.result.sibling], ['accepted', false, 42]);
    assert.deepEqual(caches(), [name]);
    assert.ok(fs.readFileSync(path.join(cacheFolder(), name)).equals(written), 'the cache was written again');
  });

  it('replaces a damaged cache (V8 rejects it) and, after a rebuild, the cache of the old bundle', () => {
    const [name] = caches();
    const file = path.join(cacheFolder(), name);
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 200));
    const damaged = start();
    assert.deepEqual([damaged.state, damaged.wrote, damaged.result.sibling], ['rejected', true, 42]);
    assert.deepEqual(start().state, 'accepted');
    fs.appendFileSync(path.join(folder, 'bundle.js'), '// rebuilt\n');
    const rebuilt = start();
    assert.deepEqual([rebuilt.state, rebuilt.wrote], ['none', true]);
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], name);
    assert.equal(start().state, 'accepted');
  });

  it('is given a production bundle written inside its module function, which it compiles as it is', async function () {
    const result = await esbuild.build({ ...bundleOptions({ production: true, outdir: folder }), write: false });
    const text = result.outputFiles.find((file) => file.path.endsWith('bundle.js'))?.text ?? '';
    assert.ok(text.startsWith('(function (exports, require, module, __filename, __dirname) {\n'), text.slice(0, 80));
    assert.ok(text.trimEnd().endsWith('})'), text.slice(-80));
    // The file's value is the module's function (running it needs VS Code's API).
    const module = vm.runInThisContext(text) as unknown;
    assert.equal(typeof module, 'function');
    assert.equal((module as (...args: unknown[]) => void).length, 5);
  });
});
