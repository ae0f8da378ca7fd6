import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runLogged, tailOf } from './logged';

/**
 * The Debian packages the harness needs, by what needs them. code-server's installer compiles the
 * `kerberos` module against libkrb5-dev and takes `rg` from Debian's ripgrep (its own download is
 * unreachable here); the browser tests drive Debian's Chromium.
 */
export const CODE_SERVER_PACKAGES = ['libkrb5-dev', 'ripgrep'] as const;
export const BROWSER_PACKAGES = ['chromium'] as const;

/** Everything the system check touches, so a test can describe any machine. */
export interface SystemProbe {
  /** undefined when this is not a dpkg system: the check cannot tell, so it stays silent. */
  isInstalled(pkg: string): boolean | undefined;
  isRoot(): boolean;
  canApt(): boolean;
  /** apt-get update + install, output to logFile; resolves to apt-get's exit code. */
  install(packages: readonly string[], logFile: string): Promise<number>;
}

/** Something from outside the repository is missing or would not install: its message is the whole story, no stack. */
export class PrerequisiteError extends Error {}

/** Raised (instead of a stack trace from an installer) with the one line a person needs. */
export class MissingSystemPackages extends PrerequisiteError {
  constructor(
    readonly missing: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'MissingSystemPackages';
  }
}

/** The one line: which packages, and the exact command that installs them. */
export function missingPackagesMessage(missing: readonly string[], root: boolean): string {
  const sudo = root ? '' : 'sudo ';
  const noun = missing.length === 1 ? 'package' : 'packages';
  return `Missing Debian ${noun}: ${missing.join(', ')}. Install with: ${sudo}apt-get install -y ${missing.join(' ')}`;
}

export interface EnsureOptions {
  probe?: SystemProbe;
  /** Where apt-get's output goes when the check installs as root. */
  logFile?: string;
  say?: (line: string) => void;
}

/**
 * Checks the packages before anything long starts. As root (CI, a fresh container) it installs what
 * is missing, as .ci/run does; otherwise it throws MissingSystemPackages with the one line.
 */
export async function ensureSystemPackages(needed: readonly string[], options: EnsureOptions = {}): Promise<void> {
  const probe = options.probe ?? debianProbe;
  const say = options.say ?? ((line: string) => console.log(line));
  const missing = () => [...new Set(needed)].filter((pkg) => probe.isInstalled(pkg) === false);
  const before = missing();
  if (before.length === 0) {
    return;
  }
  const root = probe.isRoot();
  if (!root || !probe.canApt()) {
    throw new MissingSystemPackages(before, missingPackagesMessage(before, root));
  }
  const logFile = options.logFile ?? defaultAptLog();
  say(`Installing Debian packages ${before.join(' ')} (running as root; apt-get's output goes to ${logFile})`);
  const code = await probe.install(before, logFile);
  const after = missing();
  if (after.length > 0) {
    const tail = tailOf(logFile, 15);
    throw new MissingSystemPackages(
      after,
      `${missingPackagesMessage(after, root)} (apt-get exited ${code}${tail ? `; last lines of ${logFile}:\n${tail}` : ''})`,
    );
  }
}

function defaultAptLog(): string {
  // The repository's git-ignored cache, not the home directory and not a temp folder the demo owns.
  const dir = path.resolve(__dirname, '..', '..', '..', '.cache', 'logs');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, 'apt-get.log');
}

/** The real machine: dpkg's own record, not a guess from files on disk. */
export const debianProbe: SystemProbe = {
  isInstalled(pkg) {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    if (result.error) {
      return undefined;
    }
    return result.status === 0 && result.stdout.trim().endsWith(' installed');
  },
  isRoot: () => process.getuid?.() === 0,
  canApt: () => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
  async install(packages, logFile) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = await runLogged('apt-get', ['update'], { logFile, env, label: 'apt-get update' });
    if (update !== 0) {
      return update;
    }
    return runLogged('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      logFile,
      env,
      label: 'apt-get install',
      append: true,
    });
  },
};
