import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * `node out/test/harness/privateTmp.js <command> [args…]`: runs the command with TMPDIR pointing at a
 * fresh folder of its own, removed afterwards. The integration runner's secret scan reads "every file
 * written to the temp folder during the suite"; on a machine where other runs share /tmp it would
 * otherwise read their files (another run's workspace keys, a log someone redirected to /tmp). The
 * demo, the browser tests and the benchmarks run in one too: VS Code leaves an empty vscode-ipc-*.sock
 * in the temp folder for every extension host it starts, and these went on piling up in /tmp.
 */
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: privateTmp <command> [args…]');
  process.exit(2);
}
// Short on purpose: code-server's sockets live below it, and a socket path has at most 107 characters.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-t-'));
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, TMPDIR: dir } });
const remove = () => fs.rmSync(dir, { recursive: true, force: true });
// Ctrl+C reaches the child through the terminal; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.once('error', (error) => {
  console.error(`privateTmp: ${command}: ${error.message}`);
  remove();
  process.exit(1);
});
child.once('exit', (code, signal) => {
  remove();
  process.exit(code ?? (signal ? 1 : 0));
});
