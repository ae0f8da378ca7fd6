import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * The heap in MB after full collections. Neither `node` without --expose-gc nor the extension host
 * exposes gc(), so the flag is set at runtime and gc fetched from a fresh context.
 */
export function collectedHeapMb(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}
