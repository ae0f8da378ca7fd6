import { EDIT, zonePath, type CloudflareTransport } from './cloudflareTransport';
import { listOf } from './envelope';
import { fetchAllPages } from './pagination';
import type { AssociationChange, HostnameAssociation } from './types';

/** Which hostname presents which client certificate, and the zone's switch for per-hostname AOP. */
const associationsPath = (zoneId: string) => `${zonePath(zoneId)}/origin_tls_client_auth/hostnames`;

/** Every association of the zone, in every status (the API defaults to active ones only). */
export function listHostnameAssociations(
  transport: CloudflareTransport,
  zoneId: string,
  signal?: AbortSignal,
): Promise<HostnameAssociation[]> {
  return fetchAllPages(
    async (page, perPage) => {
      const result = await transport.page<HostnameAssociation>(
        associationsPath(zoneId),
        { page, per_page: perPage, status: 'all' },
        signal,
      );
      return { ...result, items: result.items.map((association) => ({ ...association, id: association.hostname })) };
    },
    { perPage: 1000, concurrency: 4, maxPages: 100 },
  );
}

export async function getHostnameAssociation(
  transport: CloudflareTransport,
  zoneId: string,
  hostname: string,
  signal?: AbortSignal,
): Promise<HostnameAssociation> {
  return (await transport.call<HostnameAssociation>('GET', `${associationsPath(zoneId)}/${encodeURIComponent(hostname)}`, { signal }))
    .result;
}

export async function updateHostnameAssociations(
  transport: CloudflareTransport,
  zoneId: string,
  config: readonly AssociationChange[],
  signal?: AbortSignal,
): Promise<HostnameAssociation[]> {
  const path = associationsPath(zoneId);
  return listOf((await transport.call<HostnameAssociation[] | null>('PUT', path, { body: { config }, needs: EDIT, signal })).result, {
    method: 'PUT',
    path,
    needs: EDIT,
  });
}

export async function getAopSettings(transport: CloudflareTransport, zoneId: string, signal?: AbortSignal): Promise<{ enabled: boolean }> {
  return (await transport.call<{ enabled: boolean }>('GET', `${zonePath(zoneId)}/origin_tls_client_auth/settings`, { signal })).result;
}

export async function setAopSettings(
  transport: CloudflareTransport,
  zoneId: string,
  enabled: boolean,
  signal?: AbortSignal,
): Promise<{ enabled: boolean }> {
  return (
    await transport.call<{ enabled: boolean }>('PUT', `${zonePath(zoneId)}/origin_tls_client_auth/settings`, {
      body: { enabled },
      needs: EDIT,
      signal,
    })
  ).result;
}
