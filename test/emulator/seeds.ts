import { createCertificate, days, sharedKey, type GeneratedCertificate } from '../fixtures/certificateFactory';
import type { CustomHostnameRecord, EmulatorState, PackCertificateRecord } from './emulatorState';
import { checkUpload } from './uploadRules';

/** Benchmark scale: certificates are shared between records so 50,000 hostnames start in seconds. */
export interface ScaleSeed {
  readonly zones: number;
  readonly certificatesPerZone: number;
  readonly associationsPerCertificate: number;
  readonly customHostnamesPerZone: number;
}

const ALL_PERMISSIONS = { zoneRead: true, sslEdit: true };

function addDemoTokens(state: EmulatorState): void {
  state.addToken({ value: 'demo-token', label: 'demo-token', permissions: ALL_PERMISSIONS });
  state.addToken({ value: 'demo-readonly-token', label: 'demo-readonly-token', permissions: { zoneRead: true, sslEdit: false } });
  state.addToken({ value: 'demo-account-token', label: 'demo-account-token', permissions: ALL_PERMISSIONS, owner: 'account' });
}

export function seedEmpty(state: EmulatorState): void {
  addDemoTokens(state);
  state.addZone('empty.example');
}

async function uploadSeeded(
  state: EmulatorState,
  zoneId: string,
  certificate: GeneratedCertificate,
  fixedStatus?: string,
  uploadedDaysAgo = 90,
) {
  return state.uploadAopCertificate(zoneId, certificate.certPem, certificate.key.pkcs8Pem, {
    fixedStatus: fixedStatus ?? 'active',
    uploadedOn: days(-uploadedDaysAgo),
  });
}

function packCertificate(certificate: GeneratedCertificate, id: string): PackCertificateRecord {
  return {
    id,
    certificate: checkUpload(certificate.certPem, certificate.key.pkcs8Pem, { leafOnly: true }),
    uploadedOn: days(-60).toISOString(),
  };
}

const HOSTNAME_STATUSES = [
  'active',
  'active',
  'active',
  'pending',
  'active_redeploying',
  'moved',
  'pending_deletion',
  'deleted',
  'pending_blocked',
  'pending_migration',
  'pending_provisioned',
  'test_pending',
  'test_active',
  'test_active_apex',
  'test_blocked',
  'test_failed',
  'provisioned',
  'blocked',
];
const SSL_STATUSES = [
  'active',
  'active',
  'active',
  'active',
  'initializing',
  'pending_validation',
  'deleted',
  'pending_issuance',
  'pending_deployment',
  'pending_deletion',
  'pending_expiration',
  'expired',
  'initializing_timed_out',
  'validation_timed_out',
  'issuance_timed_out',
  'deployment_timed_out',
  'deletion_timed_out',
  'pending_cleanup',
  'staging_deployment',
  'staging_active',
  'deactivating',
  'inactive',
  'backup_issued',
  'holding_deployment',
];

/**
 * The demo account: a zone with client certificates in every status and expiry band and hostnames
 * using them, a SaaS zone with 120 custom hostnames (packs of one and of two certificates), an empty
 * zone and a pending one. Real certificates and keys, made at start.
 */
