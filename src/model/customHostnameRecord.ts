import { packCertificates, type CustomHostname, type HostnameStatus, type PackCertificate, type SslStatus } from '../cloudflare/types';
import {
  Interner,
  packDate,
  packFingerprint,
  packId,
  packSerial,
  unpackDate,
  unpackFingerprint,
  unpackId,
  unpackSerial,
  type Compact,
} from './compactText';

/**
 * What the extension keeps of a custom hostname: what the tree, hovers, status bar, expiry watch,
 * workspace matching and agent tools read, under the API's own names. Not the PEM of its custom
 * certificate (the bulk of every answer): "Show Certificate Details", "Copy PEM" and "Save
 * Certificate As…" fetch that when asked (AccountData.customHostnamePem). An API object is one too.
 */
export interface CustomHostnameRecord {
  readonly id: string;
  readonly hostname: string;
  readonly status?: HostnameStatus;
  readonly ssl?: CustomHostnameSslRecord;
  readonly verification_errors?: readonly string[];
}

export interface CustomHostnameSslRecord {
  /** The certificate pack id. */
  readonly id?: string;
  readonly status?: SslStatus;
  readonly bundle_method?: string;
  readonly certificate_authority?: string;
  readonly uploaded_on?: string;
  readonly hosts?: readonly string[];
  readonly certificates?: readonly PackCertificate[];
  readonly validation_errors?: readonly { readonly message?: string }[];
  /** False when Cloudflare sent no custom certificate PEM: then there is nothing to fetch. */
  readonly has_custom_certificate?: boolean;
}

const NONE: readonly never[] = Object.freeze([]);
const shared = new Interner();

class SlimPackCertificate implements PackCertificate {
  private readonly packedId: Compact;
  readonly issuer: string | undefined;
  private readonly serial: Compact;
  readonly signature: string | undefined;
  private readonly expires: Compact;
  private readonly issued: Compact;
  private readonly fingerprint: Compact;

  constructor(api: PackCertificate) {
    this.packedId = packId(api.id);
    this.issuer = shared.get(api.issuer);
    this.serial = packSerial(api.serial_number);
    this.signature = shared.get(api.signature);
    this.expires = packDate(api.expires_on);
    this.issued = packDate(api.issued_on);
    this.fingerprint = packFingerprint(api.fingerprint_sha256);
  }

  get id(): string {
    return unpackId(this.packedId) ?? '';
  }
  get serial_number(): string | undefined {
    return unpackSerial(this.serial);
  }
  get expires_on(): string | undefined {
    return unpackDate(this.expires);
  }
  get issued_on(): string | undefined {
    return unpackDate(this.issued);
  }
  get fingerprint_sha256(): string | undefined {
    return unpackFingerprint(this.fingerprint);
  }
}

class SlimSsl implements CustomHostnameSslRecord {
  private readonly packedId: Compact;
  readonly status: SslStatus | undefined;
  readonly bundle_method: string | undefined;
  readonly certificate_authority: string | undefined;
  private readonly uploaded: Compact;
  /** The hosts, or the hostname itself when they are just that (as they nearly always are). */
  private readonly hostsOrName: readonly string[] | string | undefined;
  /** One certificate is held bare: a pack nearly always has one, and an array costs 56 bytes. */
  private readonly held: readonly SlimPackCertificate[] | SlimPackCertificate;
  readonly validation_errors: readonly { readonly message?: string }[];
  readonly has_custom_certificate: boolean;

  constructor(api: NonNullable<CustomHostname['ssl']>, hostname: string, certificates: readonly PackCertificate[]) {
    this.packedId = packId(api.id);
    this.status = shared.get(api.status);
    this.bundle_method = shared.get(api.bundle_method);
    this.certificate_authority = shared.get(api.certificate_authority);
    this.uploaded = packDate(api.uploaded_on);
    const hosts = Array.isArray(api.hosts) ? api.hosts : undefined;
    this.hostsOrName = hosts?.length === 1 && hosts[0] === hostname ? hostname : hosts && [...hosts];
    const slim = certificates.map((certificate) => new SlimPackCertificate(certificate));
    this.held = slim.length === 1 ? slim[0] : slim;
    this.validation_errors = api.validation_errors?.length
      ? api.validation_errors.map((error) => ({ message: shared.get(error.message) }))
      : NONE;
    this.has_custom_certificate = typeof api.custom_certificate === 'string' && api.custom_certificate.length > 0;
  }

  get id(): string | undefined {
    return unpackId(this.packedId);
  }
  get uploaded_on(): string | undefined {
    return unpackDate(this.uploaded);
  }
  get hosts(): readonly string[] | undefined {
    return typeof this.hostsOrName === 'string' ? [this.hostsOrName] : this.hostsOrName;
  }
  get certificates(): readonly PackCertificate[] {
    return this.held instanceof SlimPackCertificate ? [this.held] : this.held;
  }
}

class SlimCustomHostname implements CustomHostnameRecord {
  private readonly packedId: Compact;
  readonly hostname: string;
  readonly status: HostnameStatus | undefined;
  readonly ssl: SlimSsl | undefined;
  readonly verification_errors: readonly string[];

  constructor(api: CustomHostname, certificates: readonly PackCertificate[]) {
    this.packedId = packId(api.id);
    this.hostname = api.hostname;
    this.status = shared.get(api.status);
    this.ssl = api.ssl ? new SlimSsl(api.ssl, api.hostname, certificates) : undefined;
    this.verification_errors = api.verification_errors?.length ? api.verification_errors.map((error) => shared.get(error)) : NONE;
  }

  get id(): string {
    return unpackId(this.packedId) ?? '';
  }
}

/**
 * The slim record of a custom hostname as the API returned it: built once, as each page arrives, so
 * the API object (and its PEM) can be collected at once.
 */
export function customHostnameRecord(api: CustomHostname | CustomHostnameRecord): CustomHostnameRecord {
  return api instanceof SlimCustomHostname ? api : new SlimCustomHostname(api as CustomHostname, packCertificates(api));
}
