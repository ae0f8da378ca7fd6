import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeContext, installVscodeStub } from './vscodeStub';

/**
 * Run in a fresh process: load the entry point and run activate() against the vscode stub, load the
 * account's code as its first need would, then load the lazy certificate parser, printing the times
 * as JSON. Beside the wall time, the process's own CPU time for all but the parser: on a shared
 * machine the wall time also holds the time other processes had the core.
 */
const dist = path.resolve(__dirname, '..', '..', 'dist');
/** argv: [global storage folder (the code cache's; none: no cache), 'wait' to stay until the cache is written]. */
const [storage, wait] = process.argv.slice(2);
installVscodeStub();
const cpu = process.cpuUsage();
const started = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the bundle is what is measured
const extension = require(path.join(dist, 'extension.js')) as { activate(context: unknown): unknown };
const loaded = performance.now();
// As the extension-test host runs it, so activate() returns the handle whose first use loads the account's code.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the stub installed above, as the bundle sees it
const { ExtensionMode } = require('vscode') as { ExtensionMode: { Test: unknown } };
const handle = extension.activate({ ...(fakeContext(storage) as object), extensionMode: ExtensionMode.Test }) as { tokens: unknown };
const activated = performance.now();
void handle.tokens;
const accountLoaded = performance.now();
const used = process.cpuUsage(cpu);
const x509AtActivation = Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}x509.js`));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the parser's first use
require(path.join(dist, 'x509.js'));
const parser = performance.now();
console.log(
  JSON.stringify({
    loadMs: loaded - started,
    activateMs: activated - loaded,
    accountMs: accountLoaded - activated,
    totalMs: accountLoaded - started,
    cpuMs: (used.user + used.system) / 1000,
    x509Ms: parser - accountLoaded,
    x509AtActivation,
  }),
);
if (wait === 'wait') {
  // The warm-up probe: stays until the loader has written the cache (a few seconds after activation).
  const cache = path.join(storage, 'code-cache');
  const poll = setInterval(() => {
    if (fs.existsSync(cache) && fs.readdirSync(cache).some((entry) => entry.endsWith('.bin'))) {
      clearInterval(poll);
      process.exit(0);
    }
  }, 50);
} else {
  process.exit(0);
}
