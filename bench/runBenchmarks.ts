import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysePemDocument } from '../src/x509/documentAnalysis';
import { startEmulatorProcess } from './emulatorProcess';
import {
  answersOnlyScan,
  expandZone,
  expandZoneDuringScan,
  idleLoopDelay,
  ourScan,
  scanHeapGrowthMb,
  sdkScan,
  type LoopDelay,
  type OurScanResult,
  type ScanResult,
} from './fullScan';
import { fixed, median } from './figures';
import { QUIET_START, waitForQuiet } from './quietMachine';
import { scaleRuns } from './scaleBench';
import { measureInExtensionHost } from './extensionHost/extensionHostBench';
import { hostActivationRows, plainNodeActivationRows } from './activationBench';
import { coldHover, diagnoseBundle, hover, pemInputs } from './pemBench';
import { rotationRuns } from './rotationBench';
import { workspaceScanBench } from './workspaceScanBench';
import type { CertificateInfo } from '../src/x509/certificateInfo';

/**
 * `npm run bench`: every scenario of the performance goals, against the emulator in its own process.
 * Machines here are shared and noisy, so each figure is a median and comparisons are ratios taken in
 * the same run. Writes bench/results/latest.{json,md}.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const LATENCY_MS = 50;
const SCALE = { zones: 50, certificatesPerZone: 10, associationsPerCertificate: 2, customHostnamesPerZone: 1000 };
const OUR_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SDK_RUNS = Number(process.env.BENCH_SDK_RUNS ?? 2);
const HOST_RUNS = Number(process.env.BENCH_HOST_RUNS ?? 6);
/** BENCH_ONLY=activation runs scenario 3 alone (about two minutes), for working on activation. */
const ONLY = process.env.BENCH_ONLY;

interface Row {
  readonly scenario: string;
  readonly measure: string;
  readonly value: string;
  readonly goal: string;
  readonly met: boolean | undefined;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const started = Date.now();
  const rows: Row[] = [];
  const add = (scenario: string, measure: string, value: string, goal = '', met?: boolean) =>
    rows.push({ scenario, measure, value, goal, met });

  // Scenario 3 first, on a quiet machine: activation.
  const bundleKb = fs.statSync(path.join(ROOT, 'dist', 'bundle.js')).size / 1024;
  const loaderKb = fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size / 1024;
  const bundleText = fs.readFileSync(path.join(ROOT, 'dist', 'bundle.js'), 'utf8');
  const x509InBundle = bundleText.includes('X509CertificateGenerator');
  add(
    '3 Activation',
    'bundle size (dist/bundle.js; the entry point dist/extension.js loads it with a code cache)',
    `${fixed(bundleKb)} KB (and ${fixed(loaderKb)} KB)`,
    '≤ 250 KB, x509 not in it',
    bundleKb <= 250 && !x509InBundle,
  );
  add(
    '3 Activation',
    'lazy parser (dist/x509.js)',
    `${fixed(fs.statSync(path.join(ROOT, 'dist', 'x509.js')).size / 1024)} KB`,
    'loaded on first use',
    !x509InBundle,
  );
  await plainNodeActivationRows(add);
  if (ONLY === 'activation') {
    // BENCH_ONLY=activation: scenario 3 alone, printed; bench/results keeps the last full run.
    hostActivationRows(await measureInExtensionHost(undefined, 0, HOST_RUNS), add);
    console.log(rows.map((row) => `${row.measure}: ${row.value} [${row.goal}${row.met === false ? ', NOT MET' : ''}]`).join('\n'));
    return;
  }

  // Scenario 4: PEM work.
  const { chain10, bundle500 } = await pemInputs();
  const offset = chain10.indexOf('-----BEGIN CERTIFICATE-----', 1000) + 40;
  const cold = median(Array.from({ length: 15 }, () => time(() => coldHover(chain10, offset))));
  const analysis = analysePemDocument(chain10, new Date(), 30);
  const details = new WeakMap<object, CertificateInfo>();
  hover(analysis, details, offset);
  const warm = median(Array.from({ length: 200 }, () => time(() => hover(analysis, details, offset))));
  const bundle = median(Array.from({ length: 5 }, () => time(() => diagnoseBundle(bundle500))));
  add('4 PEM', 'hover, 10-certificate chain, cold (analyse + parse block + Markdown)', `${fixed(cold, 2)} ms`, '', undefined);
  add('4 PEM', 'hover, 10-certificate chain, warm (cached per version)', `${fixed(warm, 3)} ms`, '≤ 5 ms', warm <= 5);
  add('4 PEM', 'diagnostics, 500-certificate bundle', `${fixed(bundle)} ms`, '≤ 300 ms, debounced off the keystroke', bundle <= 300);

