import * as vscode from 'vscode';
import { CancelledError, CloudflareError, outcomeUnknown } from '../cloudflare/errors';
import type { HostnameCertificate, Zone } from '../cloudflare/types';
import type { ExtensionServices } from '../extensionServices';
import { appearanceOf, AOP_STATUS, isTransitional } from '../format/statusAppearance';
import { pollUntilSettled } from '../model/pollUntilSettled';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { loadX509 } from '../x509/lazy';
import type { UploadMaterial } from '../x509/uploadMaterial';
import { pickZone } from './pickZone';
import { abortSignalFor } from './runCommand';
import { checkedMaterial } from './upload/checkedMaterial';
import { sourceFromEditor, sourceFromFile, type PemSource } from './upload/pemSource';
import { UserError } from './userError';

/** "Upload Certificate from Editor…": the document in the editor (or the one right-clicked). */
export async function uploadFromEditor(services: ExtensionServices, target?: vscode.Uri | TreeNode): Promise<void> {
  const source = await sourceFromEditor(target instanceof vscode.Uri ? target : undefined);
  await uploadCertificate(services, source, target instanceof vscode.Uri ? undefined : target);
}

/** "Upload Certificate from File…": a file from the Explorer, or one picked in a dialog. */
export async function uploadFromFile(services: ExtensionServices, target?: vscode.Uri | TreeNode): Promise<void> {
  const source = await sourceFromFile(services.prompts, target instanceof vscode.Uri ? target : undefined, 'Choose the certificate to upload to Cloudflare');
  if (source) {
    await uploadCertificate(services, source, target instanceof vscode.Uri ? undefined : target);
  }
}

/**
 * Checks the certificate and key locally, then uploads them as a per-hostname Authenticated Origin
 * Pulls certificate, waits until Cloudflare has deployed it, and refreshes only that zone's group.
 */
export async function uploadCertificate(services: ExtensionServices, source: PemSource, node: TreeNode | undefined): Promise<HostnameCertificate | undefined> {
  const material = await checkedMaterial(services.prompts, source, { purpose: 'aop' });
  if (!material) {
    return undefined;
  }
  const zone = zoneOf(node) ?? (await pickZone(services, `Upload "${loadX509().displayName(material.leaf)}" to which zone?`));
  if (!zone) {
    return undefined;
  }
  const { certificates } = await services.data.aop(zone.id);
  const name = loadX509().displayName(material.leaf);
  const same = certificates.find((certificate) => certificate.serial_number?.toLowerCase() === material.leaf.serialNumber);
  if (same) {
    throw new UserError(`${zone.name} already holds "${name}" (serial ${material.leaf.serialNumber}, status ${same.status}). Nothing was uploaded.`);
  }
  const live = certificates.filter((certificate) => certificate.status !== 'deleted' && certificate.status !== 'pending_deletion');
  if (certificates.length >= 10) {
    throw new UserError(`${zone.name} already holds 10 client certificates (${live.length} live), the most Cloudflare allows per zone. Delete one first.`);
  }
  const groupId = `zone/${zone.id}/aop`;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Uploading "${name}" to ${zone.name}`, cancellable: true },
    (progress, cancellation) =>
      services.activity.run(groupId, 'Uploading…', async () => {
        const signal = abortSignalFor(cancellation);
        const created = await send(services, zone, material, signal);
        progress.report({ message: 'waiting for Cloudflare to deploy it…' });
        const client = await services.clients.client();
        const outcome = await pollUntilSettled(
          () => client.getHostnameCertificate(zone.id, created.id, signal),
          (certificate) => !isTransitional(certificate.status),
          { signal, ...services.pollTiming },
        );
        services.data.invalidate(zone.id, 'aop');
        services.tree.refresh(services.tree.find(groupId));
        const status = appearanceOf(AOP_STATUS, outcome.value?.status).label.toLowerCase();
        services.log.info(`Uploaded client certificate ${created.id} (${name}) to ${zone.name}: ${status}.`);
        if (outcome.settled) {
          void services.prompts.info(`Uploaded "${name}" to ${zone.name}: ${status}.`);
        } else {
          void services.prompts.warning(`"${name}" reached ${zone.name} but Cloudflare is still deploying it (${status}). Refresh later to see it active.`);
        }
        return created;
      }),
  );
}

/**
 * POST the certificate. When the outcome is unknown (answer lost, unreadable, or a server error) the
 * upload may still have landed, so look for it by serial number before calling it failed: no
 * duplicate on retry, no certificate lost.
 */
async function send(services: ExtensionServices, zone: Zone, material: UploadMaterial, signal: AbortSignal): Promise<HostnameCertificate> {
  const client = await services.clients.client();
  try {
    return await client.uploadHostnameCertificate(zone.id, { certificate: material.certificatePem, private_key: material.privateKeyPem }, signal);
  } catch (error) {
    if (!outcomeUnknown(error)) {
      throw error;
    }
    const listed = await client.listHostnameCertificates(zone.id).catch(() => undefined);
    const landed = listed?.find((certificate) => certificate.serial_number?.toLowerCase() === material.leaf.serialNumber);
    if (landed) {
      services.log.warn(`The answer to the upload was lost, but ${zone.name} holds the certificate (${landed.id}).`);
      return landed;
    }
    if (listed === undefined) {
      throw new UserError(`The upload's answer was lost and Cloudflare cannot be reached to check whether it landed. Refresh ${zone.name} before uploading again.`);
    }
    if (error instanceof CancelledError) {
      throw error;
    }
    const what = error instanceof CloudflareError ? error.message : String(error);
    throw new UserError(`The upload failed (${what.replace(/\.$/, '')}). ${zone.name} does not hold the certificate, so nothing was stored; you can upload again.`);
  }
}
