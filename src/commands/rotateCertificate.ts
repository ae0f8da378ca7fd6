import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { rotationSteps } from '../format/confirmationText';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { loadX509 } from '../x509/lazy';
import { pickCertificate } from './pickCertificate';
import { replacePackCertificate } from './replacePackCertificate';
import type { UploadStart } from '../model/upload/uploadPlanner';
import { chooseStart } from './upload/uploadStarts';
import { planWorkspaceUpload } from './upload/workspaceUploadIo';
import { withOperationProgress } from './operationProgress';
import { offerToDeleteOld } from './rotationEnd';
import { UserError } from './userError';
import { checkReplacement } from '../model/replacementRules';
import { acceptVerdict } from './ruleVerdict';

type RotateServices = Pick<ExtensionServices, 'prompts' | 'operations' | 'treeView' | 'data' | 'tree' | 'clients'>;

/**
 * "Rotate Certificate…": replace a certificate on every hostname that uses it without an outage. For
 * a pack certificate that is the replace, with the same "expires later" rule. `replacement` is the
 * document already chosen ("Rotate on Cloudflare…" on a newer block), else the person is asked.
 */
export async function rotateCertificate(services: RotateServices, node: TreeNode | undefined, replacement?: UploadStart): Promise<void> {
  const target = node ?? (await pickCertificate(services, vscode.l10n.t('Rotate which certificate?')));
  if (!target) {
    return;
  }
  if (target instanceof PackCertificateNode) {
    return replacePackCertificate(services, target, undefined, { mustExpireLater: true });
  }
  if (!(target instanceof AopCertificateNode)) {
    throw new UserError(
      vscode.l10n.t('Choose a client certificate or a pack certificate in the Cloudflare Certificates view to rotate it.'),
    );
  }
  const zone = zoneOf(target)!;
  const old = target.certificate;
  const start = replacement ?? (await chooseStart(services.prompts, vscode.l10n.t('Rotate "{0}": choose its replacement', target.label)));
  const plan = start && (await planWorkspaceUpload(services.prompts, start, { purpose: 'aop' }));
  if (!plan) {
    return;
  }
  const { source, material } = plan;
  const name = loadX509().displayName(material.leaf);
  const now = new Date();
  const current = target.details();
  const verdict = checkReplacement({
    currentLabel: target.label,
    current: { subject: current.subject, sans: current.sans, notAfter: target.expiresOn(), serialNumber: old.serial_number },
    replacementLabel: name,
    replacement: material.leaf,
    now,
    mustExpireLater: true,
  });
  if (!(await acceptVerdict(services.prompts, verdict))) {
    return;
  }
  const users = target.associations.filter((association) => association.enabled !== null).length;
  const rotate = vscode.l10n.t('Rotate');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Rotate "{0}" in {1} to "{2}" from {3}?', target.label, zone.name, name, source.name),
    rotationSteps(name, material.leaf.notAfter, now, users, target.label),
    rotate,
  );
  if (answer !== rotate) {
    return;
  }
  const rotationTarget = { zoneId: zone.id, zoneName: zone.name, oldCertificateId: old.id };
  const uploaded = {
    zoneId: zone.id,
    zoneName: zone.name,
    name,
    certificatePem: material.certificatePem,
    privateKeyPem: material.privateKeyPem,
    serialNumber: material.leaf.serialNumber,
  };
  const outcome = await withOperationProgress(
    services.prompts,
    vscode.l10n.t('Rotating "{0}" in {1}', target.label, zone.name),
    (options) => services.operations.rotateClientCertificate(rotationTarget, uploaded, options),
  );
  await offerToDeleteOld(services, rotationTarget, target.label, outcome);
}
