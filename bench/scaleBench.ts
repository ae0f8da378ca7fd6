import { startEmulatorProcess } from './emulatorProcess';
import { idleLoopDelay, ourScan, scanHeapGrowthMb, type LoopDelay, type OurScanResult } from './fullScan';
import { median } from './figures';

/** Like every other figure, a median: the first walk is cold (code not yet optimized), as after activation. */
const ONE_ZONE_RUNS = 3;

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
  /** Walks of the one zone: the figures are the median of each. */
  readonly oneZoneRuns: number;
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
    const scans: OurScanResult[] = [];
    for (let run = 0; run < ONE_ZONE_RUNS; run += 1) {
      scans.push(await ourScan(single.control, { watchLoop: true }));
    }
    const of = (figure: (scan: OurScanResult) => number) => median(scans.map(figure));
    oneZone = {
      ms: of((scan) => scan.ms),
      requests: scans[0].requests,
      customHostnames: scans[0].customHostnames,
      cpuMs: of((scan) => scan.cpuMs),
      loop: { p99Ms: of((scan) => scan.loop!.p99Ms), maxMs: of((scan) => scan.loop!.maxMs) },
    };
    idle = await idleLoopDelay(Math.min(oneZone.ms, 10_000));
    log(
      `1 × 100,000: ${(oneZone.ms / 1000).toFixed(1)} s, event loop p99 ${oneZone.loop.p99Ms.toFixed(1)} ms (median of ${ONE_ZONE_RUNS})`,
    );
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
    return { oneZone, oneZoneRuns: ONE_ZONE_RUNS, idle, heapMb, heapHostnames: 500_000 };
  } finally {
    wide.stop();
  }
}
