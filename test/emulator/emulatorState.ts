import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ApiFailure, notFound } from './apiFailure';
import { AssociationHistory, type ServiceGap } from './associationHistory';
import {
  applyAssociationChanges,
  type AssociationView,
  associationStatus,
  associationViews,
  MAX_ASSOCIATIONS_PER_CERTIFICATE,
  usersOf,
} from './associationRules';
import { checkUpload, type UploadedCertificate } from './uploadRules';

export type { AssociationView } from './associationRules';

/**
 * Everything the emulated account holds, and Cloudflare's rules over it. Transitional states are
 * times, resolved when read: a certificate uploaded at t is `pending_deployment` until
 * t + transitionMs, then `active`; a deleted one is `pending_deletion`, then gone.
 */
export interface TokenRecord {
  readonly value: string;
  readonly label: string;
  readonly id: string;
  permissions: { zoneRead: boolean; sslEdit: boolean };
  owner: 'user' | 'account';
  status: 'active' | 'disabled' | 'expired';
}

export interface ZoneRecord {
  readonly id: string;
  readonly name: string;
  status: 'active' | 'pending' | 'initializing' | 'moved';
  readonly accountId: string;
  readonly accountName: string;
  aopEnabled: boolean;
  readonly createdOn: string;
}

export interface AopCertificateRecord {
  readonly id: string;
  readonly zoneId: string;
  readonly certificate: UploadedCertificate;
  readonly uploadedOn: string;
  /** A fixed status (seeds show every status); otherwise derived from the times below. */
  fixedStatus?: string;
  deployedAt: number;
  deletingAt?: number;
}

export interface AssociationRecord {
  readonly zoneId: string;
  readonly hostname: string;
  certId: string;
  enabled: boolean;
  readonly createdAt: string;
  updatedAt: string;
  /** When certId starts serving the hostname (pending_deployment until then); absent = already serving. */
  deployedAt?: number;
  /** The certificate that keeps serving the hostname until deployedAt, after a move. */
  previousCertId?: string;
}

export interface PackCertificateRecord {
  readonly id: string;
  readonly certificate: UploadedCertificate;
  readonly uploadedOn: string;
}

export interface CustomHostnameRecord {
  readonly id: string;
  readonly zoneId: string;
  readonly hostname: string;
  status: string;
  sslStatus: string;
  readonly packId: string;
  bundleMethod: 'ubiquitous' | 'optimal' | 'force';
  certificateAuthority?: 'digicert' | 'google' | 'lets_encrypt' | 'ssl_com';
  certificates: PackCertificateRecord[];
  /** Until then the SSL status reads pending_deployment (after a replace). */
  deployingUntil?: number;
  readonly createdAt: string;
}

export const MAX_CERTIFICATES_PER_ZONE = 10;
export { MAX_ASSOCIATIONS_PER_CERTIFICATE };

export const hexId = (): string => randomBytes(16).toString('hex');

export class EmulatorState {
  readonly tokens = new Map<string, TokenRecord>();
  readonly zones: ZoneRecord[] = [];
  readonly aopCertificates: AopCertificateRecord[] = [];
  readonly associations: AssociationRecord[] = [];
  /** Custom hostnames in creation order, by zone: a scan of 50 zones × 1,000 reads one zone's list 50 times. */
  private readonly hostnamesByZone = new Map<string, CustomHostnameRecord[]>();
  private readonly allHostnames: CustomHostnameRecord[] = [];
  /** Every applied association change, for "each hostname always had an active certificate". */
  readonly associationHistory = new AssociationHistory();
  /** How long a new or moved association stays pending_deployment; transitionMs unless set. */
  associationTransitionOverride?: number;
  /**
   * Whether uploading a certificate the zone already holds (active) is refused with 1406, as it is while
   * the old copy is pending_deletion. Off by default: the service's behaviour there is not documented.
   */
  refuseDuplicateUploads = false;

