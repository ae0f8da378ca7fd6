import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { calendarDays, ExpiryWindow } from '../harness/expiryWording';
import { eventually, startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { child, rows, type Row } from './support/treeItems';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  id: string;
  certificate: string;
  expires_on: string;
  status: string;
  serial_number: string;
}
interface ApiAssociation {
  hostname: string;
  cert_id: string;
  enabled: boolean | null;
}
interface ApiHostname {
  id: string;
  hostname: string;
  ssl?: { id?: string; certificates?: { id: string; signature: string }[] };
}

/** The name the tree should show, worked out independently of the extension (node's own parser). */
function expectedCertificateLabel(pem: string): string {
  const certificate = new X509Certificate(pem);
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
  return cn ?? certificate.subjectAltName?.split(', ')[0]?.replace(/^DNS:/, '') ?? '';
}

describe('Certificates tree against the emulator', function () {
  let session: EmulatorSession;
  let zones: ApiZone[];
  const certificatesOf = new Map<string, ApiCertificate[]>();
  const hostnamesOf = new Map<string, ApiHostname[]>();

  before(async () => {
    session = await startEmulatorSession();
    zones = await session.get<ApiZone[]>('/zones?per_page=50');
    for (const zone of zones) {
      certificatesOf.set(zone.id, await session.get<ApiCertificate[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`));
      hostnamesOf.set(zone.id, await session.get<ApiHostname[]>(`/zones/${zone.id}/custom_hostnames?per_page=1000`));
    }
    session.emulator.log.clear();
  });

  after(async () => {
    await session?.stop();
  });

  const zoneRow = async (zone: ApiZone): Promise<Row> => child(session.api, undefined, zone.name);
  const busiestAopZone = () => [...zones].sort((a, b) => certificatesOf.get(b.id)!.length - certificatesOf.get(a.id)!.length)[0];
  const busiestSaasZone = () => [...zones].sort((a, b) => hostnamesOf.get(b.id)!.length - hostnamesOf.get(a.id)!.length)[0];

  it('lists every zone the token can see, with a status icon and a stable id', async () => {
    const roots = await rows(session.api);
    assert.deepEqual(
      roots.map((row) => row.label),
      zones.map((zone) => zone.name),
    );
    for (const [index, row] of roots.entries()) {
      assert.match(row.contextValue ?? '', /^zone( aopOn| aopOff)?$/);
      assert.equal(row.item.id, `zone/${zones[index].id}`);
      assert.equal(row.icon, 'cloud');
    }
  });

  it('shows the two groups of a zone, with counts, loading both in one round trip', async () => {
    const zone = busiestAopZone();
    session.api.tree.reload((await zoneRow(zone)).node);
    session.emulator.log.clear();
    const groups = await rows(session.api, (await zoneRow(zone)).node);
    assert.deepEqual(
      groups.map((row) => row.label),
      ['Client Certificates (AOP)', 'Custom Hostnames'],
    );
    assert.deepEqual(
      groups.map((row) => row.contextValue),
      ['aopGroup', 'customHostnames'],
    );
    assert.equal(groups[0].description, `${certificatesOf.get(zone.id)!.length} of 10`);
    const paths = session.emulator.log.entries().map((entry) => entry.path);
    assert.ok(
      paths.some((path) => path.endsWith('/origin_tls_client_auth/hostnames/certificates')),
      paths.join('\n'),
    );
    assert.ok(
      paths.some((path) => path.endsWith('/custom_hostnames')),
      paths.join('\n'),
    );
    const zoneItem = await zoneRow(zone);
    assert.match(zoneItem.description, /^\d+ client certs? · \d+ custom hostnames?( · AOP (on|off))?$/);
  });

  it('labels each client certificate by its CN or first SAN, with expiry words, icons and a tooltip', async () => {
    const zone = busiestAopZone();
    const wording = new ExpiryWindow();
    const group = await child(session.api, (await zoneRow(zone)).node, 'Client Certificates (AOP)');
    const certificateRows = await rows(session.api, group.node);
    const certificates = certificatesOf.get(zone.id)!;
    assert.equal(certificateRows.length, certificates.length);
    for (const certificate of certificates) {
      const row = certificateRows.find((candidate) => candidate.item.id === `zone/${zone.id}/aop/${certificate.id}`);
      assert.ok(row, `no row for ${certificate.id}`);
      assert.equal(row.label, expectedCertificateLabel(certificate.certificate));
      assert.equal(row.contextValue, 'aopCertificate');
      const expires = new Date(certificate.expires_on);
      assert.match(row.description, new RegExp(`^${wording.phrase(expires)}`));
      if (expires.getTime() <= Date.now()) {
        assert.equal(row.icon, 'error');
        assert.equal(row.iconColor, 'list.errorForeground');
      } else if (wording.some(expires, (left) => left <= 7)) {
        assert.equal(row.iconColor, 'list.errorForeground');
      } else if (wording.some(expires, (left) => left <= 30)) {
        assert.equal(row.iconColor, 'list.warningForeground');
      }
      if (certificate.status !== 'active') {
        assert.ok(row.description.includes(' · '), `status missing from "${row.description}" (${certificate.status})`);
      }
      assert.equal((row.item.tooltip as { isTrusted?: unknown }).isTrusted, undefined);
      for (const part of ['Subject', 'SANs', 'Issuer', 'Serial', 'Not after', 'Status', 'ID']) {
        assert.ok(row.tooltip.includes(`${part}:`), `tooltip lacks ${part}: ${row.tooltip}`);
      }
      assert.ok(row.tooltip.includes(certificate.id));
    }
  });

  it('shows the hostnames that use a certificate, enabled or disabled', async () => {
    const zone = busiestAopZone();
    const associations = await session.get<ApiAssociation[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames?status=all&per_page=1000`);
    const used = associations.find((association) => association.cert_id);
    assert.ok(used, 'the demo seed should associate hostnames with certificates');
    const group = await child(session.api, (await zoneRow(zone)).node, 'Client Certificates (AOP)');
    const certificateRow = (await rows(session.api, group.node)).find((row) => row.item.id?.endsWith(`/${used.cert_id}`));
    assert.ok(certificateRow);
    const hostnameRows = await rows(session.api, certificateRow.node);
    const expected = associations.filter((association) => association.cert_id === used.cert_id);
    assert.deepEqual(hostnameRows.map((row) => row.label).sort(), expected.map((association) => association.hostname).sort());
    for (const row of hostnameRows) {
      const association = expected.find((candidate) => candidate.hostname === row.label)!;
      assert.equal(row.contextValue, association.enabled ? 'association enabled' : 'association disabled');
      assert.match(row.description, association.enabled ? /^enabled · / : /^disabled · /);
    }
  });

  it('says "No certificates" and "No custom hostnames" for an empty zone', async () => {
    const empty = zones.find((zone) => certificatesOf.get(zone.id)!.length === 0 && hostnamesOf.get(zone.id)!.length === 0);
    assert.ok(empty, 'the demo seed should have an empty zone');
    const [aop, saas] = await rows(session.api, (await zoneRow(empty)).node);
    assert.deepEqual(
      (await rows(session.api, aop.node)).map((row) => [row.label, row.contextValue]),
      [['No certificates', 'message']],
    );
    assert.deepEqual(
      (await rows(session.api, saas.node)).map((row) => [row.label, row.contextValue]),
      [['No custom hostnames', 'message']],
    );
  });

  it('pages a long custom hostname list with "Load more"', async () => {
    const zone = busiestSaasZone();
    const total = hostnamesOf.get(zone.id)!.length;
    assert.ok(total > 50, `the demo seed should have a zone with more than 50 custom hostnames (has ${total})`);
    // Once the scan has loaded the zone's list, the group's pages are cut from it: Load more sends nothing.
    await session.api.account.whenScanned();
    const group = await child(session.api, (await zoneRow(zone)).node, 'Custom Hostnames');
    assert.equal(group.description, `${total}`);
    let shown = await rows(session.api, group.node);
    assert.equal(shown.length, 51);
    const more = shown[50];
    assert.equal(more.label, 'Load more');
    assert.equal(more.description, `50 of ${total} shown`);
    assert.equal(more.item.command?.command, 'cloudflareCertificates.loadMore');
    const requestsBefore = session.emulator.log.entries().length;
    (group.node as unknown as { showMore(): void }).showMore();
    shown = await rows(session.api, group.node);
    assert.equal(shown.filter((row) => row.contextValue === 'customHostname').length, Math.min(100, total));
    assert.equal(session.emulator.log.entries().length, requestsBefore, 'Load more should not need a request');
  });

  it('shows certificate packs with their RSA and ECDSA certificates; the last one in a pack is marked', async () => {
    const zone = busiestSaasZone();
    const hostnames = hostnamesOf.get(zone.id)!;
    const withTwo = hostnames.find((hostname) => hostname.ssl?.certificates?.length === 2);
    const withOne = hostnames.find((hostname) => hostname.ssl?.certificates?.length === 1);
    assert.ok(withTwo && withOne, 'the demo seed should have packs of one and of two certificates');
    const wording = new ExpiryWindow();
    const group = await child(session.api, (await zoneRow(zone)).node, 'Custom Hostnames');
    for (const [hostname, expectedContext] of [
      [withTwo, 'packCertificate'],
      [withOne, 'packCertificate last'],
    ] as const) {
      const index = hostnames.indexOf(hostname);
      for (let page = 50; page <= index; page += 50) {
        (group.node as unknown as { showMore(): void }).showMore();
      }
      const hostnameRow = await child(session.api, group.node, hostname.hostname);
      assert.equal(hostnameRow.contextValue, 'customHostname');
      // The hostname leads with its pack's soonest expiry, so an expiring certificate shows on the row.
      const soonest = new Date(
        Math.min(
          ...hostname.ssl!.certificates!.map((certificate) => Date.parse((certificate as unknown as { expires_on: string }).expires_on)),
        ),
      );
      assert.match(hostnameRow.description, new RegExp(`^${wording.phrase(soonest)} · SSL .+ · hostname .+$`));
      const [pack] = await rows(session.api, hostnameRow.node);
      const held = hostname.ssl!.certificates!.map((certificate) => (/ECDSA/i.test(certificate.signature) ? 'ECDSA' : 'RSA')).join(' + ');
      assert.match(pack.label, new RegExp(`^Certificate pack · ${held.replace('+', '\\+')}( · \\w+)?$`));
      assert.match(pack.tooltip, new RegExp(`ID: ${hostname.ssl!.id}`));
      const certificates = await rows(session.api, pack.node);
      const expectedTypes = hostname.ssl!.certificates!.map((certificate) => (/ECDSA/i.test(certificate.signature) ? 'ECDSA' : 'RSA'));
      assert.deepEqual(certificates.map((row) => row.label).sort(), expectedTypes.sort());
      for (const row of certificates) {
        assert.equal(row.contextValue, expectedContext);
        assert.match(row.description, /expire/);
        assert.ok(row.tooltip.includes('Not after:'));
      }
    }
  });

  it('shows a failed load as a warning node in words, and retries when it is clicked', async () => {
    const zone = busiestAopZone();
    session.emulator.faults.add({
      kind: 'serverError',
      status: 503,
      path: 'origin_tls_client_auth/hostnames/certificates',
      times: Infinity,
    });
    try {
      const group = await child(session.api, (await zoneRow(zone)).node, 'Client Certificates (AOP)');
      session.api.tree.reload(group.node);
      const [failed] = await rows(session.api, group.node);
      assert.equal(failed.contextValue, 'error');
      assert.equal(failed.icon, 'warning');
      assert.match(failed.label, /^Could not load client certificates: /);
      assert.doesNotMatch(failed.label, /demo-token|<html|\{"/);
      assert.equal(failed.item.command?.command, 'cloudflareCertificates.retryNode');
      session.emulator.faults.clear();
      const { command } = failed.item;
      await import('vscode').then((vscode) => vscode.commands.executeCommand(command!.command, ...(command!.arguments ?? [])));
      const recovered = await rows(session.api, group.node);
      assert.equal(recovered.length, certificatesOf.get(zone.id)!.length);
      assert.ok(recovered.every((row) => row.contextValue === 'aopCertificate'));
    } finally {
      session.emulator.faults.clear();
    }
  });

  it('keeps other zones working when one zone fails', async () => {
    const [broken, healthy] = [busiestAopZone(), busiestSaasZone()];
    assert.notEqual(broken.id, healthy.id);
    session.emulator.faults.add({ kind: 'serverError', status: 500, path: `/zones/${broken.id}/`, times: Infinity });
    try {
      session.api.tree.reloadAll();
      const roots = await rows(session.api);
      assert.equal(roots.length, zones.length);
      const brokenGroups = await rows(session.api, (await zoneRow(broken)).node);
      const [failed] = await rows(session.api, brokenGroups[0].node);
      assert.equal(failed.contextValue, 'error');
      const healthyGroups = await rows(session.api, (await zoneRow(healthy)).node);
      const hostnames = await rows(session.api, healthyGroups[1].node);
      assert.ok(hostnames.some((row) => row.contextValue === 'customHostname'));
    } finally {
      session.emulator.faults.clear();
      session.api.tree.reloadAll();
    }
  });

  it('counts the certificates Cloudflare holds that expire within the warning window in the status bar', async () => {
    const wording = new ExpiryWindow();
    session.api.tree.reloadAll();
    await rows(session.api);
    const within = (iso: string | undefined, now: Date) => iso !== undefined && calendarDays(now, new Date(iso)) <= 30;
    const expectedAt = (now: Date) => {
      let expected = 0;
      for (const zone of zones) {
        // A certificate on its way out (deleted, pending deletion) is not counted: nobody needs to renew it.
        const counted = certificatesOf
          .get(zone.id)!
          .filter((certificate) => !['deleted', 'pending_deletion'].includes(certificate.status ?? ''));
        expected += counted.filter((certificate) => within(certificate.expires_on, now)).length;
        for (const hostname of hostnamesOf.get(zone.id)!) {
          for (const certificate of hostname.ssl?.certificates ?? []) {
            if (within((certificate as unknown as { expires_on?: string }).expires_on, now)) {
              expected += 1;
            }
          }
        }
      }
      return expected;
    };
    assert.ok(expectedAt(new Date()) > 0, 'the demo seed should have certificates inside the warning window');
    await eventually('the status bar count', () =>
      wording.readings().map(expectedAt).includes(session.api.statusBar.current.length) ? true : undefined,
    );
  });

  it("sent only requests that validate against Cloudflare's published schema", () => {
    assert.deepEqual(session.emulator.contractViolations, []);
  });
});
