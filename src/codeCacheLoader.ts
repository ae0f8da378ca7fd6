import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as vscode from 'vscode';

/**
 * Loads the account's code (dist/bundle.js, built from src/extension.ts) for activation (src/main.ts),
 * with a V8 code cache kept in the extension's global storage. Compiling the bundle is most of what
 * loading it costs, about 10 ms whatever runs of it, and Node 20's require() keeps no cache (VS Code
 * does this for its own code). With the cache, V8 reads the bytecode of everything the first load
 * compiled instead of compiling it again.
 *
 * V8 rejects a cache made by another V8 or for another source length, and the file's name holds the
 * bundle's size and modification time, so a rebuilt or updated bundle never meets an old cache.
 * The cache is only a speed-up: if it cannot be read or written, the bundle compiles as it would.
 */
const BUNDLE = path.join(__dirname, 'bundle.js');

/**
 * What became of the cache in this process: 'off' without a file-system global storage, 'none' when
 * there was none yet, 'accepted' or 'rejected' by V8; `written` settles once a new one is on disk.
 * Read by the loader's unit test; nothing of it reaches other extensions (they see activate()'s result).
 */
export const codeCache: { state: 'off' | 'none' | 'accepted' | 'rejected'; written?: Promise<void> } = { state: 'off' };

/**
 * The bundle's text is a CommonJS module already inside its function (esbuild.js, bundleOptions), so
 * V8 compiles the file's own string: wrapping it here would copy all of it into a new one first.
 */
export function loadBundle<Bundle>(context: vscode.ExtensionContext): Bundle {
  const folder = context.globalStorageUri?.scheme === 'file' ? path.join(context.globalStorageUri.fsPath, 'code-cache') : undefined;
  const stat = fs.statSync(BUNDLE);
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const name = `bundle-${stat.size}-${Math.round(stat.mtimeMs)}-${process.versions.v8}.bin`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = folder ? fs.readFileSync(path.join(folder, name)) : undefined;
  } catch {
    // None yet: this activation makes it.
  }
  const script = new vm.Script(source, { filename: BUNDLE, cachedData });
  const module = { exports: {} as Bundle };
  // The bundle's require is this module's: same folder (its lazy siblings), and VS Code's 'vscode'
  // module, which VS Code hands out by the requiring file's path, finds this extension.
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, BUNDLE, __dirname);
  if (folder) {
    codeCache.state = cachedData === undefined ? 'none' : script.cachedDataRejected === false ? 'accepted' : 'rejected';
  }
  if (folder && codeCache.state !== 'accepted') {
    // Once the caller has run the bundle's activate(), so the cache holds what that compiles (what the
    // next start needs first); made once per bundle and V8, in a few milliseconds.
    let timer: ReturnType<typeof setTimeout> | undefined;
    codeCache.written = new Promise<void>((resolve) => {
      timer = setTimeout(() => void writeCache(script, folder, name).then(resolve, resolve), 0);
    });
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  return module.exports;
}

const call = <T>(run: (done: (error: Error | null, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));

/**
 * Written whole under a temporary name, then renamed, so a crash never leaves half a cache; older
 * caches (of an earlier bundle or V8) are removed. A failure leaves things as they were.
 */
async function writeCache(script: vm.Script, folder: string, name: string): Promise<void> {
  const temporary = path.join(folder, `${name}.${process.pid}.tmp`);
  try {
    await call((done) => fs.mkdir(folder, { recursive: true }, done));
    await call((done) => fs.writeFile(temporary, script.createCachedData(), done));
    await call((done) => fs.rename(temporary, path.join(folder, name), done));
    const entries = (await call<string[]>((done) => fs.readdir(folder, done))) ?? [];
    for (const entry of entries.filter((entry) => entry !== name && !entry.endsWith('.tmp'))) {
      await call((done) => fs.rm(path.join(folder, entry), { force: true }, done));
    }
  } catch {
    await call((done) => fs.rm(temporary, { force: true }, done)).catch(() => undefined);
  }
}
