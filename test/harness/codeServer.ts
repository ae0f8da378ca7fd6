import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLogged, tailOf } from './logged';
import { provideRipgrepTarball } from './ripgrepTarball';
import { CODE_SERVER_PACKAGES, ensureSystemPackages, PrerequisiteError } from './systemPackages';

/** code-server 4.100.3 is VS Code 1.100.3 and the newest release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = findRepoRoot(__dirname);
const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'code-server');
const BIN = path.join(CACHE_DIR, 'node_modules', '.bin', 'code-server');
const LOG_DIR = path.join(REPO_ROOT, '.cache', 'logs');

function findRepoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) || dir.endsWith(`${path.sep}out`)) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json above ${from}`);
    }
    dir = parent;
  }
  return dir;
}

/**
 * Installs code-server into a git-ignored cache folder on first use (about a minute), like
 * @vscode/test-electron caches a downloaded VS Code. Contributors on desktop never need it. The
 * installer's few hundred lines of native-build output go to a log file, shown only if it fails.
 */
export async function ensureCodeServer(options: { signal?: AbortSignal } = {}): Promise<string> {
  const marker = path.join(CACHE_DIR, 'installed-version');
  if (fs.existsSync(BIN) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === CODE_SERVER_VERSION) {
    return BIN;
  }
  await ensureSystemPackages(CODE_SERVER_PACKAGES);
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, 'code-server-install.log');
  const relative = (p: string) => path.relative(process.cwd(), p) || p;
  console.log(
    `Installing code-server ${CODE_SERVER_VERSION} (VS Code 1.100.3) into ${relative(CACHE_DIR)}, first run only, about a minute; npm's output goes to ${relative(logFile)}`,
  );
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(path.join(CACHE_DIR, 'package.json'), '{ "name": "code-server-cache", "private": true }\n');
  provideRipgrepTarball();
  const code = await runLogged(
    'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--dangerously-allow-all-scripts', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: CACHE_DIR,
      logFile,
      label: 'code-server install',
      signal: options.signal,
      timeoutMs: 15 * 60_000,
      // code-server's postinstall refuses to run as root without unsafe-perm; node-pty calls `npx node-gyp`.
      env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    },
  );
  if (options.signal?.aborted) {
    throw new Error('code-server install stopped');
  }
  if (code !== 0 || !fs.existsSync(BIN)) {
    throw new PrerequisiteError(
      `code-server could not be installed (npm exited ${code}); last lines of ${logFile}:\n${tailOf(logFile, 30)}`,
    );
  }
  fs.writeFileSync(marker, CODE_SERVER_VERSION);
  return BIN;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** User settings written before start. */
  settings?: Record<string, unknown>;
  /** A packaged extension to install before start. */
  vsix?: string;
  /** More packaged extensions to install beside it (the browser tests' second, unrelated extension). */
  extraExtensions?: readonly string[];
  port?: number;
  /** Inherit stdout/stderr instead of capturing it to a log file. */
  verbose?: boolean;
  /** Aborting stops the start half-way (the demo's Ctrl+C) and removes what it made. */
  signal?: AbortSignal;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  /** Holds the user-data, extensions and XDG folders of this instance; removed by stop(). */
  readonly dataDir: string;
  readonly userDataDir: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const bin = await ensureCodeServer({ signal: options.signal });
  const port = options.port ?? (await freePort());
  options.signal?.throwIfAborted();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-code-server-'));
  const userDataDir = path.join(dataDir, 'ud');
  const extensionsDir = path.join(dataDir, 'ext');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Without this a walkthrough page covers the editor on first start.
  const settings = { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', ...options.settings };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // code-server writes into the home directory unless every XDG folder points elsewhere.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dataDir, 'config'),
    XDG_DATA_HOME: path.join(dataDir, 'data'),
    XDG_CACHE_HOME: path.join(dataDir, 'cache'),
  };
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const logFile = path.join(dataDir, 'code-server.log');
  let child: ChildProcess | undefined;
  try {
    for (const vsix of [...(options.vsix ? [options.vsix] : []), ...(options.extraExtensions ?? [])]) {
      const install = spawnSync(bin, [...dirs, '--install-extension', vsix], { env, encoding: 'utf8' });
      if (install.status !== 0) {
        throw new Error(`Installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
      }
    }
    const log = fs.openSync(logFile, 'a');
    const args = [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...dirs,
      options.folder,
    ];
    child = spawn(bin, args, { env, stdio: options.verbose ? 'inherit' : ['ignore', log, log], detached: true });
    fs.closeSync(log);
    await waitForHealth(`http://127.0.0.1:${port}`, child, logFile, options.signal);
  } catch (error) {
    // A start that fails or is stopped half-way leaves no server and no temp folder behind.
    if (child) {
      await stopProcessGroup(child);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const running = child;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    userDataDir,
    logFile,
    stop: async () => {
      await stopProcessGroup(running);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${url}/healthz within 60 s`);
}

/** Stops code-server and the extension host it spawned: only the process group we started. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
