import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { collectedHeapMb } from '../../test/support/collectedHeap';
import { ORDER_FILE, PROFILE_FILE, RESULT_FILE } from './resultFile';
import { profiled } from './activationProfile';
import { BASELINE_ID, OUR_ID, WARMUP_ID } from './extensionIds';
import { timedActivation } from './timedActivation';
import { waitForQuiet } from '../quietMachine';

/**
 * Runs inside a real extension host (code-server), in place of a test suite: times activating ours
 * and an extension that does nothing in the same position, then holds a full scan of the account in
 * the settings and measures the heap it added. Writes its figures as JSON to RESULT_FILE for the
 * outer runner.
 */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<CloudflareCertificatesApi>(OUR_ID);
  const baseline = vscode.extensions.getExtension(BASELINE_ID);
  const warmup = vscode.extensions.getExtension(WARMUP_ID);
  if (!extension || !baseline || !warmup) {
    throw new Error(`not installed: ${[!extension && OUR_ID, !baseline && BASELINE_ID, !warmup && WARMUP_ID].filter(Boolean).join(', ')}`);
  }
  // The bench copy of ours has no onStartupFinished, so only this probe activates it.
  const wasActive = extension.isActive || baseline.isActive;
  // Startup work (built-in extensions, the workbench restoring) shares this event loop and the cores.
  const quiet = await waitForQuiet({ busyBelow: 0.3, loopBusyBelow: 0.05, windowMs: 250, maxWaitMs: 30_000 });
  // The first activation in a host pays one-time costs whoever goes first: an empty extension pays them.
  const warm = await timedActivation(warmup, WARMUP_ID);
  const { baselineSecond } = JSON.parse(fs.readFileSync(ORDER_FILE, 'utf8')) as { baselineSecond: boolean };
  // The account's code loads on its first need (src/main.ts): here the test handle's first use, timed
  // as soon as activate() resolves, as a stored token's read would load it a moment later.
  const firstUse = (value: unknown) => void (value as CloudflareCertificatesApi).account;
  const timeOurs = () => profiled(PROFILE_FILE, () => timedActivation(extension, OUR_ID, firstUse));
  const first = baselineSecond ? await timedActivation(baseline, BASELINE_ID) : await timeOurs();
  const second = baselineSecond ? await timeOurs() : await timedActivation(baseline, BASELINE_ID);
  const ours = baselineSecond ? second : first;
  const empty = baselineSecond ? first : second;

  const zoneCount = Number(process.env.BENCH_ZONES ?? 50);
  const scan = zoneCount > 0 ? await holdFullScan(ours.value as CloudflareCertificatesApi, zoneCount) : undefined;
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(
    RESULT_FILE,
    JSON.stringify({ wasActive, baselineSecond, quiet, warmup: warm, ours, empty, scan }, (key, value: unknown) =>
      key === 'value' ? undefined : value,
    ),
  );
}

async function holdFullScan(api: CloudflareCertificatesApi, zoneCount: number) {
  const heapBefore = collectedHeapMb();
  const scanStarted = performance.now();
  await api.tokens.set('demo-token');
  for (;;) {
    // Asking for the roots starts the background scan of every zone, as opening the view does.
    await api.tree.getChildren();
    const loaded = api.data.loaded();
    const diagnostics = api.data.diagnostics();
    if (loaded.aop.size === zoneCount && loaded.customHostnames.size === zoneCount && diagnostics.pending === 0) {
      break;
    }
    if (performance.now() - scanStarted > 120_000) {
      throw new Error(`the scan did not finish: ${loaded.aop.size} of ${zoneCount} zones`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const scanMs = performance.now() - scanStarted;
  const customHostnames = [...api.data.loaded().customHostnames.values()].reduce((sum, list) => sum + list.items.length, 0);
  const heapAfter = collectedHeapMb();
  await api.tokens.clear();
  return { scanMs, customHostnames, heapBeforeMb: heapBefore, heapAfterMb: heapAfter };
}
