import { NotFoundError } from '../../../src/cloudflare/errors';
import type { CustomHostname, HostnameAssociation, HostnameCertificate, PackCertificate, Zone } from '../../../src/cloudflare/types';

/** A write Cloudflare has accepted but not yet finished: it completes after `remaining` GETs of that item. */
interface Transition {
  remaining: number;
  finish: () => void;
}

/**
 * What the fake Cloudflare holds, and how its pending writes complete: a read of an item is how time
 * passes for it, so a test decides exactly how many polls an operation needs.
 */
export class FakeState {
  zones: Zone[] = [];
  readonly certificates = new Map<string, HostnameCertificate[]>();
  readonly associations = new Map<string, HostnameAssociation[]>();
  readonly hostnames = new Map<string, CustomHostname[]>();
  readonly aopSettings = new Map<string, { enabled: boolean }>();
  /** GETs of an item after a write before it leaves its transitional state; Infinity never settles. */
  pollsToSettle = 2;
  protected nextId = 1;
  private readonly transitions = new Map<string, Transition>();

  seed(
    zoneId: string,
    parts: {
      certificates?: HostnameCertificate[];
      associations?: HostnameAssociation[];
      hostnames?: CustomHostname[];
      aopEnabled?: boolean;
    } = {},
  ): this {
    if (!this.zones.some((zone) => zone.id === zoneId)) {
      this.zones.push({ id: zoneId, name: `${zoneId}.example` });
    }
    this.certificates.set(zoneId, parts.certificates ?? this.certificates.get(zoneId) ?? []);
    this.associations.set(zoneId, parts.associations ?? this.associations.get(zoneId) ?? []);
    this.hostnames.set(zoneId, parts.hostnames ?? this.hostnames.get(zoneId) ?? []);
    this.aopSettings.set(zoneId, { enabled: parts.aopEnabled ?? this.aopSettings.get(zoneId)?.enabled ?? false });
    return this;
  }

  zoneCertificates(zoneId: string): HostnameCertificate[] {
    let list = this.certificates.get(zoneId);
    if (!list) {
      list = [];
      this.certificates.set(zoneId, list);
    }
    return list;
  }

  protected findCertificate(zoneId: string, certificateId: string): HostnameCertificate {
    const found = this.zoneCertificates(zoneId).find((item) => item.id === certificateId);
    if (!found) {
      throw new NotFoundError('Cloudflare has no such item (it may have been deleted).', { status: 404 });
    }
    return found;
  }

  protected updateCertificate(zoneId: string, certificateId: string, change: Partial<HostnameCertificate>): void {
    this.certificates.set(
      zoneId,
      this.zoneCertificates(zoneId).map((item) => (item.id === certificateId ? { ...item, ...change } : item)),
    );
  }

  protected findHostname(zoneId: string, hostnameId: string): CustomHostname {
    const found = (this.hostnames.get(zoneId) ?? []).find((item) => item.id === hostnameId);
    if (!found) {
      throw new NotFoundError('Cloudflare has no such item (it may have been deleted).', { status: 404 });
    }
    return found;
  }

  protected updatePack(
    zoneId: string,
    hostnameId: string,
    packId: string,
    certificateId: string,
    change: (certificates: PackCertificate[]) => PackCertificate[],
    status: string,
  ): void {
    const hostname = this.findHostname(zoneId, hostnameId);
    const certificates = hostname.ssl?.certificates ?? [];
    if (hostname.ssl?.id !== packId || !certificates.some((item) => item.id === certificateId)) {
      throw new NotFoundError('The certificate was not found in this certificate pack.', { status: 404 });
    }
    const updated: CustomHostname = { ...hostname, ssl: { ...hostname.ssl, status, certificates: change(certificates) } };
    this.hostnames.set(
      zoneId,
      (this.hostnames.get(zoneId) ?? []).map((item) => (item.id === hostnameId ? updated : item)),
    );
  }

  protected setSslStatus(zoneId: string, hostnameId: string, status: string): void {
    this.hostnames.set(
      zoneId,
      (this.hostnames.get(zoneId) ?? []).map((item) => (item.id === hostnameId ? { ...item, ssl: { ...item.ssl, status } } : item)),
    );
  }

  protected transition(key: string, finish: () => void): void {
    this.transitions.set(key, { remaining: this.pollsToSettle, finish });
  }

  /** A read of an item is how time passes for it: after enough reads its pending write completes. */
  protected advance(key: string): void {
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
