import * as l10n from '@vscode/l10n';
import { AlreadyExistsError, CancelledError, CloudflareError, outcomeUnknown } from '../../cloudflare/errors';
import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import type { HostnameCertificate } from '../../cloudflare/types';
import { isTransitional } from '../../format/statusAppearance';
import { NodeIds } from '../nodeIds';
import { pollUntilSettled, throwIfAborted } from '../pollUntilSettled';
import { RefusedError, stoppedByPerson, type OperationContext, type OperationOptions } from './operationContext';
import { refreshClientCertificates } from './refreshClientCertificates';
import { stoppedUpload } from './stoppedUpload';
import { whenCloudflareAllows } from './whenCloudflareAllows';

import { Limits } from '../limits';

export interface ClientCertificateUpload {
  readonly zoneId: string;
  readonly zoneName: string;
  /** The certificate's name as the tree shows it, for messages and the log. */
  readonly name: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** Lower-case hex, as @peculiar/x509 reports it: how an upload whose answer was lost is found. */
  readonly serialNumber: string;
}

export interface UploadOutcome {
  readonly certificate: HostnameCertificate;
  /** False when Cloudflare was still deploying it when polling gave up. */
  readonly settled: boolean;
}

/** The copy of a certificate a list holds, by serial (Cloudflare's and @peculiar/x509's case differ). */
function bySerial(certificates: readonly HostnameCertificate[], serialNumber: string): HostnameCertificate | undefined {
  return certificates.find((certificate) => certificate.serial_number?.toLowerCase() === serialNumber);
}

/** Polls a certificate just sent (or found) until Cloudflare has left its transitional state. */
function untilDeployed(
  context: OperationContext,
  client: CloudflareClient,
  zoneId: string,
  certificateId: string,
  signal: AbortSignal | undefined,
) {
  return pollUntilSettled(
    () => client.getHostnameCertificate(zoneId, certificateId, signal),
    (certificate) => !isTransitional(certificate.status),
    { signal, ...context.timing },
  );
}

/** Refuses, before anything is sent, an upload the zone cannot take. */
export async function checkRoomForClientCertificate(
  context: OperationContext,
  upload: Pick<ClientCertificateUpload, 'zoneId' | 'zoneName' | 'name' | 'serialNumber'>,
): Promise<void> {
  const { certificates } = await context.data.aop(upload.zoneId);
  const same = bySerial(certificates, upload.serialNumber);
  if (same) {
    throw new RefusedError(
      same.status
        ? l10n.t(
            '{0} already holds "{1}" (serial {2}, status {3}). Nothing was uploaded.',
            upload.zoneName,
            upload.name,
            upload.serialNumber,
            same.status,
          )
        : l10n.t('{0} already holds "{1}" (serial {2}). Nothing was uploaded.', upload.zoneName, upload.name, upload.serialNumber),
    );
  }
  if (certificates.length >= Limits.certificatesPerZone) {
    const live = certificates.filter((certificate) => certificate.status !== 'deleted' && certificate.status !== 'pending_deletion').length;
    throw new RefusedError(
      l10n.t(
        '{0} already holds {1} client certificates ({2} live), the most Cloudflare allows per zone. Delete one first.',
        upload.zoneName,
        Limits.certificatesPerZone,
        live,
      ),
    );
  }
}

/**
 * The certificate at Cloudflare, active: the copy it already holds (matched by serial, so a retry or
 * a rotation resumed after a crash never uploads a duplicate), else a new upload. Waits until it is
 * deployed. Sends nothing beyond the POST and the polling when the zone's list is already loaded.
 */
export async function ensureClientCertificate(
  context: OperationContext,
  client: CloudflareClient,
  upload: ClientCertificateUpload,
  options: OperationOptions,
): Promise<UploadOutcome> {
  const { certificates } = await context.data.aop(upload.zoneId);
  // A copy already deleted cannot serve: upload again rather than wait on it.
  const held = bySerial(
    certificates.filter((certificate) => certificate.status !== 'deleted'),
    upload.serialNumber,
  );
  if (!held && certificates.length >= Limits.certificatesPerZone) {
    throw new RefusedError(
      l10n.t(
        '{0} already holds {1} client certificates, the most Cloudflare allows per zone. Delete one it no longer needs first.',
        upload.zoneName,
        Limits.certificatesPerZone,
      ),
    );
  }
  const created = held ?? (await send(context, client, upload, options.signal));
  options.onProgress?.(l10n.t('waiting for Cloudflare to deploy the new certificate…'));
  const outcome = await untilDeployed(context, client, upload.zoneId, created.id, options.signal);
  return { certificate: outcome.value ?? created, settled: outcome.settled && outcome.value?.status === 'active' };
}

