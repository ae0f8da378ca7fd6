import type { ExtensionServices } from '../extensionServices';
import { rotationSteps } from '../format/confirmationText';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { loadX509 } from '../x509/lazy';
import { pickCertificate } from './pickCertificate';
import { replacePackCertificate } from './replacePackCertificate';
import { chooseSource } from './upload/chooseSource';
import { checkedMaterial } from './upload/checkedMaterial';
import type { PemSource } from './upload/pemSource';
import { withOperationProgress } from './operationProgress';
import { offerToDeleteOld } from './rotationEnd';
import { UserError } from './userError';
import { checkReplacement } from '../model/replacementRules';
import { acceptVerdict } from './ruleVerdict';

type RotateServices = Pick<ExtensionServices, 'prompts' | 'operations' | 'treeView' | 'data' | 'tree'>;

/**
 * "Rotate Certificate…": replace a certificate on every hostname that uses it without an outage. For
 * a pack certificate that is the replace, with the same "expires later" rule. `replacement` is the
 * document already chosen ("Rotate on Cloudflare…" on a newer block), else the person is asked.
 */
export async function rotateCertificate(services: RotateServices, node: TreeNode | undefined, replacement?: PemSource): Promise<void> {
  const target = node ?? services.treeView.selection[0] ?? (await pickCertificate(services, 'Rotate which certificate?'));
  if (target instanceof PackCertificateNode) {
    return replacePackCertificate(services, target, undefined, { mustExpireLater: true });
  }
  if (!(target instanceof AopCertificateNode)) {
    throw new UserError('Choose a client certificate or a pack certificate in the Cloudflare Certificates view to rotate it.');
  }
  const zone = zoneOf(target)!;
  const old = target.certificate;
  const source = replacement ?? (await chooseSource(services, `Rotate "${target.label}": choose its replacement`));
  if (!source) {
    return;
  }
  const material = await checkedMaterial(services.prompts, source, { purpose: 'aop' });
  if (!material) {
    return;
  }
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
  const rotate = 'Rotate';
  const answer = await services.prompts.confirm(
    `Rotate "${target.label}" in ${zone.name} to "${name}" from ${source.name}?`,
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
  const outcome = await withOperationProgress(`Rotating "${target.label}" in ${zone.name}`, (options) =>
    services.operations.rotateClientCertificate(rotationTarget, uploaded, options),
  );
  await offerToDeleteOld(services, rotationTarget, target.label, outcome);
}