  // Scenario 7: the Workspace Certificates scan's own work, in plain Node on a generated repository.
  const workspace = await workspaceScanBench();
  add(
    '7 Workspace',
    `first scan, ${workspace.files.toLocaleString('en')} files holding ${workspace.certificates} certificates: wall (CPU)`,
    `${fixed(workspace.scanWallMs)} ms (${fixed(workspace.scanCpuMs)} ms CPU); longest event-loop stall ${fixed(workspace.longestStallMs)} ms`,
    '',
    undefined,
  );
  add(
    '7 Workspace',
    `update after one file changes: CPU (median of ${workspace.updates}), files read`,
    `${fixed(workspace.updateCpuMs, 2)} ms CPU (${fixed(workspace.updateWallMs, 2)} ms wall); ${workspace.readsPerUpdate} file read`,
    '≤ 20 ms, only that file read',
    workspace.updateCpuMs <= 20 && workspace.readsPerUpdate === 1,
  );

  // Scenario 6: rotating a certificate used by 100 hostnames, ours and the hand-run sequence alternating.
  const rotation = await rotationRuns(100, LATENCY_MS, 5);
  const rotationMs = median(rotation.ours.map((run) => run.ms));
  const byHandMs = median(rotation.byHand.map((run) => run.ms));
  const rotationRequests = Math.max(...rotation.ours.map((run) => run.nonPolling));
  add(
    '6 Rotation',
    `100 hostnames, ${LATENCY_MS} ms latency, transitions 0: requests excluding polling (all, with polling)`,
    `${rotationRequests} (${rotation.ours[0].requests})`,
    '≤ 6',
    rotationRequests <= 6,
  );
  add('6 Rotation', 'wall time, upload to old certificate deleted (median of 5)', `${fixed(rotationMs)} ms`, '≤ 1 s', rotationMs <= 1000);
  add(
    '6 Rotation',
    'the hand-run sequence (upload, one PUT per hostname, delete; median of 5)',
    `${fixed(byHandMs)} ms, ${rotation.byHand[0].requests} requests; ours is ${fixed(byHandMs / rotationMs)}× faster`,
    '',
    undefined,
  );

