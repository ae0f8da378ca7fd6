import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * @vscode/ripgrep's install step downloads rg from GitHub, which is unreachable here. It looks in
 * this cache first, so a tarball holding Debian's /usr/bin/rg satisfies it.
 */
export function provideRipgrepTarball(): void {
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
