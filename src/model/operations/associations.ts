import * as l10n from '@vscode/l10n';
import { NotFoundError, outcomeUnknown } from '../../cloudflare/errors';
import type { HostnameAssociation } from '../../cloudflare/types';
import { isTransitional } from '../../format/statusAppearance';
import { NodeIds } from '../nodeIds';
import { pollUntilSettled, throwIfAborted } from '../pollUntilSettled';
import type { OperationContext, OperationOptions } from './operationContext';
import { refreshClientAuth } from './refreshClientCertificates';
import { whenCloudflareAllows } from './whenCloudflareAllows';

export interface AssociationChangeRequest {
  readonly zoneId: string;
  readonly certificateId: string;
  readonly hostname: string;
  /** true enables, false disables (keeps the association), null invalidates it. */
  readonly enabled: boolean | null;
}

/**
 * Enables, disables or invalidates one hostname's association, waits until Cloudflare has deployed
 * it, and reloads the zone's certificates and associations (counts and children change with it).
 */
export async function setAssociation(
  context: OperationContext,
  change: AssociationChangeRequest,
  options: OperationOptions = {},
): Promise<{ association: HostnameAssociation | undefined; settled: boolean }> {
  const words = change.enabled === true ? l10n.t('Enabling…') : change.enabled === false ? l10n.t('Disabling…') : l10n.t('Removing…');
  return context.activity.run(NodeIds.aopCertificate(change.zoneId, change.certificateId), words, async () => {
    const client = await context.client();
    try {
      throwIfAborted(options.signal);
      const config = [{ hostname: change.hostname, cert_id: change.certificateId, enabled: change.enabled }];
      const [answered] = await whenCloudflareAllows(
        () => client.updateHostnameAssociations(change.zoneId, config, options.signal),
        context.timing,
        options.signal,
      );
      options.onProgress?.(l10n.t('waiting for Cloudflare to deploy it…'));
      const outcome = await pollUntilSettled(
        () =>
          client.getHostnameAssociation(change.zoneId, change.hostname, options.signal).catch((error: unknown) => {
            // An invalidated association is removed: the 404 is the success being waited for.
            if (change.enabled === null && error instanceof NotFoundError) {
              return undefined;
            }
            throw error;
          }),
        (association) => association === undefined || !isTransitional(association.status),
        { signal: options.signal, ...context.timing },
      );
      context.log(
        `Association of ${change.hostname} with certificate ${change.certificateId} set to ${String(change.enabled)}: ${outcome.value?.status ?? answered?.status ?? 'unknown'}.`,
      );
      return { association: outcome.value ?? answered, settled: outcome.settled };
    } finally {
      await refreshClientAuth(context, client, change.zoneId);
    }
  });
}

/** Turns the zone-level Authenticated Origin Pulls switch on or off. */
export async function setZoneAop(
  context: OperationContext,
  zoneId: string,
  enabled: boolean,
  options: OperationOptions = {},
): Promise<{ enabled: boolean }> {
  return context.activity.run(
    NodeIds.zone(zoneId),
    enabled ? l10n.t('Enabling Authenticated Origin Pulls…') : l10n.t('Disabling Authenticated Origin Pulls…'),
    async () => {
      const client = await context.client();
      throwIfAborted(options.signal);
      let settings: { enabled: boolean };
      try {
        settings = await whenCloudflareAllows(() => client.setAopSettings(zoneId, enabled, options.signal), context.timing, options.signal);
      } catch (error) {
        // The switch may have flipped before the answer was lost or the cancel came: load it again.
        if (outcomeUnknown(error)) {
          context.data.reload(zoneId, 'aopSettings');
        }
        throw error;
      }
      context.data.setAopSettings(zoneId, settings);
      context.log(`Zone ${zoneId}: Authenticated Origin Pulls ${settings.enabled ? 'on' : 'off'}.`);
      return settings;
    },
  );
}
