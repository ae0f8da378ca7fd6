import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, startCodeServer } from '../../test/harness/codeServer';
import { openWorkbench, testRunUrl } from '../../test/harness/workbench';
import type { QuietReport } from '../quietMachine';
import { benchCopyOfOurs, packageEmptyExtension } from './benchExtensions';
import { BASELINE_ID, WARMUP_ID } from './extensionIds';
import { ORDER_FILE, RESULT_FILE } from './resultFile';
import type { ActivationTiming } from './timedActivation';

export interface HostSample {
  /** True when VS Code had activated ours or the empty extension before the probe could time it. */
  readonly wasActive: boolean;
  /** Whether the empty extension went 2nd (right after the warm-up, ours 3rd) in this sample; they alternate. */
  readonly baselineSecond: boolean;
  /** The machine and the host's event loop when the timing began. */
  readonly quiet: QuietReport;
  /** An empty extension activated first, paying the host's one-time first-activation costs. */
  readonly warmup: ActivationTiming;
  readonly ours: ActivationTiming;
  /** Activating an extension that does nothing, in the same host and the same position: VS Code's own share. */
  readonly empty: ActivationTiming;
  readonly scan?: { scanMs: number; customHostnames: number; heapBeforeMb: number; heapAfterMb: number };
  /** Set by the bench: whether ours found a code cache from an earlier window (the first window makes it). */
  codeCache?: boolean;
}

/** Whether any extension's global storage under the server's user data holds a code cache. */
function hasCodeCache(userDataDir: string): boolean {
  const storage = path.join(userDataDir, 'User', 'globalStorage');
  return (
    fs.existsSync(storage) &&
    fs.readdirSync(storage).some((entry) => {
      const cache = path.join(storage, entry, 'code-cache');
      return fs.existsSync(cache) && fs.readdirSync(cache).some((file) => file.endsWith('.bin'));
    })
  );
}

const SAMPLE_TIMEOUT_MS = 180_000;

/**
 * Opens code-server `samples` times, each a fresh window with a fresh extension host running
 * hostProbe in place of a test suite, with the API base URL set to the given emulator (no emulator
 * and zones 0: activation only, no scan).
 */
export async function measureInExtensionHost(apiBaseUrl: string | undefined, zones: number, samples: number): Promise<HostSample[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-bench-workspace-'));
  // code-server hands its environment to each extension host it starts.
  process.env.BENCH_ZONES = String(zones);
  const ours = benchCopyOfOurs();
  const server = await startCodeServer({
    folder,
    vsix: packageEmptyExtension(BASELINE_ID.split('.')[1]),
    extraExtensions: [packageEmptyExtension(WARMUP_ID.split('.')[1])],
    settings: apiBaseUrl ? { 'cloudflareCertificates.apiBaseUrl': apiBaseUrl } : {},
  }).catch((error: unknown) => {
    ours.remove();
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  });
  const probe = path.join(REPO_ROOT, 'out', 'bench', 'extensionHost', 'hostProbe');
  const results: HostSample[] = [];
  try {
    for (let sample = 0; sample < samples; sample += 1) {
      fs.rmSync(RESULT_FILE, { force: true });
      const codeCache = hasCodeCache(server.userDataDir);
      fs.writeFileSync(ORDER_FILE, JSON.stringify({ baselineSecond: sample % 2 === 1 }));
      let workbench: Awaited<ReturnType<typeof openWorkbench>> | undefined;
      const exitCode = new Promise<number>((resolve) => {
        void openWorkbench(testRunUrl(server.url, folder, ours.folder, probe), {
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
      const result = { ...(JSON.parse(fs.readFileSync(RESULT_FILE, 'utf8')) as HostSample), codeCache };
      results.push(result);
      console.log(`Extension host ${sample + 1}/${samples}: ${describeSample(result)}`);
    }
  } finally {
    await server.stop();
    ours.remove();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return results;
}

const ms = (timing: ActivationTiming) =>
  `${timing.ms.toFixed(1)} ms (${timing.cpuMs.toFixed(1)} CPU, then ${timing.afterCpuMs.toFixed(1)} CPU until quiet)`;

function describeSample(sample: HostSample): string {
  const order = sample.baselineSecond ? 'empty 2nd, ours 3rd' : 'ours 2nd, empty 3rd';
  const marks = `require() ${sample.ours.codeLoadingMs ?? '?'} ms, activate() ${sample.ours.activateCallMs ?? '?'} ms`;
  const early = sample.wasActive ? '; VS Code activated one of them first, not timed' : '';
  const cache = sample.codeCache ? 'with its code cache' : 'no code cache yet';
  const account = `the account's code ${sample.ours.firstUseMs?.toFixed(1) ?? '?'} ms (${sample.ours.firstUseCpuMs?.toFixed(1) ?? '?'} CPU)`;
  return `${order}: ours ${ms(sample.ours)}, ${marks}, ${cache}, then ${account}; empty ${ms(sample.empty)}; warm-up ${ms(sample.warmup)}${early}`;
}
