import type {
  AopCertificateRecord,
  AssociationRecord,
  CustomHostnameRecord,
  EmulatorState,
  PackCertificateRecord,
  ZoneRecord,
} from './emulatorState';
import { withKnownText } from './wire';

/** Records as Cloudflare's API v4 shows them (shapes from openapi.json, plus ssl.certificates[]). */
export function zoneJson(zone: ZoneRecord): Record<string, unknown> {
  return {
    id: zone.id,
    name: zone.name,
    status: zone.status,
    paused: false,
    type: 'full',
    development_mode: 0,
    name_servers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
    original_name_servers: null,
    original_registrar: null,
    original_dnshost: null,
    created_on: zone.createdOn,
    modified_on: zone.createdOn,
    activated_on: zone.createdOn,
    owner: { id: zone.accountId, name: zone.accountName, type: 'organization' },
    account: { id: zone.accountId, name: zone.accountName },
    meta: {
      cdn_only: false,
      custom_certificate_quota: 10,
      dns_only: false,
      foundation_dns: false,
      page_rule_quota: 3,
      phishing_detected: false,
      step: 2,
    },
    plan: {
      id: '94f3b7b768b0458b56d2cac4fe5ec0f9',
      name: 'Enterprise Website',
      price: 0,
      currency: 'USD',
      frequency: 'monthly',
      is_subscribed: true,
      can_subscribe: false,
      legacy_id: 'enterprise',
      legacy_discount: false,
      externally_managed: false,
    },
  };
}

export function aopCertificateJson(state: EmulatorState, record: AopCertificateRecord): Record<string, unknown> {
  return {
    id: record.id,
    certificate: record.certificate.pem,
    expires_on: record.certificate.notAfter.toISOString(),
    issuer: record.certificate.issuer,
    serial_number: record.certificate.serialNumber,
    signature: record.certificate.signature,
    status: state.aopStatus(record),
    uploaded_on: record.uploadedOn,
  };
}

export function associationJson(state: EmulatorState, association: AssociationRecord): Record<string, unknown> {
  const certificate = state.aopCertificates.find((record) => record.id === association.certId);
  return {
    hostname: association.hostname,
    cert_id: association.certId,
    enabled: association.enabled,
    status: state.associationStatus(association),
    cert_status: certificate ? state.aopStatus(certificate) : 'deleted',
    created_at: association.createdAt,
    updated_at: association.updatedAt,
  };
}

/** The richer shape PUT …/hostnames and GET …/hostnames/{hostname} return. */
export function hostnameAopJson(state: EmulatorState, association: AssociationRecord): Record<string, unknown> {
  const certificate = state.aopCertificates.find((record) => record.id === association.certId);
  return {
    hostname: association.hostname,
    cert_id: association.certId,
    enabled: association.enabled,
    status: state.associationStatus(association),
    created_at: association.createdAt,
    updated_at: association.updatedAt,
    ...(certificate
      ? {
          cert_status: state.aopStatus(certificate),
          certificate: certificate.certificate.pem,
          expires_on: certificate.certificate.notAfter.toISOString(),
          issuer: certificate.certificate.issuer,
          serial_number: certificate.certificate.serialNumber,
          signature: certificate.certificate.signature,
          cert_uploaded_on: certificate.uploadedOn,
          cert_updated_at: certificate.uploadedOn,
        }
      : {}),
  };
}

/** What a hostname's answer was made from, by value or (its certificates) by identity. */
interface ShownHostname {
  readonly status: string;
  readonly sslStatus: string;
  readonly shownSslStatus: string;
  readonly bundleMethod: string;
  readonly certificateAuthority: string | undefined;
  readonly certificates: readonly PackCertificateRecord[];
  readonly json: Record<string, unknown>;
}

const shownHostnames = new WeakMap<CustomHostnameRecord, ShownHostname>();

/**
 * The hostname as the API shows it: the same object (and JSON text, wire.ts) while nothing it shows
 * has changed, so listing 1,000 hostnames does not build and serialise 1,000 answers each time.
 */
export function customHostnameJson(state: EmulatorState, record: CustomHostnameRecord): Record<string, unknown> {
  const shownSslStatus = state.sslStatus(record);
  const shown = shownHostnames.get(record);
  if (
    shown &&
    shown.status === record.status &&
    shown.sslStatus === record.sslStatus &&
    shown.shownSslStatus === shownSslStatus &&
    shown.bundleMethod === record.bundleMethod &&
    shown.certificateAuthority === record.certificateAuthority &&
    shown.certificates.length === record.certificates.length &&
    shown.certificates.every((certificate, index) => certificate === record.certificates[index])
  ) {
    return shown.json;
  }
  const json = withKnownText(hostnameAnswer(record, shownSslStatus));
  shownHostnames.set(record, {
    status: record.status,
    sslStatus: record.sslStatus,
    shownSslStatus,
    bundleMethod: record.bundleMethod,
    certificateAuthority: record.certificateAuthority,
    certificates: [...record.certificates],
    json,
  });
  return json;
}

function hostnameAnswer(record: CustomHostnameRecord, sslStatus: string): Record<string, unknown> {
  const [first] = record.certificates;
  const certificates = record.certificates.map((entry) => ({
    id: entry.id,
    issuer: entry.certificate.issuer,
    serial_number: entry.certificate.serialNumber,
    signature: entry.certificate.signature,
    expires_on: entry.certificate.notAfter.toISOString(),
    issued_on: entry.certificate.notBefore.toISOString(),
    fingerprint_sha256: entry.certificate.fingerprintSha256,
  }));
  return {
    id: record.id,
    hostname: record.hostname,
    status: record.status,
    created_at: record.createdAt,
    ssl: {
      id: record.packId,
      status: sslStatus,
      bundle_method: record.bundleMethod,
      ...(record.certificateAuthority ? { certificate_authority: record.certificateAuthority, method: 'http', type: 'dv' } : {}),
      ...(first
        ? {
            custom_certificate: first.certificate.pem,
            expires_on: first.certificate.notAfter.toISOString(),
            issuer: first.certificate.issuer,
            serial_number: first.certificate.serialNumber,
            signature: first.certificate.signature,
            uploaded_on: first.uploadedOn,
          }
        : {}),
      hosts: [record.hostname],
      settings: { min_tls_version: '1.2', http2: 'on', tls_1_3: 'on' },
      wildcard: false,
      certificates,
      validation_errors: record.sslStatus.includes('timed_out')
        ? [{ message: 'The validation of this hostname timed out; check its DNS records.' }]
        : [],
    },
    ownership_verification: { type: 'txt', name: `_cf-custom-hostname.${record.hostname}`, value: record.id },
    verification_errors: record.status === 'blocked' ? ['The hostname is blocked by policy.'] : [],
  };
}
