import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../test/harness/codeServer';

/**
 * A bench-only copy of our extension: the files its manifest references, with onStartupFinished
 * taken out of activationEvents, so VS Code never activates it on its own while the probe times
 * the empty extension; only the probe's activate() does. Removed by the returned function.
 */
export function benchCopyOfOurs(): { folder: string; remove: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-bench-extension-'));
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { activationEvents?: string[] };
  manifest.activationEvents = (manifest.activationEvents ?? []).filter((event) => event !== 'onStartupFinished');
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (/^package\.nls(\..+)?\.json$/.test(entry) || ['dist', 'l10n', 'media'].includes(entry)) {
      fs.cpSync(path.join(REPO_ROOT, entry), path.join(folder, entry), { recursive: true });
    }
  }
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/**
 * The empty extension, packaged under `name` (the workbench takes one development path, which is
 * ours, so the others are installed like any user's extension).
 */
export function packageEmptyExtension(name: string): string {
  const vsix = path.join(REPO_ROOT, '.cache', 'bench', `${name}.vsix`);
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-bench-empty-'));
  try {
    fs.cpSync(path.join(REPO_ROOT, 'bench', 'extensionHost', 'baselineExtension'), source, { recursive: true });
    const manifestFile = path.join(source, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, name }, null, 2));
    fs.mkdirSync(path.dirname(vsix), { recursive: true });
    execFileSync(
      process.execPath,
      [require.resolve('@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '--skip-license', '-o', vsix],
      { cwd: source, stdio: 'ignore' },
    );
  } finally {
    fs.rmSync(source, { recursive: true, force: true });
  }
  return vsix;
}
