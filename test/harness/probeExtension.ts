import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer';

/** The second, unrelated extension of the browser tests (plain JavaScript, no build step). */
export const PROBE_SOURCE = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'probeExtension');
export const PROBE_ID = 'cfcertsprobe.exports-probe';
export const PROBE_COMMAND_TITLE = "Exports Probe: Inspect Another Extension's Exports";

export interface PackagedProbe {
  readonly vsix: string;
  /** Where the probe writes its report: give it the setting `cfcertsProbe.reportFile`. */
  readonly reportFile: string;
  dispose(): void;
}

/**
 * Packages the probe with the repository's own vsce (offline, a second or two), from a copy in a
 * temporary folder so nothing is written next to the fixture's sources.
 */
export function packageProbeExtension(): PackagedProbe {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-probe-'));
  const staging = path.join(dir, 'extension');
  fs.cpSync(PROBE_SOURCE, staging, { recursive: true });
  const vsix = path.join(dir, 'exports-probe.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: staging, encoding: 'utf8' },
  );
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`Packaging the probe extension failed:\n${result.stdout}\n${result.stderr}`);
  }
  return {
    vsix,
    reportFile: path.join(dir, 'report', 'probe-report.json'),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
