import { startEmulatorProcess } from './emulatorProcess';
import { idleLoopDelay, ourScan, scanHeapGrowthMb, type LoopDelay } from './fullScan';

/**
 * Scenario 7: the largest accounts. One zone of 100,000 custom hostnames walked with the event loop
 * watched, and 50 zones × 10,000 (500,000 hostnames) held in plain Node with the heap measured.
 * Each against its own emulator process.
 */
export interface ScaleFigures {
  readonly oneZone: {
    readonly ms: number;
    readonly requests: number;
    readonly customHostnames: number;
    readonly cpuMs: number;
    readonly loop: LoopDelay;
  };
  readonly idle: LoopDelay;
  readonly heapMb: number;
  readonly heapHostnames: number;
}

export async function scaleRuns(latencyMs: number, log: (line: string) => void): Promise<ScaleFigures> {
  const single = await startEmulatorProcess(
    { zones: 1, certificatesPerZone: 1, associationsPerCertificate: 1, customHostnamesPerZone: 100_000 },
    latencyMs,
  );
  let oneZone: ScaleFigures['oneZone'];
  let idle: LoopDelay;
  try {
    const scan = await ourScan(single.control);
    idle = await idleLoopDelay(Math.min(scan.ms, 10_000));
    oneZone = { ms: scan.ms, requests: scan.requests, customHostnames: scan.customHostnames, cpuMs: scan.cpuMs, loop: scan.loop };
    log(`1 × 100,000: ${(scan.ms / 1000).toFixed(1)} s, event loop p99 ${scan.loop.p99Ms.toFixed(1)} ms`);
  } finally {
    single.stop();
  }
  const wide = await startEmulatorProcess(
    { zones: 50, certificatesPerZone: 10, associationsPerCertificate: 2, customHostnamesPerZone: 10_000 },
    0,
  );
  try {
    const heapMb = await scanHeapGrowthMb(wide.control);
    log(`50 × 10,000: heap growth ${heapMb.toFixed(1)} MB`);
    return { oneZone, idle, heapMb, heapHostnames: 500_000 };
  } finally {
    wide.stop();
  }
}