/**
 * Uploads a per-hostname client certificate, waits until Cloudflare has deployed it, and puts the
 * zone's fresh certificate list into the loaded data (only that zone, only that part).
 */
export async function uploadClientCertificate(
  context: OperationContext,
  upload: ClientCertificateUpload,
  options: OperationOptions = {},
): Promise<UploadOutcome> {
  await checkRoomForClientCertificate(context, upload);
  return context.activity.run(NodeIds.aopGroup(upload.zoneId), l10n.t('Uploading…'), async () => {
    const client = await context.client();
    let sent = false;
    let stopped = false;
    try {
      const created = await send(context, client, upload, options.signal);
      sent = true;
      options.onProgress?.(l10n.t('waiting for Cloudflare to deploy it…'));
      const outcome = await untilDeployed(context, client, upload.zoneId, created.id, options.signal);
      context.log(
        `Uploaded client certificate ${created.id} (${upload.name}) to ${upload.zoneName}: ${outcome.value?.status ?? 'unknown'}.`,
      );
      return { certificate: outcome.value ?? created, settled: outcome.settled };
    } catch (error) {
      if (stoppedByPerson(error, options.signal)) {
        // Whether or not the POST landed, read back once and say so.
        stopped = true;
        throw await stoppedUpload(context, client, upload);
      }
      throw error;
    } finally {
      // Cloudflare holds it now, even when polling failed: the tree must show it.
      if (sent && !stopped) {
        await refreshClientCertificates(context, client, upload.zoneId);
      }
    }
  });
}

/**
 * POST the certificate. When the outcome is unknown (answer lost, unreadable, or a server error) the
 * upload may still have landed, so look for it by serial number before calling it failed: no
 * duplicate on retry, no certificate lost.
 */
async function send(
  context: OperationContext,
  client: CloudflareClient,
  upload: ClientCertificateUpload,
  signal: AbortSignal | undefined,
): Promise<HostnameCertificate> {
  throwIfAborted(signal);
  try {
    return await whenCloudflareAllows(
      () =>
        client.uploadHostnameCertificate(upload.zoneId, { certificate: upload.certificatePem, private_key: upload.privateKeyPem }, signal),
      context.timing,
      signal,
    );
  } catch (error) {
    if (error instanceof AlreadyExistsError) {
      // 1406: Cloudflare holds this very certificate (say, a copy still pending deletion); carry on with it.
      const existing = bySerial(await client.listHostnameCertificates(upload.zoneId, signal), upload.serialNumber);
      if (existing) {
        context.log(`${upload.zoneName} already holds the certificate (${existing.id}, ${existing.status ?? 'unknown'}); using that copy.`);
        return existing;
      }
      throw error;
    }
    // The person's cancel: every caller reads back what landed, once, and says so.
    if (!outcomeUnknown(error) || stoppedByPerson(error, signal)) {
      throw error;
    }
    // Not under the caller's signal: a request cut short is exactly when we must find out what landed.
    const listed = await client.listHostnameCertificates(upload.zoneId).catch(() => undefined);
    const landed = listed && bySerial(listed, upload.serialNumber);
    if (landed) {
      context.log(`The answer to the upload was lost, but ${upload.zoneName} holds the certificate (${landed.id}).`);
      return landed;
    }
    if (listed === undefined) {
      throw new RefusedError(
        l10n.t(
          "The upload's answer was lost and Cloudflare cannot be reached to check whether it landed. Refresh {0} before uploading again.",
          upload.zoneName,
        ),
      );
    }
    context.data.setCertificates(upload.zoneId, listed);
    if (error instanceof CancelledError) {
      throw error;
    }
    const what = error instanceof CloudflareError ? error.message : String(error);
    throw new RefusedError(
      l10n.t(
        'The upload failed ({0}). {1} does not hold the certificate, so nothing was stored; you can upload again.',
        what.replace(/\.$/, ''),
        upload.zoneName,
      ),
    );
  }
}