  // Scenarios 1, 2 and 5 against the emulator in its own process.
  const seeding = Date.now();
  const emulator = await startEmulatorProcess(SCALE, LATENCY_MS);
  console.log(
    `Emulator seeded with ${SCALE.zones} zones × ${SCALE.customHostnamesPerZone} custom hostnames in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
  );
  try {
    const ours: OurScanResult[] = [];
    const watched: LoopDelay[] = [];
    const urls: string[] = [];
    const answersOnly: number[] = [];
    let quietStarts = 0;
    for (let run = 0; run < OUR_RUNS; run += 1) {
      // Other work on this shared machine (and its host's) slows a CPU-bound walk: start each in a quiet moment.
      quietStarts += (await waitForQuiet({ ...QUIET_START, maxWaitMs: 15_000 })).quiet ? 1 : 0;
      ours.push(await ourScan(emulator.control, { requested: run === 0 ? urls : undefined }));
      answersOnly.push(await answersOnlyScan(urls));
      watched.push((await ourScan(emulator.control, { watchLoop: true })).loop!);
    }
    const sdk: ScanResult[] = [];
    for (let run = 0; run < SDK_RUNS; run += 1) {
      sdk.push(await sdkScan(emulator.control));
      console.log(`SDK walk ${run + 1}/${SDK_RUNS}: ${fixed(sdk[run].ms / 1000)} s, ${sdk[run].requests} requests`);
    }
    const ourMs = median(ours.map((result) => result.ms));
    const sdkMs = median(sdk.map((result) => result.ms));
    const requests = ours[0].requests;
    const cap = 8;
    // No walk can do better than one round trip for the zone list (every other request needs its ids),
    // then the rest eight at a time. The formula used until 2026-12-06, ceil(requests / cap) rounds,
    // counted the zone list among the eight: 50 ms below what any client can reach. Both are shown.
    const lowerBound = (1 + Math.ceil((requests - 1) / cap)) * LATENCY_MS;
    const oldBound = Math.ceil(requests / cap) * LATENCY_MS;
    const peak = Math.max(...ours.map((result) => result.peakConcurrent));
    add(
      '1 Full scan',
      `our client (median of ${OUR_RUNS}, the first one cold; each started after a quiet 250 ms, ${quietStarts} of ${OUR_RUNS} found one within 15 s)`,
      `${fixed(ourMs)} ms, ${requests} requests`,
      '',
      undefined,
    );
    const cpuPerThousand = median(ours.map((result) => result.cpuMs / (result.customHostnames / 1000)));
    add(
      '1 Full scan',
      `our client's own CPU time per 1,000 custom hostnames (median of ${OUR_RUNS}; the emulator runs in its own process)`,
      `${fixed(cpuPerThousand)} ms (${fixed(median(ours.map((result) => result.cpuMs)))} ms CPU in a ${fixed(ourMs)} ms walk of ${ours[0].customHostnames} hostnames)`,
      '',
      undefined,
    );
    add('1 Full scan', `official SDK (median of ${SDK_RUNS})`, `${fixed(sdkMs)} ms, ${sdk[0].requests} requests`, '', undefined);
    add('1 Full scan', 'speed-up over the SDK', `${fixed(sdkMs / ourMs)}×`, '≥ 80×', sdkMs / ourMs >= 80);
    add(
      '1 Full scan',
      `lower bound (1 + ceil(${requests - 1}/${cap})) × ${LATENCY_MS} ms: the zone list, then the rest ${cap} at a time`,
      `${lowerBound} ms; ours is ${fixed(ourMs / lowerBound, 2)}× it (${fixed(ourMs / oldBound, 2)}× the ${oldBound} ms of the earlier formula ceil(${requests}/${cap}) × ${LATENCY_MS} ms, which no walk can reach)`,
      '≤ 1.3×',
      ourMs / lowerBound <= 1.3,
    );
    const floorMs = median(answersOnly);
    add(
      '1 Full scan',
      `the same ${urls.length} requests, 8 at a time, each answer only read as text (median of ${OUR_RUNS}, each run after one of ours)`,
      `${fixed(floorMs)} ms (${fixed(floorMs / lowerBound, 2)}× the lower bound): what latency, the emulator, the transfer and node-fetch take here; ours is ${fixed(ourMs - floorMs)} ms above it`,
      '',
      undefined,
    );
    const loopP99 = median(watched.map((loop) => loop.p99Ms));
    const idle = await idleLoopDelay(Math.min(ourMs, 10_000));
    add(
      '7 Event loop',
      `delay during a full scan, ${SCALE.zones} × ${SCALE.customHostnamesPerZone} (plain Node, sampled every 1 ms in ${OUR_RUNS} walks of their own, each after a timed one; median)`,
      `p99 ${fixed(loopP99)} ms, max ${fixed(median(watched.map((loop) => loop.maxMs)))} ms; the same process idle: p99 ${fixed(idle.p99Ms)} ms, max ${fixed(idle.maxMs)} ms`,
      '≤ 16 ms',
      loopP99 <= 16,
    );
    add('1 Full scan', 'peak concurrent requests', `${peak} (cap ${cap})`, '≤ cap', peak <= cap);
    add('1 Full scan', 'items walked (ours / SDK)', `${ours[0].items} / ${sdk[0].items}`, 'equal', ours[0].items === sdk[0].items);
    add(
      '1 Full scan',
      'share of the rate limit one scan uses',
      `${fixed((requests / 1200) * 100)} % of 1,200 / 5 min`,
      'far under',
      requests < 600,
    );

