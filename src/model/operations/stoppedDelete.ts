import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import { plural } from '../../format/wording';
import { hostnamesOn } from '../rotationState';
import { StoppedError, type OperationContext } from './operationContext';
import { refreshClientAuth } from './refreshClientCertificates';
import type { ClientCertificateRef } from './deleteClientCertificate';

/**
 * A delete cancelled at any step: read back the zone's certificates and associations (a fresh
 * request, not the cancelled signal), put them on screen, and say in one line how far it got: how
 * many of the hostnames no longer use the certificate, and whether the certificate is still there.
 */
export async function stoppedDelete(
  context: OperationContext,
  client: CloudflareClient,
  target: ClientCertificateRef,
  users: readonly string[],
): Promise<StoppedError> {
  await refreshClientAuth(context, client, target.zoneId);
  const loaded = context.data.loaded().aop.get(target.zoneId);
  if (!loaded) {
    return new StoppedError('Delete stopped. Cloudflare could not be asked what it holds now; refresh the view to see it.');
  }
  const held = loaded.certificates.find((certificate) => certificate.id === target.certificateId);
  if (!held || held.status === 'deleted') {
    return new StoppedError(`Delete stopped, but Cloudflare had already deleted "${target.name}": nothing is left to do.`);
  }
  if (held.status === 'pending_deletion') {
    return new StoppedError(
      `Delete stopped after Cloudflare accepted it: "${target.name}" is being deleted (pending deletion); nothing is left to do.`,
    );
  }
  const using = new Set(hostnamesOn(loaded.associations, target.certificateId));
  const off = users.filter((hostname) => !using.has(hostname)).length;
  if (off === 0) {
    const still = using.size > 0 ? `, used by ${plural(using.size, 'hostname')}` : '';
    return new StoppedError(`Delete stopped before anything changed: "${target.name}" is still on Cloudflare${still}.`);
  }
  return new StoppedError(
    `Delete stopped: ${off} of ${plural(users.length, 'hostname')} no longer ${off === 1 ? 'uses' : 'use'} "${target.name}"; the certificate is still on Cloudflare. Delete it again to finish.`,
  );
}
