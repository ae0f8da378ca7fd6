import * as assert from 'node:assert/strict';
import type { FaultRule } from '../emulator/faultInjector';
import { eventually, startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { rows } from './support/treeItems';
import { collectedHeapMb } from '../support/collectedHeap';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 1_000);
const SEED = Number(process.env.SOAK_SEED ?? 20261123);

/** A small seeded generator, so a failing cycle can be replayed with SOAK_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PATHS = ['^/zones$', '/origin_tls_client_auth/hostnames/certificates$', '/origin_tls_client_auth/hostnames$', '/custom_hostnames$'];

function randomFault(next: () => number): FaultRule {
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)];
  const times = 1 + Math.floor(next() * 5);
  const path = pick(PATHS);
  const base = { path, times };
  return pick<FaultRule>([
    { ...base, kind: 'rateLimit', retryAfterSeconds: 0 },
    { ...base, kind: 'rateLimit', retryAfterSeconds: null },
    { ...base, kind: 'serverError', status: pick([500, 502, 503]) },
    { ...base, kind: 'htmlError' },
    { ...base, kind: 'malformedJson' },
    { ...base, kind: 'notEnvelope' },
    { ...base, kind: 'drop' },
    { ...base, kind: 'dropMidBody' },
    { ...base, kind: 'hang' },
    { ...base, kind: 'slowBody', delayMs: 50 },
  ]);
}

describe('Soak', function () {
  this.timeout(20 * 60_000);
  let session: EmulatorSession;

  before(async () => {
    // The emulator's and the limiter's rate limits are lifted here: each is tested on its own, and
    // 1,000 refreshes under 1,200 requests per 5 minutes would take an hour.
    session = await startEmulatorSession({ rateLimit: { requests: 1e9, windowMs: 300_000 } });
    session.api.clients.limiter.setWindow(1e9);
    session.api.clients.setRequestTimeout(400);
  });

  after(async () => {
    session.api.clients.limiter.setWindow(1_100, 300_000);
    session.api.clients.setRequestTimeout(30_000);
    await session?.stop();
  });

  it(`survives ${CYCLES} refresh cycles with random faults: the tree ends right, heap and listeners stay bounded`, async () => {
    const { api, emulator } = session;
    const zones = (await session.get<{ id: string; name: string }[]>('/zones?per_page=50')).map((zone) => zone.name);
    const expected = new Map(
      (await session.get<{ id: string; name: string }[]>('/zones?per_page=50')).map((zone) => [
        zone.id,
        {
          certificates: emulator.state.aopCertificatesOf(zone.id).length,
          customHostnames: emulator.state.customHostnamesOf(zone.id).length,
        },
      ]),
    );
    const next = random(SEED);
    const state = () => {
      const recent = emulator.log
        .entries()
        .slice(-8)
        .map((entry) => `${entry.method} ${entry.path}?${new URLSearchParams(entry.query).toString()} ${entry.status}`);
      return `limiter ${JSON.stringify(api.clients.limiter.stats())}, data ${JSON.stringify(api.data.diagnostics())}, faults left ${JSON.stringify(emulator.faults.active)}, last requests: ${recent.join('; ')}`;
    };
    // A stalled step fails with what the extension and the emulator were doing, not a bare timeout.
    const within = <T>(what: string, step: Promise<T>): Promise<T> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} stalled for 30 s; ${state()}`)), 30_000);
      });
      return Promise.race([step, stalled]).finally(() => clearTimeout(timer));
    };
    const idle = async (cycle: number) =>
      eventually(
        `cycle ${cycle} to finish its requests`,
        () => {
          const limiter = api.clients.limiter.stats();
          const data = api.data.diagnostics();
          return limiter.inFlight === 0 && limiter.queued === 0 && data.pending === 0 && data.abortListeners === 0 ? true : undefined;
        },
        30_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; ${state()}`);
      });
    // Setting the token refreshes the tree a moment later; let that settle before counting anything.
    await eventually('the first full load', async () => {
      await rows(api);
      await idle(0);
      return api.data.loaded().aop.size === expected.size && api.data.loaded().customHostnames.size === expected.size ? true : undefined;
    });
    const errorsBefore = api.log.errorCount;
    const resourcesBefore = process.getActiveResourcesInfo().length;
    let heapWarm = 0;
    let heapPeak = 0;
    let faulted = 0;
    const shownErrors = new Set<string>();

    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      emulator.faults.clear();
      const fault = next() < 0.5 ? randomFault(next) : undefined;
      if (fault) {
        emulator.faults.add(fault);
        faulted += 1;
      }
      const scanned = new Promise<void>((resolve) => {
        const listener = api.tree.onDidScan(() => {
          listener.dispose();
          resolve();
        });
      });
      api.tree.reloadAll();
      // Now and then a second refresh overlaps the first, the way impatient clicks do.
      if (next() < 0.1) {
        api.tree.reloadAll();
      }
      const roots = await within(`cycle ${cycle} (fault ${JSON.stringify(fault)}): the roots`, rows(api));
      const complete =
        roots.length === zones.length && roots.every((row, index) => /^zone\b/.test(row.contextValue ?? '') && row.label === zones[index]);
      const failed = roots.length === 1 && roots[0].contextValue === 'error';
      assert.ok(
        complete || failed,
        `cycle ${cycle}: the roots were neither every zone nor one error: ${roots.map((row) => row.label).join(', ')}`,
      );
      if (failed) {
        assert.ok(fault, `cycle ${cycle}: an error with no fault injected: ${roots[0].label}`);
        shownErrors.add(roots[0].label.replace(/\d+/g, 'N'));
      } else {
        await within(`cycle ${cycle} (fault ${JSON.stringify(fault)}): the scan`, scanned);
      }
      await idle(cycle);
      if (!fault && complete) {
        // Without a fault, every zone's data must be there, complete.
        const loaded = api.data.loaded();
        for (const [zoneId, counts] of expected) {
          assert.equal(loaded.aop.get(zoneId)?.certificates.length, counts.certificates, `cycle ${cycle}: certificates of ${zoneId}`);
          assert.equal(
            loaded.customHostnames.get(zoneId)?.items.length,
            counts.customHostnames,
            `cycle ${cycle}: custom hostnames of ${zoneId}`,
          );
          assert.equal(loaded.customHostnames.get(zoneId)?.complete, true);
        }
      }
      if (cycle === 50) {
        heapWarm = collectedHeapMb();
      }
      if (cycle % 100 === 0) {
        heapPeak = Math.max(heapPeak, collectedHeapMb());
      }
    }

    emulator.faults.clear();
    api.tree.reloadAll();
    const final = await rows(api);
    assert.deepEqual(
      final.map((row) => row.label),
      zones,
      'the tree ends with every zone once the faults stop',
    );
    await idle(CYCLES + 1);
    const heapEnd = collectedHeapMb();
    const resourcesAfter = process.getActiveResourcesInfo().length;
    const report = {
      cycles: CYCLES,
      seed: SEED,
      faultedCycles: faulted,
      requests: emulator.log.entries().length,
      heapWarmMb: Number(heapWarm.toFixed(1)),
      heapPeakMb: Number(heapPeak.toFixed(1)),
      heapEndMb: Number(heapEnd.toFixed(1)),
      abortListeners: api.data.diagnostics().abortListeners,
      activeResources: { before: resourcesBefore, after: resourcesAfter },
      errorsShown: [...shownErrors].sort(),
    };
    console.log(`soak: ${JSON.stringify(report)}`);
    assert.ok(heapEnd - heapWarm < 16, `the heap grew ${(heapEnd - heapWarm).toFixed(1)} MB over the soak`);
    assert.equal(report.abortListeners, 0);
    assert.ok(
      resourcesAfter <= resourcesBefore + 4,
      `active handles grew from ${resourcesBefore} to ${resourcesAfter}: ${process.getActiveResourcesInfo().join(', ')}`,
    );
    assert.equal(api.log.errorCount, errorsBefore, 'an error was logged during the soak');
  });
});
