import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, startCodeServer } from '../../test/harness/codeServer';
import { openWorkbench, testRunUrl } from '../../test/harness/workbench';
import { ORDER_FILE, RESULT_FILE } from './resultFile';

export interface HostSample {
  /** True when VS Code had activated the extension before the probe could time it. */
  readonly wasActive: boolean;
  /** Whether the empty extension was activated first in this sample (they alternate). */
  readonly baselineFirst: boolean;
  readonly activationMs: number;
  /** Activating an extension that does nothing, in the same extension host: VS Code's own share. */
  readonly baselineActivationMs: number;
  readonly scanMs: number;
  readonly customHostnames: number;
  readonly heapBeforeMb: number;
  readonly heapAfterMb: number;
}

const SAMPLE_TIMEOUT_MS = 180_000;

/**
 * The baseline extension is installed like any user's extension (the workbench takes one development
 * path, which is ours), so it is packaged first.
 */
function packageBaseline(): string {
  const vsix = path.join(REPO_ROOT, '.cache', 'bench', 'activation-baseline.vsix');
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  execFileSync(
    process.execPath,
    [require.resolve('@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '--skip-license', '-o', vsix],
    {
      cwd: path.join(REPO_ROOT, 'bench', 'extensionHost', 'baselineExtension'),
      stdio: 'ignore',
    },
  );
  return vsix;
}

/**
 * Opens code-server `samples` times, each a fresh window with a fresh extension host running
 * hostProbe in place of a test suite, with the API base URL set to the given emulator.
 */
export async function measureInExtensionHost(apiBaseUrl: string, zones: number, samples: number): Promise<HostSample[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-bench-workspace-'));
  // code-server hands its environment to each extension host it starts.
  process.env.BENCH_ZONES = String(zones);
  const server = await startCodeServer({ folder, vsix: packageBaseline(), settings: { 'cloudflareCertificates.apiBaseUrl': apiBaseUrl } });
  const probe = path.join(REPO_ROOT, 'out', 'bench', 'extensionHost', 'hostProbe');
  const results: HostSample[] = [];
  try {
    for (let sample = 0; sample < samples; sample += 1) {
      fs.rmSync(RESULT_FILE, { force: true });
      fs.writeFileSync(ORDER_FILE, JSON.stringify({ baselineFirst: sample % 2 === 1 }));
      let workbench: Awaited<ReturnType<typeof openWorkbench>> | undefined;
      const exitCode = new Promise<number>((resolve) => {
        void openWorkbench(testRunUrl(server.url, folder, REPO_ROOT, probe), {
          beforeLoad: async (page) => {
            await page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
          },
        }).then((opened) => (workbench = opened));
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), SAMPLE_TIMEOUT_MS)));
      const code = await Promise.race([exitCode, timeout]);
      clearTimeout(timer);
      await workbench?.close();
      if (code !== 0 || !fs.existsSync(RESULT_FILE)) {
        const log = fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n');
        throw new Error(`The extension-host probe ${code === -1 ? 'timed out' : `exited ${code}`}.\n${log}`);
      }
      results.push(JSON.parse(fs.readFileSync(RESULT_FILE, 'utf8')) as HostSample);
    }
  } finally {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return results;
}
