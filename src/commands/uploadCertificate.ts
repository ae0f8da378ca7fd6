import * as vscode from 'vscode';
import type { HostnameCertificate } from '../cloudflare/types';
import type { ExtensionServices } from '../extensionServices';
import { appearanceOf, AOP_STATUS } from '../format/statusAppearance';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { expiryPhrase } from '../x509/certificateSummary';
import { loadX509 } from '../x509/lazy';
import { isPkcs12FileName } from '../x509/pkcs12Format';
import { pickZone } from './pickZone';
import { checkedMaterial } from './upload/checkedMaterial';
import { sourceFromEditor, sourceFromFile, withinYamlDocument, type PemSource } from './upload/pemSource';
import { withOperationProgress } from './operationProgress';

type UploadServices = Pick<ExtensionServices, 'prompts' | 'data' | 'operations'>;

/**
 * "Upload Certificate from Editor…": the document in the editor (or the one right-clicked). `offset`
 * is the block a CodeLens stands on, which picks one Secret of a manifest holding several.
 */
export async function uploadFromEditor(services: UploadServices, target?: vscode.Uri | TreeNode, offset?: number): Promise<void> {
  const uri = target instanceof vscode.Uri ? target : undefined;
  // A bundle has no text to take from an editor: it is opened with its passphrase, as from a file.
  const source =
    uri && isPkcs12FileName(uri.path)
      ? await sourceFromFile(services.prompts, uri, '')
      : withinYamlDocument(await sourceFromEditor(uri), offset);
  if (!source) {
    return;
  }
  await uploadCertificate(services, source, target instanceof vscode.Uri ? undefined : target);
}

/** "Upload Certificate from File…": a file from the Explorer, or one picked in a dialog. */
export async function uploadFromFile(services: UploadServices, target?: vscode.Uri | TreeNode): Promise<void> {
  const source = await sourceFromFile(
    services.prompts,
    target instanceof vscode.Uri ? target : undefined,
    'Choose the certificate to upload to Cloudflare',
  );
  if (source) {
    await uploadCertificate(services, source, target instanceof vscode.Uri ? undefined : target);
  }
}

/**
 * Checks the certificate and key locally, asks which zone, then hands the upload to the model, which
 * sends it, waits until Cloudflare has deployed it and updates that zone's data.
 */
export async function uploadCertificate(
  services: UploadServices,
  source: PemSource,
  node: TreeNode | undefined,
): Promise<HostnameCertificate | undefined> {
  const material = await checkedMaterial(services.prompts, source, { purpose: 'aop' });
  if (!material) {
    return undefined;
  }
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
  const outcome = await withOperationProgress(services.prompts, `Uploading "${name}" to ${zone.name}`, (options) =>
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
