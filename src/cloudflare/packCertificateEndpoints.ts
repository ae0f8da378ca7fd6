import { EDIT, zonePath, type CloudflareTransport } from './cloudflareTransport';
import type { CustomHostname } from './types';

/** One certificate of a custom hostname's pack (Cloudflare for SaaS custom certificates). */
export interface PackCertificateAddress {
  readonly zoneId: string;
  readonly customHostnameId: string;
  readonly packId: string;
  readonly certificateId: string;
}

function packCertificatePath({ zoneId, customHostnameId, packId, certificateId }: PackCertificateAddress): string {
  return `${zonePath(zoneId)}/custom_hostnames/${encodeURIComponent(customHostnameId)}/certificate_pack/${encodeURIComponent(packId)}/certificates/${encodeURIComponent(certificateId)}`;
}

export async function replacePackCertificate(
  transport: CloudflareTransport,
  address: PackCertificateAddress,
  body: { custom_certificate: string; custom_key: string },
  signal?: AbortSignal,
): Promise<CustomHostname> {
  return (await transport.call<CustomHostname>('PUT', packCertificatePath(address), { body, needs: EDIT, signal })).result;
}

/** Documented to answer 202 with a bare `{"id": …}`, not the envelope: both are taken as success. */
export async function deletePackCertificate(
  transport: CloudflareTransport,
  address: PackCertificateAddress,
  signal?: AbortSignal,
): Promise<void> {
  await transport.call<unknown>('DELETE', packCertificatePath(address), { needs: EDIT, signal, bareIdAnswer: true });
}