export async function seedDemo(state: EmulatorState): Promise<void> {
  addDemoTokens(state);
  const [rsa, ecdsa] = await Promise.all([sharedKey('RSA'), sharedKey('ECDSA')]);
  const example = state.addZone('example.com');
  const org = state.addZone('example.org');
  const saas = state.addZone('saas-platform.net');
  state.addZone('staging.example.net');
  state.addZone('new-zone.dev', { status: 'pending' });

  const leaf = (commonName: string, notAfterDays: number, kind: 'RSA' | 'ECDSA' = 'ECDSA', notBeforeDays = -300) =>
    createCertificate({
      commonName,
      sans: [commonName],
      notBefore: days(notBeforeDays),
      notAfter: days(notAfterDays),
      key: kind === 'RSA' ? rsa : ecdsa,
    });

  const yearly = await uploadSeeded(state, example.id, await leaf('api.example.com', 365, 'RSA'));
  const monthly = await uploadSeeded(state, example.id, await leaf('shop.example.com', 20));
  await uploadSeeded(state, example.id, await leaf('legacy.example.com', -12, 'RSA', -400));
  await uploadSeeded(state, example.id, await leaf('payments.example.com', 3));
  await uploadSeeded(state, example.id, await leaf('new-origin.example.com', 180), 'pending_deployment', 0);
  await uploadSeeded(state, example.id, await leaf('init.example.com', 200), 'initializing', 0);
  await uploadSeeded(state, example.id, await leaf('stuck.example.com', 150), 'deployment_timed_out', 2);
  state.updateAssociations(
    example.id,
    [
      { hostname: 'api.example.com', cert_id: yearly.id, enabled: true },
      { hostname: 'www.example.com', cert_id: yearly.id, enabled: false },
      { hostname: 'shop.example.com', cert_id: monthly.id, enabled: true },
    ],
    { immediate: true },
  );

  await uploadSeeded(state, org.id, await leaf('origin.example.org', 240), 'active');
  await uploadSeeded(state, org.id, await leaf('retired.example.org', 60), 'pending_deletion');
  await uploadSeeded(state, org.id, await leaf('gone.example.org', 30), 'deleted');
  await uploadSeeded(state, org.id, await leaf('sticky.example.org', 45), 'deletion_timed_out');

  // A pool of real pack certificates across expiry bands, shared by the SaaS hostnames.
  // Most packs are healthy; a handful are inside the warning window, one is expired. In each band the
  // ECDSA certificate expires a few days off the RSA one, sooner in some bands and later in others,
  // so a pack of two has one soonest certificate, and it is not always the first.
  const rsaExpiries = [400, 300, 200, 90, 25, 6, -3];
  const ecdsaExpiries = [390, 310, 190, 100, 22, 5, -2];
  const rsaPool = await Promise.all(rsaExpiries.map((n, i) => leaf(`custom-rsa-${i}.saas-platform.net`, n, 'RSA')));
  const ecdsaPool = await Promise.all(ecdsaExpiries.map((n, i) => leaf(`custom-ecdsa-${i}.saas-platform.net`, n, 'ECDSA')));
  for (let index = 0; index < 120; index += 1) {
    const hostname = `shop${String(index + 1).padStart(3, '0')}.customer-${index % 7}.net`;
    const certificates: PackCertificateRecord[] = [];
    const band = index < 5 ? 3 + (index % 4) : index % 4;
    if (index % 3 !== 2) {
      certificates.push(packCertificate(rsaPool[band], cryptoId()));
    }
    if (index % 3 !== 0) {
      certificates.push(packCertificate(ecdsaPool[band], cryptoId()));
    }
    state.addCustomHostname(saas.id, hostname, {
      status: HOSTNAME_STATUSES[index % HOSTNAME_STATUSES.length],
      sslStatus: SSL_STATUSES[index % SSL_STATUSES.length],
      bundleMethod: (['ubiquitous', 'optimal', 'force'] as const)[index % 3],
      certificates,
    });
  }
}

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}

/** Many zones, each full: the benchmark's account. */
export async function seedScale(state: EmulatorState, scale: ScaleSeed): Promise<void> {
  addDemoTokens(state);
  const key = await sharedKey('ECDSA');
  const pool = await Promise.all(
    Array.from({ length: 8 }, (_, i) => createCertificate({ commonName: `pool-${i}.scale.test`, notAfter: days(10 + i * 50), key })),
  );
  const uploaded = pool.map((certificate) => checkUpload(certificate.certPem, certificate.key.pkcs8Pem, { leafOnly: true }));
  for (let z = 0; z < scale.zones; z += 1) {
    const zone = state.addZone(`zone-${String(z).padStart(3, '0')}.scale.test`);
    for (let c = 0; c < scale.certificatesPerZone; c += 1) {
      const record = {
        id: hexLike(z, c),
        zoneId: zone.id,
        certificate: uploaded[(z + c) % uploaded.length],
        uploadedOn: days(-30).toISOString(),
        fixedStatus: 'active',
        deployedAt: 0,
      };
      state.aopCertificates.push(record);
      for (let a = 0; a < scale.associationsPerCertificate; a += 1) {
        const stamp = days(-10).toISOString();
        state.associations.push({
          zoneId: zone.id,
          hostname: `h${c}-${a}.zone-${z}.scale.test`,
          certId: record.id,
          enabled: a % 2 === 0,
          createdAt: stamp,
          updatedAt: stamp,
        });
      }
    }
    for (let h = 0; h < scale.customHostnamesPerZone; h += 1) {
      const record: CustomHostnameRecord = state.addCustomHostname(zone.id, `customer-${h}.zone-${z}.scale.test`, {
        certificates: [{ id: `${hexLike(z, h)}-pack`, certificate: uploaded[h % uploaded.length], uploadedOn: days(-20).toISOString() }],
      });
      void record;
    }
  }
}

function hexLike(a: number, b: number): string {
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}${'0'.repeat(16)}`.slice(0, 32);
}
