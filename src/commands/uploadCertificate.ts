import * as vscode from 'vscode';
import type { HostnameCertificate } from '../cloudflare/types';
import type { ExtensionServices } from '../extensionServices';
import { appearanceOf, AOP_STATUS } from '../format/statusAppearance';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { expiryPhrase } from '../x509/certificateSummary';
import { loadX509 } from '../x509/lazy';
import type { UploadStart } from '../model/upload/uploadPlanner';
import { pickZone } from './pickZone';
import { startFromEditor, startFromFile } from './upload/uploadStarts';
import { planWorkspaceUpload } from './upload/workspaceUploadIo';
import { withOperationProgress } from './operationProgress';

type UploadServices = Pick<ExtensionServices, 'prompts' | 'data' | 'operations'>;

/**
 * "Upload Certificate from Editor…": the document in the editor (or the one right-clicked). `offset`
 * is the block a CodeLens stands on, which picks one Secret of a manifest holding several.
 */
export async function uploadFromEditor(services: UploadServices, target?: vscode.Uri | TreeNode, offset?: number): Promise<void> {
  const start = startFromEditor(target instanceof vscode.Uri ? target : undefined, offset);
  await uploadCertificate(services, start, target instanceof vscode.Uri ? undefined : target);
}

/** "Upload Certificate from File…": a file from the Explorer, or one picked in a dialog. */
export async function uploadFromFile(services: UploadServices, target?: vscode.Uri | TreeNode): Promise<void> {
  const start = await startFromFile(
    services.prompts,
    target instanceof vscode.Uri ? target : undefined,
    'Choose the certificate to upload to Cloudflare',
  );
  if (start) {
    await uploadCertificate(services, start, target instanceof vscode.Uri ? undefined : target);
  }
}

/**
 * Has the model check the certificate and key locally, asks which zone, then hands the upload to the
 * model, which sends it, waits until Cloudflare has deployed it and updates that zone's data.
 */
export async function uploadCertificate(
  services: UploadServices,
  start: UploadStart,
  node: TreeNode | undefined,
): Promise<HostnameCertificate | undefined> {
  const plan = await planWorkspaceUpload(services.prompts, start, { purpose: 'aop' });
  if (!plan) {
    return undefined;
  }
  const { source, material } = plan;
  const name = loadX509().displayName(material.leaf);
  const zone =
    zoneOf(node) ?? (await pickZone(services, `Upload "${name}" as an Authenticated Origin Pulls client certificate to which zone?`));
  if (!zone) {
    return undefined;
  }
  // Refusals that need no question come before the question: a duplicate, a zone already full.
  await services.operations.checkRoomForClientCertificate({
    zoneId: zone.id,
    zoneName: zone.name,
    name,
    serialNumber: material.leaf.serialNumber,
  });
  // Say exactly what goes where, from which file, before anything is sent.
  const send = 'Upload';
  const answer = await services.prompts.confirm(
    `Upload "${name}" from ${source.name} to ${zone.name}?`,
    [
      `As an Authenticated Origin Pulls client certificate for ${zone.name}.`,
      `Subject: ${material.leaf.subject}`,
      `Serial ${material.leaf.serialNumber}, ${expiryPhrase(material.leaf.notAfter, new Date())}.`,
      `Private key: ${material.keyFrom ? `from ${material.keyFrom}` : `in ${source.name}`}.`,
    ].join('\n'),
    send,
  );
  if (answer !== send) {
    return undefined;
  }
  const upload = {
    zoneId: zone.id,
    zoneName: zone.name,
    name,
    certificatePem: material.certificatePem,
    privateKeyPem: material.privateKeyPem,
    serialNumber: material.leaf.serialNumber,
  };
  const outcome = await withOperationProgress(`Uploading "${name}" to ${zone.name}`, (options) =>
    services.operations.uploadClientCertificate(upload, options),
  );
  const status = appearanceOf(AOP_STATUS, outcome.certificate.status).label.toLowerCase();
  if (outcome.settled) {
    void services.prompts.info(`Uploaded "${name}" to ${zone.name}: ${status}.`);
  } else {
    void services.prompts.warning(
      `"${name}" reached ${zone.name} but Cloudflare is still deploying it (${status}). Refresh later to see it active.`,
    );
  }
  return outcome.certificate;
}
