import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HostSample } from './extensionHost/extensionHostBench';
import { fixed, median } from './figures';
import { QUIET_START, waitForQuiet, type QuietReport } from './quietMachine';

/** Scenario 3's rows, added through the table's own `add`. */
export type AddRow = (scenario: string, measure: string, value: string, goal?: string, met?: boolean) => void;

const ROOT = path.resolve(__dirname, '..', '..');
const PROBES = 15;
const COLD_PROBES = 7;

interface Probe {
  readonly loadMs: number;
  readonly activateMs: number;
  /** The account's code, loaded on its first need (the test handle's first use). */
  readonly accountMs: number;
  readonly totalMs: number;
  readonly cpuMs: number;
  readonly x509Ms: number;
  readonly x509AtActivation: boolean;
}

/** With a global storage folder the loader reads (and, when there is none yet, writes) its code cache there. */
function probeActivation(...args: string[]): Probe {
  const output = execFileSync(process.execPath, [path.join(ROOT, 'out', 'bench', 'activationProbe.js'), ...args], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as Probe;
}

/**
 * load + activate() of dist/extension.js in fresh Node processes, each started once the machine has
 * been quiet for a moment (a bounded wait; the row says how many were). The goal is judged on the
 * wall time; the CPU time beside it is the probe's own.
 */
export async function plainNodeActivationRows(add: AddRow): Promise<void> {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-bench-storage-'));
  const probes: Probe[] = [];
  const cold: Probe[] = [];
  const quiet: QuietReport[] = [];
  try {
    // As after installing or updating: no global storage, so no code cache. Then one probe writes the cache the timed ones read.
    for (let run = 0; run < COLD_PROBES; run += 1) {
      await waitForQuiet({ ...QUIET_START, maxWaitMs: 10_000 });
      cold.push(probeActivation());
    }
    probeActivation(storage, 'wait');
    for (let run = 0; run < PROBES; run += 1) {
      quiet.push(await waitForQuiet({ ...QUIET_START, maxWaitMs: 10_000 }));
      probes.push(probeActivation(storage));
    }
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
  const wall = median(probes.map((probe) => probe.totalMs));
  const of = (pick: (probe: Probe) => number) => fixed(median(probes.map(pick)));
  const started = `${quiet.filter((report) => report.quiet).length} of ${PROBES} started after 250 ms with the machine under 25 % busy (median wait ${fixed(median(quiet.map((report) => report.waitedMs)) / 1000)} s, load ${os.loadavg()[0].toFixed(1)})`;
  add(
    '3 Activation',
    `load + activate() and then the account's code in plain Node, with the code cache the first load of it wrote (median of ${PROBES} fresh processes: wall time; the probe's own CPU time; the machine when they began)`,
    `${fixed(wall)} ms (load ${of((probe) => probe.loadMs)} ms, activate() ${of((probe) => probe.activateMs)} ms, the account's code ${of((probe) => probe.accountMs)} ms); ${of((probe) => probe.cpuMs)} ms CPU; ${started}`,
    '≤ 20 ms',
    wall <= 20,
  );
  add(
    '3 Activation',
    `the same without a code cache, as the first activation after installing or updating (median of ${COLD_PROBES})`,
    `${fixed(median(cold.map((probe) => probe.totalMs)))} ms (load ${fixed(median(cold.map((probe) => probe.loadMs)))} ms, activate() ${fixed(median(cold.map((probe) => probe.activateMs)))} ms, the account's code ${fixed(median(cold.map((probe) => probe.accountMs)))} ms); ${fixed(median(cold.map((probe) => probe.cpuMs)))} ms CPU`,
    '',
    undefined,
  );
  const x509Early = [...probes, ...cold].some((probe) => probe.x509AtActivation);
  add(
    '3 Activation',
    `@peculiar/x509 on first use (median of ${PROBES})`,
    `${of((probe) => probe.x509Ms)} ms; loaded at activation: ${x509Early ? 'yes' : 'no'}`,
    'not at activation',
    !x509Early,
  );
}

/**
 * Ours against an extension that does nothing, in the same host and the same position: after an
 * empty warm-up extension has paid the host's one-time first-activation cost, ours and the empty
 * one alternate between second and third, each started once the host is quiet again.
 */
export function hostActivationRows(host: readonly HostSample[], add: AddRow): void {
  const untimed = host.filter((sample) => !sample.wasActive);
  // The first window makes the code cache; the goal is judged on the starts after it, as a person's are.
  const cold = untimed.filter((sample) => !sample.codeCache);
  const timed = untimed.length > cold.length ? untimed.filter((sample) => sample.codeCache) : untimed;
  if (cold.length > 0 && timed !== untimed) {
    const above = median(cold.map((sample) => sample.ours.ms - sample.empty.ms));
    add(
      '3 Activation',
      `the same in the window(s) before a code cache existed, as the first start after installing or updating (median of ${cold.length})`,
      `ours ${fixed(median(cold.map((sample) => sample.ours.ms)))} ms, ${fixed(above)} ms above the empty extension`,
      '',
      undefined,
    );
  }
  const measure = `load + activate() in the real extension host with the code cache the first window wrote (code-server; a bench copy of ours without onStartupFinished, so only the probe activates it; after an empty warm-up extension, ours and an empty one alternately 2nd and 3rd, each from a quiet host; median of ${timed.length})`;
  if (timed.length === 0) {
    add(
      '3 Activation',
      measure,
      `not timed: VS Code activated ours or the empty extension first in ${host.length} of ${host.length}`,
      '≤ 10 ms above',
      false,
    );
    return;
  }
  const of = (pick: (sample: HostSample) => number | undefined, digits = 1) =>
    fixed(median(timed.map(pick).filter((value): value is number => value !== undefined)), digits);
  const ours = median(timed.map((sample) => sample.ours.ms));
  const empty = median(timed.map((sample) => sample.empty.ms));
  const marks = `by VS Code's marks require() ${of((sample) => sample.ours.codeLoadingMs, 0)} ms, activate() ${of((sample) => sample.ours.activateCallMs, 0)} ms`;
  const paired = of((sample) => sample.ours.ms - sample.empty.ms);
  const leftBehind = `ours ${of((sample) => sample.ours.afterCpuMs)} ms, the empty one ${of((sample) => sample.empty.afterCpuMs)} ms`;
  add(
    '3 Activation',
    measure,
    `ours ${fixed(ours)} ms (${of((sample) => sample.ours.cpuMs)} ms host CPU; ${marks}); the empty extension ${fixed(empty)} ms (${of((sample) => sample.empty.cpuMs)} ms CPU); ${fixed(ours - empty)} ms above it (median of the per-window differences ${paired} ms). Host CPU after activate() until its event loop is quiet again: ${leftBehind}`,
    '≤ 10 ms above',
    ours - empty <= 10,
  );
  add(
    '3 Activation',
    `then the account's code in the real extension host: dist/bundle.js with its code cache, and what it builds (the model, the views' providers, the status bar, the watch, every command and tool), loaded in a task of its own on its first need (here the test handle's first use as soon as activate() resolved; in use, a stored token's read, a command, a view drawing its rows, a tool or a PEM document; median of ${timed.length})`,
    `${of((sample) => sample.ours.firstUseMs)} ms (${of((sample) => sample.ours.firstUseCpuMs)} ms host CPU)`,
    '',
    undefined,
  );
  const quiet = timed.map((sample) => sample.quiet);
  add(
    '3 Activation',
    `the host's first activation (the empty warm-up extension, median of ${timed.length}); the machine when timing began`,
    `${of((sample) => sample.warmup.ms)} ms; machine ${Math.round(median(quiet.map((report) => report.busyShare)) * 100)} % busy (median), ${quiet.filter((report) => report.quiet).length} of ${quiet.length} windows quiet after ${fixed(median(quiet.map((report) => report.waitedMs)) / 1000)} s (median wait)`,
    '',
    undefined,
  );
}
