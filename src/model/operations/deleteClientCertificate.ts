import * as l10n from '@vscode/l10n';
import { NotFoundError } from '../../cloudflare/errors';
import type { HostnameAssociation } from '../../cloudflare/types';
import { NodeIds } from '../nodeIds';
import { pollUntilSettled, throwIfAborted } from '../pollUntilSettled';
import { RefusedError, stoppedByPerson, type OperationContext, type OperationOptions } from './operationContext';
import { forgetClientCertificate, refreshClientAuth } from './refreshClientCertificates';
import { stoppedDelete } from './stoppedDelete';
import { whenCloudflareAllows } from './whenCloudflareAllows';

export interface ClientCertificateRef {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly certificateId: string;
  readonly name: string;
}

/** The hostnames that use a certificate now, fresh from Cloudflare (the tree may be older). */
export async function hostnamesUsing(
  context: OperationContext,
  zoneId: string,
  certificateId: string,
  signal?: AbortSignal,
): Promise<HostnameAssociation[]> {
  const client = await context.client();
  const associations = await client.listHostnameAssociations(zoneId, signal);
  return associations.filter((association) => association.cert_id === certificateId && association.enabled !== null);
}

/**
 * Deletes a client certificate. Cloudflare refuses while a hostname still uses it, so those
 * associations are invalidated first; then the delete, and polling until the certificate is gone.
 * The hostnames are worked out here, from Cloudflare at the moment of the delete, never taken from
 * the caller: `confirmed` are the ones the person agreed to invalidate, and a hostname that started
 * using the certificate since is a refusal, with nothing sent.
 * Interrupted after the invalidation, the certificate is simply unused: a second run deletes it.
 */
export async function deleteClientCertificate(
  context: OperationContext,
  target: ClientCertificateRef,
  confirmed: readonly Pick<HostnameAssociation, 'hostname'>[],
  options: OperationOptions = {},
): Promise<{ settled: boolean }> {
  return context.activity.run(NodeIds.aopCertificate(target.zoneId, target.certificateId), l10n.t('Deleting…'), async () => {
    const client = await context.client();
    const { signal } = options;
    // Until Cloudflare is asked, the hostnames the person agreed to are the ones this delete frees.
    let users: readonly string[] = confirmed.map((user) => user.hostname);
    let gone = false;
    let stopped = false;
    try {
      throwIfAborted(signal);
      const using = await hostnamesUsing(context, target.zoneId, target.certificateId, signal);
      const agreed = new Set(users);
      const unconfirmed = using.filter((user) => !agreed.has(user.hostname)).map((user) => user.hostname);
      if (unconfirmed.length > 0) {
        throw new RefusedError(
          l10n.t(
            'Since you confirmed, {0} started using "{1}". Nothing was deleted or invalidated; delete it again to see who uses it now.',
            unconfirmed.join(', '),
            target.name,
          ),
        );
      }
      users = using.map((user) => user.hostname);
      if (using.length > 0) {
        options.onProgress?.(
          using.length === 1
            ? l10n.t('invalidating 1 hostname association…')
            : l10n.t('invalidating {0} hostname associations…', using.length),
        );
        throwIfAborted(signal);
        const invalidations = using.map((user) => ({ hostname: user.hostname, cert_id: target.certificateId, enabled: null }));
        await whenCloudflareAllows(() => client.updateHostnameAssociations(target.zoneId, invalidations, signal), context.timing, signal);
      }
      throwIfAborted(signal);
      await whenCloudflareAllows(
        () => client.deleteHostnameCertificate(target.zoneId, target.certificateId, signal),
        context.timing,
        signal,
      );
      options.onProgress?.(l10n.t('waiting for Cloudflare to remove it…'));
      const outcome = await pollUntilSettled(
        () =>
          client.getHostnameCertificate(target.zoneId, target.certificateId, signal).then(
            (certificate) => certificate.status ?? 'unknown',
            (error: unknown) => {
              if (error instanceof NotFoundError) {
                return 'gone';
              }
              throw error;
            },
          ),
        (status) => status === 'gone' || status === 'deleted',
        { signal, ...context.timing },
      );
      context.log(`Deleted client certificate ${target.certificateId} from ${target.zoneName} (${outcome.value ?? 'unknown'}).`);
      gone = outcome.settled;
      return { settled: outcome.settled };
    } catch (error) {
      if (stoppedByPerson(error, signal)) {
        // Read back once, and say how far the delete got.
        stopped = true;
        throw await stoppedDelete(context, client, target, users);
      }
      throw error;
    } finally {
      // Whatever step it stopped at, the tree shows what Cloudflare holds now: confirmed gone needs
      // no further request; anything else is asked again.
      if (gone) {
        forgetClientCertificate(context, target.zoneId, target.certificateId);
      } else if (!stopped) {
        await refreshClientAuth(context, client, target.zoneId);
      }
    }
  });
}
