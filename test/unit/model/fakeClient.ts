import { X509Certificate } from 'node:crypto';
import type { CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import { CloudflareApiError, NotFoundError } from '../../../src/cloudflare/errors';
import type { AssociationChange, CustomHostname, HostnameAssociation, HostnameCertificate, PackCertificate, Zone } from '../../../src/cloudflare/types';
import { type Behaviour, Script } from './fakeScript';

export type { Behaviour } from './fakeScript';

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

/** A write Cloudflare has accepted but not yet finished: it completes after `remaining` GETs of that item. */
interface Transition {
  remaining: number;
  finish: () => void;
}

/**
 * Cloudflare in memory, for the model's unit tests: every call is logged, answers asynchronously,
 * returns copies (so the model never aliases the fake's state), and can be scripted per call. A write
 * leaves its item transitional until it has been read `pollsToSettle` times, so operations poll.
 */
export class FakeClient implements Pick<CloudflareClient, FakeMethod> {
  zones: Zone[] = [];
  readonly certificates = new Map<string, HostnameCertificate[]>();
  readonly associations = new Map<string, HostnameAssociation[]>();
  readonly hostnames = new Map<string, CustomHostname[]>();
  readonly aopSettings = new Map<string, { enabled: boolean }>();
  /** GETs of an item after a write before it leaves its transitional state; Infinity never settles. */
  pollsToSettle = 2;
  readonly script = new Script<FakeMethod>();
  private readonly transitions = new Map<string, Transition>();
  private nextId = 1;

  /** The calls made so far, as "method arg…" lines, in order. */
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

  /** Resolves once the `nth` call of a method has started (for cancelling "during" a request). */
  reached(method: FakeMethod, nth = 1): Promise<void> {
    return this.script.reached(method, nth);
  }

  asClient(): CloudflareClient {
    return this as unknown as CloudflareClient;
  }

  seed(zoneId: string, parts: { certificates?: HostnameCertificate[]; associations?: HostnameAssociation[]; hostnames?: CustomHostname[]; aopEnabled?: boolean } = {}): this {
    if (!this.zones.some((zone) => zone.id === zoneId)) {
      this.zones.push({ id: zoneId, name: `${zoneId}.example` });
    }
    this.certificates.set(zoneId, parts.certificates ?? this.certificates.get(zoneId) ?? []);
    this.associations.set(zoneId, parts.associations ?? this.associations.get(zoneId) ?? []);
    this.hostnames.set(zoneId, parts.hostnames ?? this.hostnames.get(zoneId) ?? []);
    this.aopSettings.set(zoneId, { enabled: parts.aopEnabled ?? false });
    return this;
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

  uploadHostnameCertificate(zoneId: string, body: { certificate: string; private_key: string }, signal?: AbortSignal): Promise<HostnameCertificate> {
    return this.script.call('uploadHostnameCertificate', [zoneId], signal, () => {
      const parsed = new X509Certificate(body.certificate);
      // Cloudflare reports serials in upper case; the model must compare them case-insensitively.
      const stored = certificate({ id: `uploaded-${this.nextId++}`, status: 'pending_deployment', serial: parsed.serialNumber.toUpperCase(), pem: body.certificate, expiresOn: new Date(parsed.validTo) });
      this.zoneCertificates(zoneId).push(stored);
      this.transition(`certificate/${zoneId}/${stored.id}`, () => this.updateCertificate(zoneId, stored.id, { status: 'active' }));
      return stored;
    });
  }

  deleteHostnameCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<HostnameCertificate | undefined> {
    return this.script.call('deleteHostnameCertificate', [zoneId, certificateId], signal, () => {
      const found = this.findCertificate(zoneId, certificateId);
      if ((this.associations.get(zoneId) ?? []).some((association) => association.cert_id === certificateId)) {
        throw new CloudflareApiError('Cloudflare cannot delete this now: it is still in use or still changing.', { status: 400, codes: [1305] });
      }
      this.updateCertificate(zoneId, certificateId, { status: 'pending_deletion' });
      this.transition(`certificate/${zoneId}/${certificateId}`, () => {
        this.certificates.set(zoneId, this.zoneCertificates(zoneId).filter((item) => item.id !== certificateId));
      });
      return { ...found, status: 'pending_deletion' };
    });
  }

  // ---- Associations and the zone switch ----

  listHostnameAssociations(zoneId: string, signal?: AbortSignal): Promise<HostnameAssociation[]> {
    return this.script.call('listHostnameAssociations', [zoneId], signal, () => this.associations.get(zoneId) ?? []);
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
    return this.script.call('updateHostnameAssociations', [zoneId, ...config.map((change) => `${change.hostname}=${String(change.enabled)}`)], signal, () => {
      const touched: HostnameAssociation[] = [];
      for (const change of config) {
        const others = (this.associations.get(zoneId) ?? []).filter((association) => association.hostname !== change.hostname);
        // Invalidating removes the association, as Cloudflare (and the emulator) do.
        if (change.enabled === null) {
          this.associations.set(zoneId, others);
          continue;
        }
        const updated: HostnameAssociation = { hostname: change.hostname, cert_id: change.cert_id, enabled: change.enabled, status: 'pending_deployment' };
        this.associations.set(zoneId, [...others, updated]);
        touched.push(updated);
        this.transition(`association/${zoneId}/${change.hostname}`, () => {
          this.associations.set(zoneId, (this.associations.get(zoneId) ?? []).map((item) => (item.hostname === change.hostname ? { ...item, status: 'active' } : item)));
        });
      }
      return touched;
    });
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

  getCustomHostname(zoneId: string, customHostnameId: string, signal?: AbortSignal): Promise<CustomHostname> {
    return this.script.call('getCustomHostname', [zoneId, customHostnameId], signal, () => {
      this.advance(`hostname/${zoneId}/${customHostnameId}`);
      return this.findHostname(zoneId, customHostnameId);
    });
  }

  replacePackCertificate(zoneId: string, hostnameId: string, packId: string, certificateId: string, body: { custom_certificate: string; custom_key: string }, signal?: AbortSignal): Promise<CustomHostname> {
    return this.script.call('replacePackCertificate', [zoneId, hostnameId, packId, certificateId], signal, () => {
      const parsed = new X509Certificate(body.custom_certificate);
      const replaced = { serial_number: parsed.serialNumber.toLowerCase(), expires_on: new Date(parsed.validTo).toISOString() };
      this.updatePack(zoneId, hostnameId, packId, certificateId, (certificates) => certificates.map((item) => (item.id === certificateId ? { ...item, ...replaced } : item)), 'pending_deployment');
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
        this.updatePack(zoneId, hostnameId, packId, certificateId, (certificates) => certificates.filter((item) => item.id !== certificateId), 'active'),
      );
    });
  }

  // ---- State helpers ----

  zoneCertificates(zoneId: string): HostnameCertificate[] {
    let list = this.certificates.get(zoneId);
    if (!list) {
      list = [];
      this.certificates.set(zoneId, list);
    }
    return list;
  }

  private findCertificate(zoneId: string, certificateId: string): HostnameCertificate {
    const found = this.zoneCertificates(zoneId).find((item) => item.id === certificateId);
    if (!found) {
      throw new NotFoundError('Cloudflare has no such item (it may have been deleted).', { status: 404 });
    }
    return found;
  }

  private updateCertificate(zoneId: string, certificateId: string, change: Partial<HostnameCertificate>): void {
    this.certificates.set(zoneId, this.zoneCertificates(zoneId).map((item) => (item.id === certificateId ? { ...item, ...change } : item)));
  }

  private findHostname(zoneId: string, hostnameId: string): CustomHostname {
    const found = (this.hostnames.get(zoneId) ?? []).find((item) => item.id === hostnameId);
    if (!found) {
      throw new NotFoundError('Cloudflare has no such item (it may have been deleted).', { status: 404 });
    }
    return found;
  }

  private updatePack(zoneId: string, hostnameId: string, packId: string, certificateId: string, change: (certificates: PackCertificate[]) => PackCertificate[], status: string): void {
    const hostname = this.findHostname(zoneId, hostnameId);
    const certificates = hostname.ssl?.certificates ?? [];
    if (hostname.ssl?.id !== packId || !certificates.some((item) => item.id === certificateId)) {
      throw new NotFoundError('The certificate was not found in this certificate pack.', { status: 404 });
    }
    const updated: CustomHostname = { ...hostname, ssl: { ...hostname.ssl, status, certificates: change(certificates) } };
    this.hostnames.set(zoneId, (this.hostnames.get(zoneId) ?? []).map((item) => (item.id === hostnameId ? updated : item)));
  }

  private setSslStatus(zoneId: string, hostnameId: string, status: string): void {
    this.hostnames.set(zoneId, (this.hostnames.get(zoneId) ?? []).map((item) => (item.id === hostnameId ? { ...item, ssl: { ...item.ssl, status } } : item)));
  }

  private transition(key: string, finish: () => void): void {
    this.transitions.set(key, { remaining: this.pollsToSettle, finish });
  }

  /** A read of an item is how time passes for it: after enough reads its pending write completes. */
  private advance(key: string): void {
    const pending = this.transitions.get(key);
    if (pending) {
      pending.remaining -= 1;
      if (pending.remaining <= 0) {
        this.transitions.delete(key);
        pending.finish();
      }
    }
  }
}

/** A client factory for AccountData and operations. */
export function clientOf(fake: FakeClient): () => Promise<CloudflareClient> {
  return () => Promise.resolve(fake.asClient());
}

// ---- Builders ----

export function certificate(options: { id: string; status?: string; serial?: string; expiresOn?: Date; pem?: string }): HostnameCertificate {
  return {
    id: options.id,
    status: options.status ?? 'active',
    serial_number: options.serial ?? options.id.replace(/[^0-9a-f]/gi, '').padEnd(8, '0'),
    expires_on: (options.expiresOn ?? new Date(Date.now() + 365 * 86_400_000)).toISOString(),
    certificate: options.pem,
  };
}

export function association(hostname: string, certificateId: string, enabled: boolean | null = true): HostnameAssociation {
  return { hostname, cert_id: certificateId, enabled, status: 'active' };
}

export function packCertificate(id: string, signature: string, expiresOn: Date, serial = `${id}00`): PackCertificate {
  return { id, signature, expires_on: expiresOn.toISOString(), serial_number: serial };
}

export function hostname(id: string, name: string, certificates: PackCertificate[] = [], packId = `pack-${id}`): CustomHostname {
  return { id, hostname: name, status: 'active', ssl: { id: packId, status: 'active', certificates } };
}
