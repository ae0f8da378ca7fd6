import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { REPO_ROOT, startCodeServer } from './codeServer';
import { extensionHostLogs, logMessages, unhandledRejections } from './extensionHostLog';
import { scanForSecrets } from './secretScan';
import { openWorkbench, testRunUrl } from './workbench';

/**
 * Runs test/integration inside a real extension host: code-server's web workbench accepts the
 * @vscode/test-electron options (extensionDevelopmentPath, extensionTestsPath) in its URL payload,
 * and reports the suite's exit code through window.codeAutomationExit — the only place the real
 * result appears, so a hard timeout guards it.
 */
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 15 * 60_000);

async function main(): Promise<number> {
  const started = Date.now();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-workspace-'));
  const server = await startCodeServer({ folder });
  const testsPath = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index');
  let workbench: Awaited<ReturnType<typeof openWorkbench>> | undefined;
  try {
    const exitCode = new Promise<number>((resolve) => {
      const url = testRunUrl(server.url, folder, REPO_ROOT, testsPath);
      void openWorkbench(url, {
        beforeLoad: async (page) => {
          await page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
          await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => printLog(type, args));
        },
      }).then((opened) => (workbench = opened));
    });
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`Integration tests did not finish within ${TIMEOUT_MS / 1000} s.`);
        resolve(2);
      }, TIMEOUT_MS).unref(),
    );
    let code = await Promise.race([exitCode, timeout]);
    await workbench?.close();
    workbench = undefined;
    // After the operations: no private key and no token may have been written where VS Code and the
    // extension keep their files (settings, logs, storage). SecretStorage lives in the browser here.
    const findings = [
      ...scanForSecrets([server.dataDir]),
      // And nothing in the temp folder written during the run, apart from the workspace (the tests put
      // key files there, as a user would) and the browser's profile, which is where code-server keeps
      // SecretStorage. node_modules trees are nobody's output.
      ...scanForSecrets([os.tmpdir()], {
        modifiedSince: started,
        exclude: [folder, server.dataDir, /playwright_chromiumdev_profile-/, /[\\/]node_modules$/],
      }),
    ];
    for (const finding of findings) {
      console.error(`Secret written to disk: ${finding.what} in ${path.relative(server.dataDir, finding.file)}`);
    }
    console.log(
      `secret scan: ${findings.length === 0 ? 1 : 0} passed, ${findings.length === 0 ? 0 : 1} failed (${server.dataDir} and files changed in ${os.tmpdir()} during the suite)`,
    );
    if (findings.length > 0 && code === 0) {
      code = 1;
    }
    // The suite also collects rejections in-process; this reads what reached the extension host's log
    // files and its console (which the workbench forwards here).
    const logs = extensionHostLogs(server.dataDir);
    const markers = [REPO_ROOT, 'cfcerts.cloudflare-certificates'];
    const rejections = [
      ...logs.flatMap((file) => unhandledRejections(logMessages(file), markers)),
      ...unhandledRejections(consoleMessages, markers),
    ];
    for (const line of rejections) {
      console.error(`Unhandled rejection reported by the extension host: ${line}`);
    }
    const clean = consoleMessages.length > 0 && rejections.length === 0;
    console.log(
      `extension-host log: ${clean ? 1 : 0} passed, ${clean ? 0 : 1} failed (${logs.length} log file(s) and ${consoleMessages.length} console messages read; ${rejections.length} unhandled rejection(s) from the extension)`,
    );
    if (!clean && code === 0) {
      code = 1;
    }
    console.log(`Integration tests (extension host in code-server) exited ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (code !== 0) {
      const log = fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-40).join('\n');
      console.error(`Last lines of the code-server log:\n${log}`);
    }
    return code;
  } finally {
    await workbench?.close();
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Workbench chatter that says nothing about our tests (offline gallery, socket set-up, shutdown). */
const NOISE = [
  /open-vsx\.org/,
  /^Creating a socket/,
  /^Resolv(ing|ed) connection token/,
  /Long running operations during shutdown/,
  /^Updating additional builtin/,
  /^\[Service Worker\]/,
  /ChatSessionStore/,
  /vsda/,
];

/** Everything the extension host and the workbench logged to the console, for the rejection check. */
const consoleMessages: string[] = [];

function printLog(type: string, args: unknown[]): void {
  const text = format(...args);
  consoleMessages.push(text);
  if (NOISE.some((pattern) => pattern.test(text))) {
    return;
  }
  (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
}

/**
 * Without a grep: every suite in one window, then the soak in a window of its own. The soak measures
 * the extension host's heap over 1,000 refreshes; after the sixteen other suites in the same window it
 * grew 82 MB (92.7 → 175 MB) where, alone or after the workspace or find suites, it stays flat (60 MB
 * over 400 cycles). Until the cause is found (CONTRIBUTING.md, Reliability), it is measured in a host
 * no other suite has used, so what it asserts is the extension's own growth.
 */
async function everySuite(): Promise<number> {
  if (process.env.INTEGRATION_GREP) {
    return main();
  }
  process.env.INTEGRATION_GREP = '^Soak';
  process.env.INTEGRATION_INVERT = '1';
  const others = await main();
  delete process.env.INTEGRATION_INVERT;
  const soak = await main();
  return others || soak;
}

everySuite().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
