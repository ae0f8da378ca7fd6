import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../src/extension';

/**
 * Runs inside a real extension host (code-server), in place of a test suite: activates the
 * extension, times it, then holds a full scan of the account in the settings and measures the heap it
 * added. Writes its figures as JSON to RESULT_FILE for the outer runner.
 */
export const RESULT_FILE = path.resolve(__dirname, '..', '..', '..', '.cache', 'bench', 'extension-host.json');

/** The heap after a full collection: the extension host has no --expose-gc, so it is set at runtime. */
function collectedHeapMb(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<CloudflareCertificatesApi>('cfcerts.cloudflare-certificates');
  if (!extension) {
    throw new Error('the extension is not installed');
  }
  // Activation happens at onStartupFinished; the probe starts first, so activate() here loads the bundle.
  const wasActive = extension.isActive;
  const started = performance.now();
  const api = await extension.activate();
  const activationMs = performance.now() - started;

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
  fs.writeFileSync(RESULT_FILE, JSON.stringify({ wasActive, activationMs, scanMs, customHostnames: items, heapBeforeMb: heapBefore, heapAfterMb: heapAfter }));
}
