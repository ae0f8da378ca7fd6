import type { ListEntries } from '../cloudflare/listEntries';
import { sharedLoopShare, type LoopShare } from '../cloudflare/loopShare';
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
  unpackDateMs,
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

/** A pack certificate's fields, packed. */
class PackedCertificate {
  readonly certId: Compact;
  readonly certIssuer: string | undefined;
  readonly certSerial: Compact;
  readonly certSignature: string | undefined;
  readonly certExpires: Compact;
  readonly certIssued: Compact;
  readonly certFingerprint: Compact;

  constructor(api: PackCertificate | undefined) {
    this.certId = packId(api?.id);
    this.certIssuer = shared.get(api?.issuer);
    this.certSerial = packSerial(api?.serial_number);
    this.certSignature = shared.get(api?.signature);
    this.certExpires = packDate(api?.expires_on);
    this.certIssued = packDate(api?.issued_on);
    this.certFingerprint = packFingerprint(api?.fingerprint_sha256);
  }
}

/** A pack certificate as consumers read it, made when they ask (cheap, and collected young). */
class PackCertificateView implements PackCertificate {
  constructor(private readonly packed: PackedCertificate) {}

  get id(): string {
    return unpackId(this.packed.certId) ?? '';
  }
  get issuer(): string | undefined {
    return this.packed.certIssuer;
  }
  get serial_number(): string | undefined {
    return unpackSerial(this.packed.certSerial);
  }
  get signature(): string | undefined {
    return this.packed.certSignature;
  }
  get expires_on(): string | undefined {
    return unpackDate(this.packed.certExpires);
  }
  get issued_on(): string | undefined {
    return unpackDate(this.packed.certIssued);
  }
  get fingerprint_sha256(): string | undefined {
    return unpackFingerprint(this.packed.certFingerprint);
  }
}

/**
 * The ssl object, holding the fields of its certificate when it has exactly one (nearly every pack
 * does): a separate object and its array would cost 88 bytes more per hostname.
 */
class SlimSsl extends PackedCertificate implements CustomHostnameSslRecord {
  private readonly packedId: Compact;
  readonly status: SslStatus | undefined;
  readonly bundle_method: string | undefined;
  readonly certificate_authority: string | undefined;
  private readonly uploaded: Compact;
  /** The hosts, or the hostname itself when they are just that (as they nearly always are). */
  private readonly hostsOrName: readonly string[] | string | undefined;
  /** Every certificate when the pack holds other than exactly one. */
  private readonly several: readonly PackedCertificate[] | undefined;
  readonly validation_errors: readonly { readonly message?: string }[];
  readonly has_custom_certificate: boolean;

  constructor(api: NonNullable<CustomHostname['ssl']>, hostname: string, certificates: readonly PackCertificate[]) {
    super(certificates.length === 1 ? certificates[0] : undefined);
    this.packedId = packId(api.id);
    this.status = shared.get(api.status);
    this.bundle_method = shared.get(api.bundle_method);
    this.certificate_authority = shared.get(api.certificate_authority);
    this.uploaded = packDate(api.uploaded_on);
    const hosts = Array.isArray(api.hosts) ? api.hosts : undefined;
    this.hostsOrName = hosts?.length === 1 && hosts[0] === hostname ? hostname : hosts && [...hosts];
    this.several = certificates.length === 1 ? undefined : certificates.map((certificate) => new PackedCertificate(certificate));
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
    return this.several ? this.several.map((packed) => new PackCertificateView(packed)) : [new PackCertificateView(this)];
  }

  /** How many certificates the pack holds, and each one's expiry in ms (NaN for none), as `certificates` orders them. */
  get certificateCount(): number {
    return this.several ? this.several.length : 1;
  }
  expiryMs(index: number): number {
    return unpackDateMs((this.several ? this.several[index] : this).certExpires) ?? NaN;
  }
}

class SlimCustomHostname implements CustomHostnameRecord {
  /** Kept as sent: it is read on every look-up, by the tree's ids and the list's de-duplication. */
  readonly id: string;
  readonly hostname: string;
  readonly status: HostnameStatus | undefined;
  readonly ssl: SlimSsl | undefined;
  readonly verification_errors: readonly string[];

  constructor(api: CustomHostname, certificates: readonly PackCertificate[]) {
    this.id = api.id;
    this.hostname = api.hostname;
    this.status = shared.get(api.status);
    this.ssl = api.ssl ? new SlimSsl(api.ssl, api.hostname, certificates) : undefined;
    this.verification_errors = api.verification_errors?.length ? api.verification_errors.map((error) => shared.get(error)) : NONE;
  }
}

/**
 * The slim record of a custom hostname as the API returned it: built once, as each page arrives, so
 * the API object (and its PEM) can be collected at once.
 */
export function customHostnameRecord(api: CustomHostname | CustomHostnameRecord): CustomHostnameRecord {
  return api instanceof SlimCustomHostname ? api : new SlimCustomHostname(api as CustomHostname, packCertificates(api));
}

/**
 * Calls `visit` with each of the hostname's pack certificates' expiry in ms (NaN for one without) and
 * its index in packCertificates(): a walk over 100,000 records reads these without making a date text
 * or an array for each.
 */
export function forEachPackExpiry(hostname: CustomHostnameRecord, visit: (notAfterMs: number, index: number) => void): void {
  const ssl = hostname.ssl;
  if (ssl instanceof SlimSsl) {
    for (let index = 0; index < ssl.certificateCount; index += 1) {
      visit(ssl.expiryMs(index), index);
    }
    return;
  }
  packCertificates(hostname).forEach((certificate, index) =>
    visit(certificate.expires_on ? Date.parse(certificate.expires_on) : NaN, index),
  );
}

/** Entries recorded between looks at the turn's budget: 20 take about 0.25 ms. */
const STEP = 20;

/**
 * The records of one page, each entry parsed and recorded in turn (listEntries.ts) so its API object,
 * PEM and all, is garbage at once, and within the process's budget per turn of the event loop
 * (loopShare.ts), so no other extension waits on a page, or on eight pages read at once.
 */
export async function customHostnameRecords(
  page: ListEntries<CustomHostname>,
  loop: LoopShare = sharedLoopShare,
): Promise<CustomHostnameRecord[]> {
  const records: CustomHostnameRecord[] = [];
  for (let start = 0; start < page.length; start += STEP) {
    await loop.pace();
    for (let index = start; index < Math.min(page.length, start + STEP); index += 1) {
      records.push(customHostnameRecord(page.at(index)));
    }
  }
  return records;
}
