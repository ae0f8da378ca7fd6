import { startEmulator } from '../test/emulator/emulator';
import { createCertificate, days, generateKey } from '../test/fixtures/certificateFactory';
import { AccountData } from '../src/model/accountData';
import { ActivityTracker } from '../src/model/activityTracker';
import { certificateOperations } from '../src/model/certificateOperations';
import type { LoggedRequest } from '../test/emulator/requestLog';
import { ourClient } from './fullScan';

export interface RotationRun {
  readonly ms: number;
  /** Every request, and those that are not polling (waiting for Cloudflare to settle). */
  readonly requests: number;
  readonly nonPolling: number;
}

const TIMING = { initialDelayMs: 25, maxDelayMs: 100, timeoutMs: 30_000 };

/** Polling: reading a certificate by id, or the association list once the move was sent. */
function nonPolling(entries: readonly LoggedRequest[]): number {
  const put = entries.findIndex((entry) => entry.method === 'PUT');
  return entries.filter((entry, index) => {
    if (entry.method !== 'GET') {
      return true;
    }
    const byId = /\/hostnames\/certificates\/[^/]+$/.test(entry.path);
    const associationPoll = /\/hostnames$/.test(entry.path) && put >= 0 && index > put;
    return !byId && !associationPoll;
  }).length;
}

/**
 * Rotating a client certificate used by `hostnames` hostnames at `latencyMs` per request, with the
 * emulator's transition delays at zero: ours (the model's rotation, then deleting the old one), and
 * the hand-run sequence a script or the dashboard amounts to (upload, one PUT per hostname, delete),
 * measured in the same run against the same emulator.
 */
export async function rotationRuns(
  hostnames: number,
  latencyMs: number,
  runs: number,
): Promise<{ ours: RotationRun[]; byHand: RotationRun[] }> {
  const emulator = await startEmulator({
    port: 0,
    seed: 'demo',
    transitionMs: 0,
    associationTransitionMs: 0,
    rateLimit: { requests: 1_000_000, windowMs: 300_000 },
  });
  const key = await generateKey('ECDSA');
  const names = Array.from({ length: hostnames }, (_, index) => `h${index}.rotation-bench.example`);
  const ours: RotationRun[] = [];
  const byHand: RotationRun[] = [];
  try {
    for (let run = 0; run < runs * 2; run += 1) {
      // A zone per run: a zone holds at most 10 certificates, and each run leaves its replacement.
      const zone = emulator.state.addZone(`rotation-bench-${run}.example`);
      const old = await createCertificate({ commonName: 'rotation-bench.example', key, notAfter: days(10) });
      const next = await createCertificate({ commonName: 'rotation-bench.example', key, notAfter: days(400) });
      const oldId = emulator.state.uploadAopCertificate(zone.id, old.certPem, old.key.pkcs8Pem, { fixedStatus: 'active' }).id;
      emulator.state.updateAssociations(
        zone.id,
        names.map((hostname) => ({ hostname, cert_id: oldId, enabled: true })),
        { immediate: true },
      );
      const client = ourClient(emulator.baseUrl);
      const data = new AccountData(async () => client);
      const operations = certificateOperations(
        async () => client,
        data,
        new ActivityTracker(),
        () => TIMING,
        () => undefined,
      );
      // The view has the zone loaded before anyone rotates; that load is not part of the rotation.
      await data.aop(zone.id);
      emulator.log.clear();
      emulator.latencyMs = latencyMs;
      const started = performance.now();
      if (run % 2 === 0) {
        const replacement = {
          zoneId: zone.id,
          zoneName: zone.name,
          name: 'rotation-bench.example',
          certificatePem: next.certPem,
          privateKeyPem: next.key.pkcs8Pem,
          serialNumber: next.serialNumber,
        };
        const outcome = await operations.rotateClientCertificate(
          { zoneId: zone.id, zoneName: zone.name, oldCertificateId: oldId },
          replacement,
        );
        if (!outcome.complete) {
          throw new Error('the benchmark rotation did not complete');
        }
        await operations.deleteClientCertificate({ zoneId: zone.id, zoneName: zone.name, certificateId: oldId, name: 'old' }, []);
      } else {
        const created = await client.uploadHostnameCertificate(zone.id, { certificate: next.certPem, private_key: next.key.pkcs8Pem });
        for (const hostname of names) {
          await client.updateHostnameAssociations(zone.id, [{ hostname, cert_id: created.id, enabled: true }]);
        }
        await client.deleteHostnameCertificate(zone.id, oldId);
      }
      const ms = performance.now() - started;
      emulator.latencyMs = 0;
      const entries = emulator.log.entries();
      (run % 2 === 0 ? ours : byHand).push({ ms, requests: entries.length, nonPolling: nonPolling(entries) });
    }
  } finally {
    await emulator.close();
  }
  return { ours, byHand };
}