  constructor(
    public transitionMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  clock(): number {
    return this.now();
  }

  get associationTransitionMs(): number {
    return this.associationTransitionOverride ?? this.transitionMs;
  }

  addToken(token: {
    value: string;
    label?: string;
    permissions?: { zoneRead: boolean; sslEdit: boolean };
    owner?: 'user' | 'account';
    status?: TokenRecord['status'];
  }): TokenRecord {
    const record: TokenRecord = {
      value: token.value,
      label: token.label ?? token.value,
      id: hexId(),
      permissions: token.permissions ?? { zoneRead: true, sslEdit: true },
      owner: token.owner ?? 'user',
      status: token.status ?? 'active',
    };
    this.tokens.set(record.value, record);
    return record;
  }

  revokeToken(value: string): void {
    this.tokens.delete(value);
  }

  addZone(name: string, options: Partial<Pick<ZoneRecord, 'status' | 'accountId' | 'accountName'>> = {}): ZoneRecord {
    const zone: ZoneRecord = {
      id: hexId(),
      name,
      status: options.status ?? 'active',
      accountId: options.accountId ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      accountName: options.accountName ?? 'Demo Account',
      aopEnabled: true,
      createdOn: new Date(this.now() - 400 * 86_400_000).toISOString(),
    };
    this.zones.push(zone);
    return zone;
  }

  zone(zoneId: string): ZoneRecord {
    const zone = this.zones.find((candidate) => candidate.id === zoneId);
    if (!zone) {
      throw new ApiFailure(404, 7003, `Could not route to /zones/${zoneId}, perhaps your object identifier is invalid?`);
    }
    return zone;
  }

  // --- Authenticated Origin Pulls -------------------------------------------------------------

  aopStatus(record: AopCertificateRecord): string {
    const now = this.now();
    if (record.deletingAt !== undefined) {
      return 'pending_deletion';
    }
    if (record.fixedStatus) {
      return record.fixedStatus;
    }
    return now < record.deployedAt ? 'pending_deployment' : 'active';
  }

  /** The zone's certificates, after letting finished deletions disappear. */
  aopCertificatesOf(zoneId: string): AopCertificateRecord[] {
    this.zone(zoneId);
    const now = this.now();
    for (let index = this.aopCertificates.length - 1; index >= 0; index -= 1) {
      const record = this.aopCertificates[index];
      if (record.deletingAt !== undefined && now >= record.deletingAt) {
        this.aopCertificates.splice(index, 1);
      }
    }
    return this.aopCertificates.filter((record) => record.zoneId === zoneId);
  }

  aopCertificate(zoneId: string, certificateId: string): AopCertificateRecord {
    const record = this.aopCertificatesOf(zoneId).find((candidate) => candidate.id === certificateId);
    if (!record) {
      throw notFound('Certificate', 1404);
    }
    return record;
  }

  uploadAopCertificate(
    zoneId: string,
    certificatePem: unknown,
    privateKeyPem: unknown,
    options: { fixedStatus?: string; uploadedOn?: Date } = {},
  ): AopCertificateRecord {
    const existing = this.aopCertificatesOf(zoneId);
    if (existing.length >= MAX_CERTIFICATES_PER_ZONE) {
      throw new ApiFailure(400, 1405, `A zone can hold at most ${MAX_CERTIFICATES_PER_ZONE} hostname client certificates.`);
    }
    const certificate = checkUpload(certificatePem, privateKeyPem, { leafOnly: true });
    const copies = existing.filter((record) => record.certificate.fingerprintSha256 === certificate.fingerprintSha256);
    if (copies.some((record) => this.aopStatus(record) === 'pending_deletion') || (this.refuseDuplicateUploads && copies.length > 0)) {
      throw new ApiFailure(400, 1406, 'The certificate already exists.');
    }
    // Cloudflare derives the id from the certificate: once a deleted copy is gone, uploading it again brings back the same id.
    const derived = createHash('sha256').update(`${zoneId}:${certificate.fingerprintSha256}`).digest('hex').slice(0, 32);
    const record: AopCertificateRecord = {
      id: copies.length === 0 && !this.aopCertificates.some((other) => other.id === derived) ? derived : hexId(),
      zoneId,
      certificate,
      uploadedOn: (options.uploadedOn ?? new Date(this.now())).toISOString(),
      fixedStatus: options.fixedStatus,
      deployedAt: this.now() + this.transitionMs,
    };
    this.aopCertificates.push(record);
    return record;
  }

  deleteAopCertificate(zoneId: string, certificateId: string): AopCertificateRecord {
    const record = this.aopCertificate(zoneId, certificateId);
    if (this.aopStatus(record) === 'pending_deletion') {
      throw new ApiFailure(400, 1414, 'The certificate is pending deletion.');
    }
    const users = usersOf(this, zoneId, certificateId);
    if (users.length > 0) {
      throw new ApiFailure(
        400,
        1433,
        `The certificate is still used by ${users.length} hostname association(s); invalidate them (enabled: null) before deleting it.`,
      );
    }
    record.deletingAt = this.now() + this.transitionMs;
    record.fixedStatus = undefined;
    return record;
  }

  associationsOf(zoneId: string): AssociationRecord[] {
    this.zone(zoneId);
    return this.associations.filter((association) => association.zoneId === zoneId);
  }

  /** PUT …/hostnames (see associationRules.ts); `immediate` skips pending_deployment, for seeds. */
  updateAssociations(zoneId: string, config: unknown, options: { immediate?: boolean } = {}): AssociationRecord[] {
    return applyAssociationChanges(this, zoneId, config, options);
  }

  associationStatus(association: AssociationRecord): string {
    return associationStatus(this, association);
  }

  /** The zone's associations with their status and the certificate serving each hostname right now. */
  associationViews(zoneId: string): AssociationView[] {
    return associationViews(this, zoneId);
  }

  /** What serves the hostname at `at` (default now): the old certificate until a move is deployed. */
  servingCertificate(zoneId: string, hostname: string, at = this.now()): { certId: string; enabled: boolean } | undefined {
    if (!this.associationHistory.has(zoneId, hostname)) {
      const seeded = this.associations.find((association) => association.zoneId === zoneId && association.hostname === hostname);
      return seeded ? { certId: seeded.certId, enabled: seeded.enabled } : undefined;
    }
    return this.associationHistory.servingAt(zoneId, hostname, at);
  }

  /** Stretches after a hostname was first served when no enabled certificate served it (empty = never down). */
  serviceGaps(zoneId: string, hostname: string, until = this.now()): ServiceGap[] {
    return this.associationHistory.gaps(zoneId, hostname, until);
  }

  // --- Custom hostnames -----------------------------------------------------------------------

  /** Every zone's custom hostnames, in creation order. */
  get customHostnames(): readonly CustomHostnameRecord[] {
    return this.allHostnames;
  }

  customHostnamesOf(zoneId: string): readonly CustomHostnameRecord[] {
    this.zone(zoneId);
    return this.hostnamesByZone.get(zoneId) ?? [];
  }

  customHostname(zoneId: string, id: string): CustomHostnameRecord {
    const record = this.customHostnamesOf(zoneId).find((candidate) => candidate.id === id);
    if (!record) {
      throw new ApiFailure(404, 1436, 'The custom hostname was not found.');
    }
    return record;
  }

  addCustomHostname(
    zoneId: string,
    hostname: string,
    options: Partial<Pick<CustomHostnameRecord, 'status' | 'sslStatus' | 'bundleMethod' | 'certificateAuthority'>> & {
      certificates?: PackCertificateRecord[];
      /** Listed before the zone's others, as a hostname added between two page reads can shift the list. */
      first?: boolean;
    } = {},
  ): CustomHostnameRecord {
    this.zone(zoneId);
    const record: CustomHostnameRecord = {
      id: hexId(),
      zoneId,
      hostname,
      status: options.status ?? 'active',
      sslStatus: options.sslStatus ?? 'active',
      packId: randomUUID(),
      bundleMethod: options.bundleMethod ?? 'ubiquitous',
      certificateAuthority: options.certificateAuthority,
      certificates: options.certificates ?? [],
      createdAt: new Date(this.now() - 30 * 86_400_000).toISOString(),
    };
    const ofZone = this.hostnamesByZone.get(zoneId) ?? [];
    this.hostnamesByZone.set(zoneId, ofZone);
    if (options.first) {
      ofZone.unshift(record);
      this.allHostnames.unshift(record);
    } else {
      ofZone.push(record);
      this.allHostnames.push(record);
    }
    return record;
  }

  /** Takes a custom hostname away (tests only: the emulator has no route that deletes one). */
  removeCustomHostname(record: CustomHostnameRecord): void {
    for (const list of [this.allHostnames, this.hostnamesByZone.get(record.zoneId) ?? []]) {
      const index = list.indexOf(record);
      if (index >= 0) {
        list.splice(index, 1);
      }
    }
  }

  sslStatus(record: CustomHostnameRecord): string {
    return record.deployingUntil !== undefined && this.now() < record.deployingUntil ? 'pending_deployment' : record.sslStatus;
  }

  private packCertificate(
    zoneId: string,
    hostnameId: string,
    packId: string,
    certificateId: string,
  ): { record: CustomHostnameRecord; index: number } {
    const record = this.customHostname(zoneId, hostnameId);
    if (record.packId !== packId) {
      throw new ApiFailure(404, 1437, 'The certificate pack was not found.');
    }
    const index = record.certificates.findIndex((certificate) => certificate.id === certificateId);
    if (index < 0) {
      throw new ApiFailure(404, 1438, 'The certificate was not found in this certificate pack.');
    }
    return { record, index };
  }

  replacePackCertificate(
    zoneId: string,
    hostnameId: string,
    packId: string,
    certificateId: string,
    certificatePem: unknown,
    privateKeyPem: unknown,
  ): CustomHostnameRecord {
    const { record, index } = this.packCertificate(zoneId, hostnameId, packId, certificateId);
    const certificate = checkUpload(certificatePem, privateKeyPem, { leafOnly: true });
    const current = record.certificates[index];
    if (certificate.keyType !== current.certificate.keyType) {
      const clash = record.certificates.some(
        (other, otherIndex) => otherIndex !== index && other.certificate.keyType === certificate.keyType,
      );
      throw clash
        ? new ApiFailure(400, 1228, `A certificate of signature type ${certificate.signature} already exists in this certificate pack.`)
        : new ApiFailure(
            400,
            1229,
            `A ${current.certificate.keyType} certificate can only be replaced by another ${current.certificate.keyType} certificate.`,
          );
    }
    record.certificates[index] = { id: current.id, certificate, uploadedOn: new Date(this.now()).toISOString() };
    record.deployingUntil = this.now() + this.transitionMs;
    return record;
  }

  deletePackCertificate(zoneId: string, hostnameId: string, packId: string, certificateId: string): CustomHostnameRecord {
    const { record, index } = this.packCertificate(zoneId, hostnameId, packId, certificateId);
    if (record.certificates.length <= 1) {
      throw new ApiFailure(400, 1305, 'Cannot delete the only certificate of a certificate pack.');
    }
    record.certificates.splice(index, 1);
    return record;
  }
}
