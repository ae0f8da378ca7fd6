import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { ORDER_FILE, RESULT_FILE } from './resultFile';
import { collectedHeapMb } from '../../test/support/collectedHeap';

/**
 * Runs inside a real extension host (code-server), in place of a test suite: activates the
 * extension, times it, then holds a full scan of the account in the settings and measures the heap it
 * added. Writes its figures as JSON to RESULT_FILE for the outer runner.
 */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<CloudflareCertificatesApi>('cfcerts.cloudflare-certificates');
  if (!extension) {
    throw new Error('the extension is not installed');
  }
  // Activation happens at onStartupFinished; the probe starts first, so activate() here loads the bundle.
  // Then an extension that does nothing, the same way: what VS Code itself adds to any activation.
  // The first activation in a host may carry one-time costs, so the runner alternates which goes first.
  const wasActive = extension.isActive;
  const baseline = vscode.extensions.getExtension('cfcerts-bench.activation-baseline');
  if (!baseline) {
    throw new Error('the baseline extension is not installed');
  }
  const baselineFirst =
    fs.existsSync(ORDER_FILE) && (JSON.parse(fs.readFileSync(ORDER_FILE, 'utf8')) as { baselineFirst: boolean }).baselineFirst;
  const timed = async (activate: () => Thenable<unknown>) => {
    const started = performance.now();
    const value = await activate();
    return { ms: performance.now() - started, value };
  };
  const first = baselineFirst ? await timed(() => baseline.activate()) : undefined;
  // VS Code may activate ours (onStartupFinished) while the empty one activates: then it cannot be timed.
  const activatedMeanwhile = extension.isActive;
  const ours = await timed(() => extension.activate());
  const api = ours.value as CloudflareCertificatesApi;
  const activationMs = ours.ms;
  const baselineActivationMs = first?.ms ?? (await timed(() => baseline.activate())).ms;

  const zoneCount = Number(process.env.BENCH_ZONES ?? 50);
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
  const items = [...api.data.loaded().customHostnames.values()].reduce((sum, list) => sum + list.items.length, 0);
  const heapAfter = collectedHeapMb();
  await api.tokens.clear();
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(
    RESULT_FILE,
    JSON.stringify({
      wasActive: wasActive || activatedMeanwhile,
      baselineFirst,
      activationMs,
      baselineActivationMs,
      scanMs,
      customHostnames: items,
      heapBeforeMb: heapBefore,
      heapAfterMb: heapAfter,
    }),
  );
}
