import * as l10n from '@vscode/l10n';
import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
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
    return new StoppedError(l10n.t('Delete stopped. Cloudflare could not be asked what it holds now; refresh the view to see it.'));
  }
  const held = loaded.certificates.find((certificate) => certificate.id === target.certificateId);
  if (!held || held.status === 'deleted') {
    return new StoppedError(l10n.t('Delete stopped, but Cloudflare had already deleted "{0}": nothing is left to do.', target.name));
  }
  if (held.status === 'pending_deletion') {
    return new StoppedError(
      l10n.t('Delete stopped after Cloudflare accepted it: "{0}" is being deleted (pending deletion); nothing is left to do.', target.name),
    );
  }
  const using = new Set(hostnamesOn(loaded.associations, target.certificateId));
  const off = users.filter((hostname) => !using.has(hostname)).length;
  if (off === 0) {
    return new StoppedError(stillThere(target.name, using.size));
  }
  return new StoppedError(partlyFreed(target.name, off, users.length));
}

/** Nothing changed: the certificate and whoever uses it, one whole sentence for each count. */
function stillThere(name: string, users: number): string {
  if (users === 0) {
    return l10n.t('Delete stopped before anything changed: "{0}" is still on Cloudflare.', name);
  }
  return users === 1
    ? l10n.t('Delete stopped before anything changed: "{0}" is still on Cloudflare, used by 1 hostname.', name)
    : l10n.t('Delete stopped before anything changed: "{0}" is still on Cloudflare, used by {1} hostnames.', name, users);
}

/** Some hostnames were freed before the cancel: how many of how many, one whole sentence for each count. */
function partlyFreed(name: string, off: number, of: number): string {
  if (off > 1) {
    return l10n.t(
      'Delete stopped: {0} of {1} hostnames no longer use "{2}"; the certificate is still on Cloudflare. Delete it again to finish.',
      off,
      of,
      name,
    );
  }
  return of === 1
    ? l10n.t(
        'Delete stopped: 1 of 1 hostname no longer uses "{0}"; the certificate is still on Cloudflare. Delete it again to finish.',
        name,
      )
    : l10n.t(
        'Delete stopped: 1 of {0} hostnames no longer uses "{1}"; the certificate is still on Cloudflare. Delete it again to finish.',
        of,
        name,
      );
}
