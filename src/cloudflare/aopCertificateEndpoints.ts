import { EDIT, READ, zonePath, type CloudflareTransport } from './cloudflareTransport';
import { listOf } from './envelope';
import type { HostnameCertificate } from './types';

/** Per-hostname Authenticated Origin Pulls: a zone's client certificates. */
const certificatesPath = (zoneId: string) => `${zonePath(zoneId)}/origin_tls_client_auth/hostnames/certificates`;

/** Not paginated by Cloudflare: one request returns the zone's (at most 10) certificates. */
export async function listHostnameCertificates(
  transport: CloudflareTransport,
  zoneId: string,
  signal?: AbortSignal,
): Promise<HostnameCertificate[]> {
  const path = certificatesPath(zoneId);
  return listOf((await transport.call<HostnameCertificate[] | null>('GET', path, { signal })).result, { method: 'GET', path, needs: READ });
}

export async function getHostnameCertificate(
  transport: CloudflareTransport,
  zoneId: string,
  certificateId: string,
  signal?: AbortSignal,
): Promise<HostnameCertificate> {
  return (await transport.call<HostnameCertificate>('GET', `${certificatesPath(zoneId)}/${encodeURIComponent(certificateId)}`, { signal }))
    .result;
}

export async function uploadHostnameCertificate(
  transport: CloudflareTransport,
  zoneId: string,
  body: { certificate: string; private_key: string },
  signal?: AbortSignal,
): Promise<HostnameCertificate> {
  return (await transport.call<HostnameCertificate>('POST', certificatesPath(zoneId), { body, needs: EDIT, signal })).result;
}

export async function deleteHostnameCertificate(
  transport: CloudflareTransport,
  zoneId: string,
  certificateId: string,
  signal?: AbortSignal,
): Promise<HostnameCertificate | undefined> {
  return (
    await transport.call<HostnameCertificate>('DELETE', `${certificatesPath(zoneId)}/${encodeURIComponent(certificateId)}`, {
      needs: EDIT,
      signal,
    })
  ).result;
}
