import * as fs from 'node:fs';
import * as os from 'node:os';

export interface QuietReport {
  /** How long it waited for a quiet window. */
  readonly waitedMs: number;
  /** Share of all cores busy in the last window (0–1), every process on the machine counted. */
  readonly busyShare: number;
  /** This process's event-loop utilisation in the last window (0–1). */
  readonly loopBusy: number;
  readonly loadAverage1m: number;
  /** False when the wait ran out first: the figures that follow were taken on a busy machine. */
  readonly quiet: boolean;
}

export interface QuietOptions {
  readonly busyBelow?: number;
  readonly loopBusyBelow?: number;
  readonly windowMs?: number;
  readonly maxWaitMs?: number;
}

/**
 * Idle and total time of all cores. Linux's /proc/stat also counts the time a virtual machine's
 * cores waited for the host (steal), which os.cpus() leaves out and which slows a probe as much.
 */
function idleAndTotal(): { idle: number; total: number } {
  const stat = fs.existsSync('/proc/stat') ? fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] : '';
  if (stat.startsWith('cpu ')) {
    // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = stat.trim().split(/\s+/).slice(1, 9).map(Number);
    return { idle: idle + iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
  }
  let idle = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    idle += cpu.times.idle;
    total += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq + cpu.times.idle;
  }
  return { idle, total };
}

/** What a timed scan or activation probe waits for before it starts (the rows say "a quiet 250 ms"). */
export const QUIET_START = { busyBelow: 0.25, windowMs: 250 } as const;

/**
 * Timing figures on a shared machine mean little while other work holds the cores, so the bench waits
 * (boundedly) for a window in which the kernel's per-core counters show the machine mostly idle, and
 * reports what it found beside the figures.
 */
export async function waitForQuiet(options: QuietOptions = {}): Promise<QuietReport> {
  const { busyBelow = 0.25, loopBusyBelow = 1, windowMs = 500, maxWaitMs = 60_000 } = options;
  const started = performance.now();
  for (;;) {
    const before = idleAndTotal();
    const loop = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = idleAndTotal();
    const total = after.total - before.total;
    const busyShare = total > 0 ? 1 - (after.idle - before.idle) / total : 0;
    const loopBusy = performance.eventLoopUtilization(loop).utilization;
    const quiet = busyShare < busyBelow && loopBusy < loopBusyBelow;
    const waitedMs = performance.now() - started;
    if (quiet || waitedMs >= maxWaitMs) {
      return { waitedMs, busyShare, loopBusy, loadAverage1m: os.loadavg()[0], quiet };
    }
  }
}
