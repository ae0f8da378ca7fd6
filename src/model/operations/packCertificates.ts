import * as l10n from '@vscode/l10n';
import { outcomeUnknown } from '../../cloudflare/errors';
import { packCertificates, type CustomHostname } from '../../cloudflare/types';
import { isTransitional } from '../../format/statusAppearance';
import { NodeIds } from '../nodeIds';
import { pollUntilSettled, throwIfAborted, type PollResult } from '../pollUntilSettled';
import { stoppedByPerson, type OperationContext, type OperationOptions, type StoppedError } from './operationContext';
import { stoppedPackReplace } from './stoppedPackReplace';
import { whenCloudflareAllows } from './whenCloudflareAllows';

export interface PackCertificateRef {
  readonly zoneId: string;
  readonly hostnameId: string;
  readonly packId: string;
  readonly certificateId: string;
}

export interface PackReplacement {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** Lower-case hex: how a replace cut short is told to have landed or not. */
  readonly serialNumber: string;
}

/** Replaces one certificate of a custom hostname's pack; Cloudflare keeps the key type. */
export async function replacePackCertificate(
  context: OperationContext,
  target: PackCertificateRef,
  material: PackReplacement,
  options: OperationOptions = {},
): Promise<PollResult<CustomHostname>> {
  const stopped = (latest: CustomHostname | undefined) => stoppedPackReplace(latest, material.serialNumber);
  return run(context, target, { words: l10n.t('Replacing…'), logged: 'Replaced' }, options, stopped, async (client) => {
    const body = { custom_certificate: material.certificatePem, custom_key: material.privateKeyPem };
    await whenCloudflareAllows(
      () => client.replacePackCertificate(target.zoneId, target.hostnameId, target.packId, target.certificateId, body, options.signal),
      context.timing,
      options.signal,
    );
    options.onProgress?.(l10n.t('waiting for Cloudflare to deploy it…'));
    return () => true;
  });
}

/** Deletes one certificate of a pack (never the last: the caller checks, and Cloudflare refuses). */
export async function deletePackCertificate(
  context: OperationContext,
  target: PackCertificateRef,
  options: OperationOptions = {},
): Promise<PollResult<CustomHostname>> {
  return run(context, target, { words: l10n.t('Deleting…'), logged: 'Deleted' }, options, undefined, async (client) => {
    await whenCloudflareAllows(
      () => client.deletePackCertificate(target.zoneId, target.hostnameId, target.packId, target.certificateId, options.signal),
      context.timing,
      options.signal,
    );
    options.onProgress?.(l10n.t('waiting for Cloudflare to remove it…'));
    // Settled only once the certificate has left the pack, so the tree never shows it after the delete.
    return (hostname) => !packCertificates(hostname).some((certificate) => certificate.id === target.certificateId);
  });
}

type Client = Awaited<ReturnType<OperationContext['client']>>;

async function run(
  context: OperationContext,
  target: PackCertificateRef,
  /** What the node shows while it runs (the display language), and the log's English verb. */
  step: { words: string; logged: string },
  options: OperationOptions,
  /** What a cancel leaves, in one line, from the hostname read back (undefined: it could not be read). */
  stopped: ((latest: CustomHostname | undefined) => StoppedError) | undefined,
  change: (client: Client) => Promise<(hostname: CustomHostname) => boolean>,
): Promise<PollResult<CustomHostname>> {
  const id = NodeIds.packCertificate(target.zoneId, target.hostnameId, target.packId, target.certificateId);
  return context.activity.run(id, step.words, async () => {
    const client = await context.client();
    let sent = false;
    let outcome: PollResult<CustomHostname>;
    try {
      throwIfAborted(options.signal);
      const done = await change(client);
      sent = true;
      outcome = await pollUntilSettled(
        () => client.getCustomHostname(target.zoneId, target.hostnameId, options.signal),
        (hostname) => !isTransitional(hostname.ssl?.status) && done(hostname),
        { signal: options.signal, ...context.timing },
      );
    } catch (error) {
      // Cancelled or lost after the change may have landed: show what Cloudflare holds now, not the old
      // pack. A refusal changed nothing, so it costs no request.
      if (sent || outcomeUnknown(error)) {
        const latest = await client.getCustomHostname(target.zoneId, target.hostnameId).catch(() => undefined);
        if (latest) {
          context.data.replaceCustomHostname(target.zoneId, latest);
        } else {
          context.data.reload(target.zoneId, 'customHostnames');
        }
        if (stopped && stoppedByPerson(error, options.signal)) {
          throw stopped(latest);
        }
      }
      throw error;
    }
    if (outcome.value) {
      context.data.replaceCustomHostname(target.zoneId, outcome.value);
    }
    context.log(
      `${step.logged} pack certificate ${target.certificateId} of custom hostname ${target.hostnameId}: ${outcome.value?.ssl?.status ?? 'unknown'}.`,
    );
    return outcome;
  });
}