    const expansions = [] as Awaited<ReturnType<typeof expandZone>>[];
    for (let run = 0; run < 5; run += 1) {
      expansions.push(await expandZone(emulator.control, LATENCY_MS));
    }
    const expandMs = median(expansions.map((result) => result.ms));
    add(
      '2 Expand a zone',
      "time to the children's data (median of 5)",
      `${fixed(expandMs)} ms, ${expansions[0].requests} requests`,
      '',
      undefined,
    );
    add('2 Expand a zone', 'round trips', `${fixed(expandMs / LATENCY_MS, 2)}`, '< 3', expandMs / LATENCY_MS < 3);
    const during = [] as Awaited<ReturnType<typeof expandZoneDuringScan>>[];
    for (let run = 0; run < 5; run += 1) {
      during.push(await expandZoneDuringScan(emulator.control, LATENCY_MS));
    }
    const duringMs = median(during.map((result) => result.ms));
    const overlapped = during.every((result) => result.scanStillRunning);
    add(
      '2 Expand a zone',
      'round trips while the background scan of all 50 zones runs (the last zone it would reach; median of 5)',
      `${fixed(duringMs / LATENCY_MS, 2)} (${fixed(duringMs)} ms); the scan still running when it arrived: ${overlapped ? 'every run' : 'not every run'}`,
      '< 3',
      duringMs / LATENCY_MS < 3 && overlapped,
    );

    // Scenarios 3 and 5 in the real extension host: code-server, a fresh window per sample.
    const host = await measureInExtensionHost(emulator.control.baseUrl, SCALE.zones, HOST_RUNS);
    hostActivationRows(host, add);
    const scans = host.flatMap((sample) => (sample.scan ? [sample.scan] : []));
    const hostHeap = median(scans.map((scan) => scan.heapAfterMb - scan.heapBeforeMb));
    add(
      '5 Memory',
      `extension-host heap growth holding a full scan (code-server, median of ${scans.length}, after GC)`,
      `${fixed(hostHeap)} MB (${scans[0].customHostnames} custom hostnames, scan ${fixed(median(scans.map((scan) => scan.scanMs)))} ms)`,
      '≤ 40 MB',
      hostHeap <= 40,
    );

    await emulator.control.setLatency(0);
    const heap = median([
      await scanHeapGrowthMb(emulator.control),
      await scanHeapGrowthMb(emulator.control),
      await scanHeapGrowthMb(emulator.control),
    ]);
    add('5 Memory', 'heap growth holding a full scan (plain Node, after GC)', `${fixed(heap)} MB`, '≤ 40 MB', heap <= 40);
  } finally {
    emulator.stop();
  }

  const scale = await scaleRuns(LATENCY_MS, console.log);
  add(
    '7 Event loop',
    `delay during a full scan, 1 × 100,000 (plain Node, sampled every 1 ms, median of ${scale.oneZoneRuns}, the first one cold)`,
    `p99 ${fixed(scale.oneZone.loop.p99Ms)} ms, max ${fixed(scale.oneZone.loop.maxMs)} ms; idle: p99 ${fixed(scale.idle.p99Ms)} ms (walk ${fixed(scale.oneZone.ms)} ms, ${scale.oneZone.requests} requests, ${fixed(scale.oneZone.cpuMs / (scale.oneZone.customHostnames / 1000))} ms CPU per 1,000)`,
    '≤ 16 ms',
    scale.oneZone.loop.p99Ms <= 16,
  );
  add(
    '5 Memory',
    `heap growth holding a full scan of 50 × 10,000 (${scale.heapHostnames} custom hostnames; plain Node, after GC)`,
    `${fixed(scale.heapMb)} MB (${fixed((scale.heapMb * 1_048_576) / scale.heapHostnames, 0)} bytes per hostname)`,
    '≤ 250 MB',
    scale.heapMb <= 250,
  );

  const load = os.loadavg().map((value) => value.toFixed(1));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}; load average at the end ${load.join(', ')} (shared machine)`;
  const markdown = [
    `Machine: ${machine}. Emulator latency ${LATENCY_MS} ms per request. ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| Scenario | Measure | Value | Goal | Met |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.scenario} | ${row.measure} | ${row.value} | ${row.goal} | ${row.met === undefined ? '' : row.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  const results = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(
    path.join(results, 'latest.json'),
    `${JSON.stringify({ machine, latencyMs: LATENCY_MS, scale: SCALE, rows }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(results, 'latest.md'), `${markdown}\n`);
  console.log(
    `\n${markdown}\n\nBenchmarks took ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/results/latest.{json,md}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
