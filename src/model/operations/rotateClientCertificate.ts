import * as l10n from '@vscode/l10n';
import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import type { HostnameAssociation, HostnameCertificate } from '../../cloudflare/types';
import { isTransitional } from '../../format/statusAppearance';
import { NodeIds } from '../nodeIds';
import { pollUntilSettled } from '../pollUntilSettled';
import { hostnamesOn } from '../rotationState';
import { moveHostnames } from './moveHostnames';
import { refreshClientAuth } from './refreshClientCertificates';
import { RefusedError, stoppedByPerson, type OperationContext, type OperationOptions } from './operationContext';
import { stoppedRotation } from './stoppedRotation';
import { ensureClientCertificate, type ClientCertificateUpload } from './uploadClientCertificate';

export interface RotationTarget {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly oldCertificateId: string;
}

export interface RotationOutcome {
  readonly newCertificate: HostnameCertificate;
  readonly moved: readonly string[];
  /** Every moved hostname is active on the new certificate, and none is left on the old one. */
  readonly complete: boolean;
  /** Hostnames that still use the old certificate (someone added one meanwhile, or a step was cut short). */
  readonly stillOnOld: readonly string[];
}

/**
 * Zero-downtime rotation of a per-hostname client certificate: the replacement is uploaded (or the
 * copy Cloudflare already holds is reused) and active before any hostname moves; each hostname is
 * moved by replacing its association, never by invalidating it, so it is served by the old
 * certificate until the new one is deployed. Every step reads Cloudflare's state, so running it again
 * after an interruption carries on where it stopped. Deleting the old certificate is a separate step
 * the caller asks about.
 */
export async function rotateClientCertificate(
  context: OperationContext,
  target: RotationTarget,
  replacement: ClientCertificateUpload,
  options: OperationOptions = {},
): Promise<RotationOutcome> {
  return context.activity.run(NodeIds.aopCertificate(target.zoneId, target.oldCertificateId), l10n.t('Rotating…'), async () => {
    const client = await context.client();
    try {
      const placed = await ensureClientCertificate(context, client, replacement, options);
      if (!placed.settled) {
        const status = placed.certificate.status;
        throw new RefusedError(
          status
            ? l10n.t(
                'Cloudflare has not deployed the replacement yet ({0}); no hostname was moved. Run Finish Rotation once it is active.',
                status,
              )
            : l10n.t('Cloudflare has not deployed the replacement yet; no hostname was moved. Run Finish Rotation once it is active.'),
        );
      }
      return await finish(context, client, target, placed.certificate, options);
    } catch (error) {
      if (stoppedByPerson(error, options.signal)) {
        throw await stoppedRotation(
          context,
          client,
          target,
          (certificate) => certificate.serial_number?.toLowerCase() === replacement.serialNumber,
        );
      }
      throw error;
    }
  });
}

/** Finish Rotation: move what is left on the old certificate to the replacement, from Cloudflare's state. */
export async function finishRotation(
  context: OperationContext,
  target: RotationTarget,
  newCertificateId: string,
  options: OperationOptions = {},
): Promise<RotationOutcome> {
  return context.activity.run(NodeIds.aopCertificate(target.zoneId, target.oldCertificateId), l10n.t('Finishing rotation…'), async () => {
    const client = await context.client();
    try {
      // Cut off right after the upload, the replacement may still be deploying: wait for it as a rotation does.
      const polled = await pollUntilSettled(
        () => client.getHostnameCertificate(target.zoneId, newCertificateId, options.signal),
        (certificate) => !isTransitional(certificate.status),
        { signal: options.signal, ...context.timing },
      );
      const replacement = polled.value!;
      if (replacement.status !== 'active') {
        throw new RefusedError(
          replacement.status
            ? l10n.t('The replacement is {0}; hostnames move to it once it is active.', replacement.status.replace(/_/g, ' '))
            : l10n.t('The replacement is not active; hostnames move to it once it is active.'),
        );
      }
      return await finish(context, client, target, replacement, options);
    } catch (error) {
      if (stoppedByPerson(error, options.signal)) {
        throw await stoppedRotation(context, client, target, (certificate) => certificate.id === newCertificateId);
      }
      throw error;
    }
  });
}

/** Undo Rotation: move the hostnames that reached the replacement back to the old certificate, while it exists. */
export async function undoRotation(
  context: OperationContext,
  target: RotationTarget,
  newCertificateId: string,
  options: OperationOptions = {},
): Promise<{ movedBack: readonly string[]; complete: boolean }> {
  return context.activity.run(NodeIds.aopCertificate(target.zoneId, target.oldCertificateId), l10n.t('Undoing rotation…'), async () => {
    const client = await context.client();
    const old = await client.getHostnameCertificate(target.zoneId, target.oldCertificateId, options.signal);
    if (old.status !== 'active') {
      throw new RefusedError(
        old.status
          ? l10n.t('The old certificate is {0}, so hostnames cannot go back to it.', old.status.replace(/_/g, ' '))
          : l10n.t('The old certificate is not active, so hostnames cannot go back to it.'),
      );
    }
    let associations: HostnameAssociation[] | undefined;
    try {
      const result = await moveHostnames(
        context,
        client,
        { zoneId: target.zoneId, fromCertificateId: newCertificateId, toCertificateId: target.oldCertificateId },
        options,
      );
      associations = result.associations;
      return { movedBack: result.moved, complete: result.settled };
    } finally {
      await showState(context, client, target.zoneId, old, associations);
    }
  });
}

async function finish(
  context: OperationContext,
  client: CloudflareClient,
  target: RotationTarget,
  replacement: HostnameCertificate,
  options: OperationOptions,
): Promise<RotationOutcome> {
  let associations: HostnameAssociation[] | undefined;
  let stopped = false;
  try {
    const result = await moveHostnames(
      context,
      client,
      { zoneId: target.zoneId, fromCertificateId: target.oldCertificateId, toCertificateId: replacement.id },
      options,
    );
    associations = result.associations;
    const stillOnOld = hostnamesOn(associations, target.oldCertificateId);
    context.log(
      `Rotation in ${target.zoneName}: ${result.moved.length} hostname(s) moved from ${target.oldCertificateId} to ${replacement.id}; ${stillOnOld.length} left on the old one.`,
    );
    return { newCertificate: replacement, moved: result.moved, complete: result.settled && stillOnOld.length === 0, stillOnOld };
  } catch (error) {
    stopped = stoppedByPerson(error, options.signal);
    throw error;
  } finally {
    // The person's cancel is read back once, by the caller that says what is left.
    if (!stopped) {
      await showState(context, client, target.zoneId, replacement, associations);
    }
  }
}

/**
 * The tree then shows each hostname under the certificate that serves it, and the rotation's state.
 * The last association list polled is Cloudflare's state already, so no request is needed; a step cut
 * short (no such list) asks Cloudflare again.
 */
async function showState(
  context: OperationContext,
  client: CloudflareClient,
  zoneId: string,
  certificate: HostnameCertificate,
  associations: HostnameAssociation[] | undefined,
): Promise<void> {
  const loaded = context.data.loaded().aop.get(zoneId);
  if (associations && loaded) {
    const others = loaded.certificates.filter((entry) => entry.id !== certificate.id);
    context.data.setAop(zoneId, { certificates: [...others, certificate], associations });
    return;
  }
  await refreshClientAuth(context, client, zoneId);
}
