import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Full collections. Neither `node` without --expose-gc nor the extension host exposes gc(), so the
 * flag is set at runtime and gc fetched from a fresh context. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

/**
 * Memory in MB after full collections: V8's heap, and what lives outside it on its behalf (buffers,
 * and strings Node keeps outside the heap: a page of 1,000 custom hostnames read as Latin-1).
 */
export function collectedMemory(): { heapMb: number; externalMb: number } {
  collect();
  const { heapUsed, external } = process.memoryUsage();
  return { heapMb: heapUsed / 1_048_576, externalMb: external / 1_048_576 };
}

/**
 * The memory the extension's data can hold, in MB after full collections: the heap, and memory
 * outside it, so that a record keeping a piece of a page's text (which keeps the whole page, held
 * outside the heap) counts.
 */
export function collectedHeapMb(): number {
  const { heapMb, externalMb } = collectedMemory();
  return heapMb + externalMb;
}
