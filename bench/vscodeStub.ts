import Module from 'node:module';
import * as path from 'node:path';

/**
 * A stand-in for the `vscode` module so the bundle's activate() can run in plain Node, for a
 * repeatable activation figure. Every property is a callable, constructible, iterable no-op that
 * returns itself; it answers nothing, so only the cost of our own activation code is measured.
 */
// The bundle's ESM interop builds a new object on the module's prototype and copies its own
// properties; a prototype that answers every property lets that copy resolve them too.
const prototype: object = new Proxy({}, { get: (_target, property) => (property === 'then' ? undefined : stub) });
const stub: unknown = new Proxy(function noop() {}, {
  getPrototypeOf: () => prototype,
  get(_target, property) {
    if (property === Symbol.iterator) {
      return function* empty() {};
    }
    if (property === 'then') {
      return undefined;
    }
    if (property === Symbol.toPrimitive) {
      return () => '';
    }
    // No document is open (a stub answering every test as true would open the PEM editor features).
    if (property === 'textDocuments') {
      return [];
    }
    return stub;
  },
  // Assignments (item.name = …) are accepted and forgotten.
  set: () => true,
  defineProperty: () => true,
  apply: () => stub,
  construct: () => stub as object,
});

/**
 * The module's value: the names the real one exports (its top-level declarations in @types/vscode),
 * each the stub. The bundle copies the module's own properties once at load, as it does the real
 * API's, so the names must be there to be copied.
 */
function stubModule(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain JavaScript
  const { vscodeApiNames } = require(path.resolve(__dirname, '..', '..', 'esbuild.js')) as { vscodeApiNames: () => string[] };
  return Object.fromEntries(vscodeApiNames().map((name) => [name, stub]));
}

export function installVscodeStub(): void {
  const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
  (Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stubModule() } as NodeJS.Module;
}

/** An ExtensionContext with just what activate() touches; with global storage only when given a folder (the code cache's). */
export function fakeContext(globalStorage?: string): unknown {
  return {
    subscriptions: [],
    secrets: stub,
    globalState: stub,
    workspaceState: stub,
    extensionUri: stub,
    extensionPath: '',
    globalStorageUri: globalStorage === undefined ? undefined : { scheme: 'file', fsPath: globalStorage },
  };
}
