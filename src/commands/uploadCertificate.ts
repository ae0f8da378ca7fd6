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
    vscode.l10n.t('Choose the certificate to upload to Cloudflare'),
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
    zoneOf(node) ??
    (await pickZone(services, vscode.l10n.t('Upload "{0}" as an Authenticated Origin Pulls client certificate to which zone?', name)));
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
  const send = vscode.l10n.t('Upload');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Upload "{0}" from {1} to {2}?', name, source.name, zone.name),
    [
      vscode.l10n.t('As an Authenticated Origin Pulls client certificate for {0}.', zone.name),
      vscode.l10n.t('Subject: {0}', material.leaf.subject),
      vscode.l10n.t('Serial {0}, {1}.', material.leaf.serialNumber, expiryPhrase(material.leaf.notAfter, new Date())),
      vscode.l10n.t('Private key: {0}.', material.keyFrom ? `from ${material.keyFrom}` : `in ${source.name}`),
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
  const outcome = await withOperationProgress(services.prompts, vscode.l10n.t('Uploading "{0}" to {1}', name, zone.name), (options) =>
    services.operations.uploadClientCertificate(upload, options),
  );
  const status = appearanceOf(AOP_STATUS, outcome.certificate.status).label.toLowerCase();
  if (outcome.settled) {
    void services.prompts.info(vscode.l10n.t('Uploaded "{0}" to {1}: {2}.', name, zone.name, status));
  } else {
    void services.prompts.warning(
      vscode.l10n.t(
        '"{0}" reached {1} but Cloudflare is still deploying it ({2}). Refresh later to see it active.',
        name,
        zone.name,
        status,
      ),
    );
  }
  return outcome.certificate;
}
