import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../emulator/emulator';
import { ensureCodeServer, freePort, REPO_ROOT, startCodeServer } from './codeServer';
import { smokeCheck } from './demoSmoke';
import { createDemoWorkspace } from './demoWorkspace';
import { CODE_SERVER_PACKAGES, ensureSystemPackages, PrerequisiteError } from './systemPackages';

/**
 * `npm run demo`: the emulator with its demo seed and code-server with the packaged extension pointed
 * at it, both on 127.0.0.1. Prints the tokens and, as its last line, the workbench URL; runs until Ctrl+C or
 * SIGTERM, which stop everything it started and remove its temp folders.
 *
 * `npm run demo -- --smoke` (or DEMO_SMOKE=1) starts exactly the same, checks the printed URL and
 * the emulator's zones for demo-token, prints one line and stops: CI's proof that the README's first
 * command works on a fresh clone.
 */
const SMOKE = process.argv.includes('--smoke') || process.env.DEMO_SMOKE === '1';
/** From the end of the code-server install (which has its own limit) to a checked workbench. */
const SMOKE_TIMEOUT_MS = Number(process.env.DEMO_SMOKE_TIMEOUT_MS ?? 120_000);

const controller = new AbortController();
/** Undo steps, newest first, for whatever has started so far. */
const cleanups: Array<() => Promise<void>> = [];
let startup: Promise<void> = Promise.resolve();
let stopping: Promise<void> | undefined;

async function start(): Promise<void> {
  const signal = controller.signal;
  await ensureSystemPackages(CODE_SERVER_PACKAGES);
  // Installed before the clock starts: a first run spends a minute here, with its own progress line.
  await ensureCodeServer({ signal });
  const started = Date.now();
  if (SMOKE) {
    setTimeout(() => fail(`not up and answering within ${SMOKE_TIMEOUT_MS / 1000} s`), SMOKE_TIMEOUT_MS).unref();
  }
  const vsix = path.join(REPO_ROOT, 'out', 'cloudflare-certificates.vsix');
  const emulatorPort = Number(process.env.DEMO_EMULATOR_PORT ?? 0) || (await freePort());
  const workbenchPort = Number(process.env.DEMO_PORT ?? 0) || (await freePort());
  signal.throwIfAborted();
  const emulator = await startEmulator({ port: emulatorPort, seed: 'demo' });
  cleanups.unshift(() => emulator.close());
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-demo-'));
  cleanups.unshift(async () => fs.rmSync(folder, { recursive: true, force: true }));
  await createDemoWorkspace(folder);
  signal.throwIfAborted();
  const server = await startCodeServer({
    folder,
    vsix,
    port: workbenchPort,
    signal,
    settings: { 'cloudflareCertificates.apiBaseUrl': emulator.baseUrl },
  });
  cleanups.unshift(() => server.stop());
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  console.log(`
Cloudflare Certificates demo is running (code-server log: ${server.logFile})
  Emulator:  ${emulator.baseUrl}
  Tokens:    demo-token (every permission), demo-readonly-token (read only)
  Try it:    click "Cloudflare Certificates" in the activity bar, "Set API Token", paste demo-token
  Stop:      Ctrl+C (or kill ${process.pid}) stops the workbench and the emulator and removes the temp folders
  Workbench: ${url}`);
  if (SMOKE) {
    const result = await smokeCheck(url, emulator.baseUrl, signal);
    console.log(`demo smoke: passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result}`);
    void stop(0); // not awaited: stop() waits for this start to return
  }
}

/** Stops whatever has started, once, however many signals arrive, then exits. */
function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    controller.abort();
    // A start still under way notices the abort and removes its own half-made pieces.
    await startup.catch(() => undefined);
    const force = setTimeout(() => process.exit(code || 1), 15_000).unref();
    for (const cleanup of cleanups) {
      await cleanup().catch((error: unknown) => console.error(`demo: cleanup failed: ${String(error)}`));
    }
    clearTimeout(force);
    process.exit(code);
  })();
  return stopping;
}

function fail(reason: string): void {
  console.error(SMOKE ? `demo smoke: FAILED: ${reason}` : `demo: ${reason}`);
  void stop(1);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (!stopping) {
      console.log(`\ndemo: ${signal}, stopping the workbench and the emulator`);
    }
    void stop(0);
  });
}

startup = start();
startup.catch((error: unknown) => {
  if (stopping) {
    return; // stopped on purpose; the abort is not a failure
  }
  // A missing package or a failed install says everything in its message; anything unexpected keeps its stack.
  fail(error instanceof PrerequisiteError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
});
