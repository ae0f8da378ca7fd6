import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** code-server 4.100.3 is VS Code 1.100.3 and the newest release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = findRepoRoot(__dirname);
const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'code-server');
const BIN = path.join(CACHE_DIR, 'node_modules', '.bin', 'code-server');

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
 * @vscode/test-electron caches a downloaded VS Code. Contributors on desktop never need it.
 */
export function ensureCodeServer(): string {
  const marker = path.join(CACHE_DIR, 'installed-version');
  if (fs.existsSync(BIN) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === CODE_SERVER_VERSION) {
    return BIN;
  }
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, CACHE_DIR)} (first run only)…`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(path.join(CACHE_DIR, 'package.json'), '{ "name": "code-server-cache", "private": true }\n');
  provideRipgrepTarball();
  const result = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--dangerously-allow-all-scripts', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: CACHE_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      // code-server's postinstall refuses to run as root without unsafe-perm; node-pty calls `npx node-gyp`.
      env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    },
  );
  if (result.status !== 0 || !fs.existsSync(BIN)) {
    throw new Error('code-server could not be installed (see the npm output above).');
  }
  fs.writeFileSync(marker, CODE_SERVER_VERSION);
  return BIN;
}

/**
 * @vscode/ripgrep's install step downloads rg from GitHub, which is unreachable here. It looks in
 * this cache first, so a tarball holding Debian's /usr/bin/rg satisfies it.
 */
function provideRipgrepTarball(): void {
  const dir = path.join(process.env.TMPDIR ?? '/tmp', 'vscode-ripgrep-cache-1.15.11');
  const tarball = path.join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (fs.existsSync(tarball)) {
    return;
  }
  if (!fs.existsSync('/usr/bin/rg')) {
    throw new Error('ripgrep is missing: install the Debian package "ripgrep" first (.ci/run does).');
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
  fs.copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  fs.mkdirSync(dir, { recursive: true });
  const tar = spawnSync('tar', ['-czf', tarball, '-C', staging, 'rg'], { stdio: 'inherit' });
  fs.rmSync(staging, { recursive: true, force: true });
  if (tar.status !== 0) {
    throw new Error('Could not build the ripgrep tarball for code-server.');
  }
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
  /** Inherit stdout/stderr (the demo) instead of capturing it to a log file. */
  verbose?: boolean;
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
  const bin = ensureCodeServer();
  const port = options.port ?? (await freePort());
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
  for (const vsix of [...(options.vsix ? [options.vsix] : []), ...(options.extraExtensions ?? [])]) {
    const install = spawnSync(bin, [...dirs, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (install.status !== 0) {
      throw new Error(`Installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
    }
  }
  const logFile = path.join(dataDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', ...dirs, options.folder,
  ];
  const child = spawn(bin, args, {
    env,
    stdio: options.verbose ? 'inherit' : ['ignore', log, log],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, logFile);
  return {
    url,
    port,
    dataDir,
    userDataDir,
    logFile,
    stop: async () => {
      await stopProcessGroup(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
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
