import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import type { OperationContext } from './operationContext';

/**
 * After a change to a zone's client certificates, ask Cloudflare for that zone's list again (one
 * request) and put it into the loaded data. When the zone's associations were never loaded there is
 * nothing to keep, so the whole part is reloaded instead. Called from `finally` blocks, so it never
 * throws: when Cloudflare cannot be asked, the part is forgotten and loads when next looked at.
 */
export async function refreshClientCertificates(context: OperationContext, client: CloudflareClient, zoneId: string): Promise<void> {
  await showOrForget(context, zoneId, async () => {
    if (!context.data.loaded().aop.has(zoneId)) {
      context.data.reload(zoneId, 'aop');
      await context.data.aop(zoneId);
      return;
    }
    context.data.setCertificates(zoneId, await client.listHostnameCertificates(zoneId));
  });
}

/** After a change to associations: both lists, since a move touches the certificates' hostnames. Never throws. */
export async function refreshClientAuth(context: OperationContext, client: CloudflareClient, zoneId: string): Promise<void> {
  await showOrForget(context, zoneId, async () => {
    const [certificates, associations] = await Promise.all([
      client.listHostnameCertificates(zoneId),
      client.listHostnameAssociations(zoneId),
    ]);
    context.data.setAop(zoneId, { certificates, associations });
  });
}

async function showOrForget(context: OperationContext, zoneId: string, refresh: () => Promise<void>): Promise<void> {
  try {
    await refresh();
  } catch {
    context.data.reload(zoneId, 'aop');
  }
}

/**
 * A certificate Cloudflare has confirmed gone: take it (and any association naming it) out of the
 * loaded data without asking again. A zone never loaded is simply forgotten, to load when looked at.
 */
export function forgetClientCertificate(context: OperationContext, zoneId: string, certificateId: string): void {
  const loaded = context.data.loaded().aop.get(zoneId);
  if (!loaded) {
    context.data.reload(zoneId, 'aop');
    return;
  }
  context.data.setAop(zoneId, {
    certificates: loaded.certificates.filter((certificate) => certificate.id !== certificateId),
    associations: loaded.associations.filter((association) => association.cert_id !== certificateId),
  });
}
