import * as l10n from '@vscode/l10n';
import { Limits } from '../limits';
import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import type { HostnameAssociation } from '../../cloudflare/types';
import { isTransitional } from '../../format/statusAppearance';
import { pollUntilSettled, throwIfAborted } from '../pollUntilSettled';
import type { OperationContext, OperationOptions } from './operationContext';
import { whenCloudflareAllows } from './whenCloudflareAllows';

/** Hostnames per PUT: a certificate carries at most 100, so one batch moves all of a certificate's. */
const BATCH = Limits.associationsPerRequest;

/**
 * Moves every hostname that uses one certificate to another, in as few PUTs as the service takes,
 * keeping each one's enabled state (a PUT with the new cert_id replaces the hostname's single
 * association: nothing is invalidated, so the old certificate serves until the new one is deployed).
 * Then waits until each moved hostname is active on the new certificate.
 */
export async function moveHostnames(
  context: OperationContext,
  client: CloudflareClient,
  move: { zoneId: string; fromCertificateId: string; toCertificateId: string; only?: readonly string[] },
  options: OperationOptions,
): Promise<{ moved: string[]; settled: boolean; associations: HostnameAssociation[] }> {
  const { signal } = options;
  throwIfAborted(signal);
  const current = await client.listHostnameAssociations(move.zoneId, signal);
  const toMove = current.filter(
    (association) =>
      association.cert_id === move.fromCertificateId &&
      association.enabled !== null &&
      (!move.only || move.only.includes(association.hostname)),
  );
  for (let start = 0; start < toMove.length; start += BATCH) {
    throwIfAborted(signal);
    const batch = toMove
      .slice(start, start + BATCH)
      .map((association) => ({ hostname: association.hostname, cert_id: move.toCertificateId, enabled: association.enabled !== false }));
    options.onProgress?.(toMove.length === 1 ? l10n.t('moving 1 hostname…') : l10n.t('moving {0} hostnames…', toMove.length));
    await whenCloudflareAllows(() => client.updateHostnameAssociations(move.zoneId, batch, signal), context.timing, signal);
  }
  const moved = toMove.map((association) => association.hostname);
  // A move sent before an interruption may still be deploying: wait for those too, or the old
  // certificate would be offered for deletion while it still serves them.
  const stillDeploying = current
    .filter((association) => association.cert_id === move.toCertificateId && isTransitional(association.status))
    .map((association) => association.hostname);
  const outcome = await waitUntilServing(context, client, move.zoneId, move.toCertificateId, [...moved, ...stillDeploying], options);
  return { moved, settled: outcome.settled, associations: outcome.associations ?? current };
}

/**
 * Polls the zone's associations (one request per look, for all hostnames) until each is active on
 * the certificate; hands back the last list seen, which is Cloudflare's state with no further request.
 */
export async function waitUntilServing(
  context: OperationContext,
  client: CloudflareClient,
  zoneId: string,
  certificateId: string,
  hostnames: readonly string[],
  options: OperationOptions,
): Promise<{ settled: boolean; associations?: HostnameAssociation[] }> {
  if (hostnames.length === 0) {
    return { settled: true };
  }
  options.onProgress?.(
    hostnames.length === 1
      ? l10n.t('waiting until 1 hostname is active on the new certificate…')
      : l10n.t('waiting until {0} hostnames are active on the new certificate…', hostnames.length),
  );
  const wanted = new Set(hostnames);
  const outcome = await pollUntilSettled(
    () => client.listHostnameAssociations(zoneId, options.signal),
    (associations: HostnameAssociation[]) =>
      associations.filter(
        (association) => wanted.has(association.hostname) && association.cert_id === certificateId && !isTransitional(association.status),
      ).length === wanted.size,
    { signal: options.signal, ...context.timing },
  );
  return { settled: outcome.settled, associations: outcome.value };
}
