import { X509Certificate } from 'node:crypto';
import type { CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import { CloudflareApiError, NotFoundError } from '../../../src/cloudflare/errors';
import type { EntryPage } from '../../../src/cloudflare/cloudflareTransport';
import { entriesOf } from '../../../src/cloudflare/listEntries';
import type {
  AssociationChange,
  CustomHostname,
  HostnameAssociation,
  HostnameCertificate,
  Page,
  Zone,
} from '../../../src/cloudflare/types';
import { certificate } from './fakeBuilders';
import { type Behaviour, Script } from './fakeScript';
import { FakeState } from './fakeState';

export type { Behaviour } from './fakeScript';
export * from './fakeBuilders';

/** The CloudflareClient methods the model calls; the fake implements exactly these. */
export type FakeMethod =
  | 'listZones'
  | 'listHostnameCertificates'
  | 'getHostnameCertificate'
  | 'uploadHostnameCertificate'
  | 'deleteHostnameCertificate'
  | 'listHostnameAssociations'
  | 'getHostnameAssociation'
  | 'updateHostnameAssociations'
  | 'getAopSettings'
  | 'setAopSettings'
  | 'listCustomHostnames'
  | 'getCustomHostname'
  | 'replacePackCertificate'
  | 'deletePackCertificate';

/**
 * Cloudflare in memory, for the model's unit tests: every call is logged, answers asynchronously,
 * returns copies (so the model never aliases the fake's state), and can be scripted per call. A write
 * leaves its item transitional until it has been read `pollsToSettle` times, so operations poll.
 */
export class FakeClient extends FakeState implements Pick<CloudflareClient, FakeMethod> {
  readonly script = new Script<FakeMethod>();

  /** The calls made so far, as "method arg…" lines, in order. */
  /** The fake has no limiter: every lane is the same queue. */
  withLane(): this {
    return this;
  }

  get requests(): readonly string[] {
    return this.script.log;
  }

  count(method: FakeMethod): number {
    return this.script.log.filter((line) => line.split(' ')[0] === method).length;
  }

  /** Scripts the `nth` call (1-based, counted from the start) of a method. */
  on(method: FakeMethod, behaviour: Behaviour, nth = 1): this {
    this.script.set(method, nth, behaviour);
    return this;
  }

  /** Scripts the call at `position` in the request log (1-based), whatever its method. */
  onRequest(position: number, behaviour: Behaviour): this {
    this.script.setAt(position, behaviour);
    return this;
  }

  /** Resolves once the `nth` call of a method has started (for cancelling "during" a request). */
  reached(method: FakeMethod, nth = 1): Promise<void> {
    return this.script.reached(method, nth);
  }

  asClient(): CloudflareClient {
    return this as unknown as CloudflareClient;
  }

  // ---- Zones and client certificates ----

  listZones(signal?: AbortSignal): Promise<Zone[]> {
    return this.script.call('listZones', [], signal, () => this.zones);
  }

  listHostnameCertificates(zoneId: string, signal?: AbortSignal): Promise<HostnameCertificate[]> {
    return this.script.call('listHostnameCertificates', [zoneId], signal, () => this.zoneCertificates(zoneId));
  }

  getHostnameCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<HostnameCertificate> {
    return this.script.call('getHostnameCertificate', [zoneId, certificateId], signal, () => {
      this.advance(`certificate/${zoneId}/${certificateId}`);
      return this.findCertificate(zoneId, certificateId);
    });
  }

  uploadHostnameCertificate(
    zoneId: string,
    body: { certificate: string; private_key: string },
    signal?: AbortSignal,
  ): Promise<HostnameCertificate> {
    return this.script.call('uploadHostnameCertificate', [zoneId], signal, () => {
      const parsed = new X509Certificate(body.certificate);
      // Cloudflare reports serials in upper case; the model must compare them case-insensitively.
      const stored = certificate({
        id: `uploaded-${this.nextId++}`,
        status: 'pending_deployment',
        serial: parsed.serialNumber.toUpperCase(),
        pem: body.certificate,
        expiresOn: new Date(parsed.validTo),
      });
      this.zoneCertificates(zoneId).push(stored);
      this.transition(`certificate/${zoneId}/${stored.id}`, () => this.updateCertificate(zoneId, stored.id, { status: 'active' }));
      return stored;
    });
  }

  deleteHostnameCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<HostnameCertificate | undefined> {
    return this.script.call('deleteHostnameCertificate', [zoneId, certificateId], signal, () => {
      const found = this.findCertificate(zoneId, certificateId);
      if ((this.associations.get(zoneId) ?? []).some((association) => association.cert_id === certificateId)) {
        throw new CloudflareApiError('Cloudflare cannot delete this now: it is still in use or still changing.', {
          status: 400,
          codes: [1305],
        });
      }
      this.updateCertificate(zoneId, certificateId, { status: 'pending_deletion' });
      this.transition(`certificate/${zoneId}/${certificateId}`, () => {
        this.certificates.set(
          zoneId,
          this.zoneCertificates(zoneId).filter((item) => item.id !== certificateId),
        );
      });
      return { ...found, status: 'pending_deletion' };
    });
  }

  // ---- Associations and the zone switch ----

  listHostnameAssociations(zoneId: string, signal?: AbortSignal): Promise<HostnameAssociation[]> {
    return this.script.call('listHostnameAssociations', [zoneId], signal, () => {
      // Reading the zone's list is a look at every association in it: time passes for each.
      for (const association of this.associations.get(zoneId) ?? []) {
        this.advance(`association/${zoneId}/${association.hostname}`);
      }
      return this.associations.get(zoneId) ?? [];
    });
  }

  getHostnameAssociation(zoneId: string, hostname: string, signal?: AbortSignal): Promise<HostnameAssociation> {
    return this.script.call('getHostnameAssociation', [zoneId, hostname], signal, () => {
      this.advance(`association/${zoneId}/${hostname}`);
      const found = (this.associations.get(zoneId) ?? []).find((association) => association.hostname === hostname);
      if (!found) {
        throw new NotFoundError('Cloudflare has no such item (it may have been deleted).', { status: 404 });
      }
      return found;
    });
  }

  updateHostnameAssociations(zoneId: string, config: readonly AssociationChange[], signal?: AbortSignal): Promise<HostnameAssociation[]> {
    return this.script.call(
      'updateHostnameAssociations',
      [zoneId, ...config.map((change) => `${change.hostname}=${String(change.enabled)}`)],
      signal,
      () => {
        const touched: HostnameAssociation[] = [];
        for (const change of config) {
          const others = (this.associations.get(zoneId) ?? []).filter((association) => association.hostname !== change.hostname);
          // Invalidating removes the association, as Cloudflare (and the emulator) do.
          if (change.enabled === null) {
            this.associations.set(zoneId, others);
            continue;
          }
          const updated: HostnameAssociation = {
            hostname: change.hostname,
            cert_id: change.cert_id,
            enabled: change.enabled,
            status: 'pending_deployment',
          };
          this.associations.set(zoneId, [...others, updated]);
          touched.push(updated);
          this.transition(`association/${zoneId}/${change.hostname}`, () => {
            this.associations.set(
              zoneId,
              (this.associations.get(zoneId) ?? []).map((item) =>
                item.hostname === change.hostname ? { ...item, status: 'active' } : item,
              ),
            );
          });
        }
        return touched;
      },
    );
  }

  getAopSettings(zoneId: string, signal?: AbortSignal): Promise<{ enabled: boolean }> {
    return this.script.call('getAopSettings', [zoneId], signal, () => this.aopSettings.get(zoneId) ?? { enabled: false });
  }

  setAopSettings(zoneId: string, enabled: boolean, signal?: AbortSignal): Promise<{ enabled: boolean }> {
    return this.script.call('setAopSettings', [zoneId, String(enabled)], signal, () => {
      this.aopSettings.set(zoneId, { enabled });
      return { enabled };
    });
  }

  // ---- Custom hostnames and their packs ----

  listCustomHostnames(zoneId: string, signal?: AbortSignal): Promise<CustomHostname[]> {
    return this.script.call('listCustomHostnames', [zoneId], signal, () => this.hostnames.get(zoneId) ?? []);
  }

  /** Rows per page of listCustomHostnamesPage; by default every hostname comes on page 1. */
  hostnamePageSize: number | undefined;

  /** The model pages through the list; each page is scripted and logged as a listCustomHostnames call. */
  async listCustomHostnamesPage(zoneId: string, page: number, perPage: number, signal?: AbortSignal): Promise<Page<CustomHostname>> {
    const all = await this.listCustomHostnames(zoneId, signal);
    const size = this.hostnamePageSize ?? Math.max(all.length, 1);
    const items = all.slice((page - 1) * size, page * size);
    const totalPages = Math.max(1, Math.ceil(all.length / size));
    return {
      items,
      resultInfo: { page, per_page: Math.min(size, perPage), count: items.length, total_count: all.length, total_pages: totalPages },
    };
  }

  /** The scan's form of the same page: its entries read one at a time. */
  async listCustomHostnameEntries(zoneId: string, page: number, perPage: number, signal?: AbortSignal): Promise<EntryPage<CustomHostname>> {
    const { items, resultInfo } = await this.listCustomHostnamesPage(zoneId, page, perPage, signal);
    return { entries: entriesOf(items), resultInfo };
  }

  getCustomHostname(zoneId: string, customHostnameId: string, signal?: AbortSignal): Promise<CustomHostname> {
    return this.script.call('getCustomHostname', [zoneId, customHostnameId], signal, () => {
      this.advance(`hostname/${zoneId}/${customHostnameId}`);
      return this.findHostname(zoneId, customHostnameId);
    });
  }

  replacePackCertificate(
    zoneId: string,
    hostnameId: string,
    packId: string,
    certificateId: string,
    body: { custom_certificate: string; custom_key: string },
    signal?: AbortSignal,
  ): Promise<CustomHostname> {
    return this.script.call('replacePackCertificate', [zoneId, hostnameId, packId, certificateId], signal, () => {
      const parsed = new X509Certificate(body.custom_certificate);
      const replaced = { serial_number: parsed.serialNumber.toLowerCase(), expires_on: new Date(parsed.validTo).toISOString() };
      this.updatePack(
        zoneId,
        hostnameId,
        packId,
        certificateId,
        (certificates) => certificates.map((item) => (item.id === certificateId ? { ...item, ...replaced } : item)),
        'pending_deployment',
      );
      this.transition(`hostname/${zoneId}/${hostnameId}`, () => this.setSslStatus(zoneId, hostnameId, 'active'));
      return this.findHostname(zoneId, hostnameId);
    });
  }

  deletePackCertificate(zoneId: string, hostnameId: string, packId: string, certificateId: string, signal?: AbortSignal): Promise<void> {
    return this.script.call('deletePackCertificate', [zoneId, hostnameId, packId, certificateId], signal, () => {
      // The status stays active while the certificate lingers in the pack for a few reads: only the
      // operation's own "has it left the pack?" check can tell the delete is not done yet.
      this.updatePack(zoneId, hostnameId, packId, certificateId, (certificates) => certificates, 'active');
      this.transition(`hostname/${zoneId}/${hostnameId}`, () =>
        this.updatePack(
          zoneId,
          hostnameId,
          packId,
          certificateId,
          (certificates) => certificates.filter((item) => item.id !== certificateId),
          'active',
        ),
      );
    });
  }
}

/** A client factory for AccountData and operations. */
export function clientOf(fake: FakeClient): () => Promise<CloudflareClient> {
  return () => Promise.resolve(fake.asClient());
}
