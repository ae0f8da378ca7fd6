import * as vscode from 'vscode';
import { packReplacement } from '../format/confirmationText';
import type { ExtensionServices } from '../extensionServices';
import { appearanceOf, SSL_STATUS } from '../format/statusAppearance';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { loadX509 } from '../x509/lazy';
import { withOperationProgress } from './operationProgress';
import { pickPackCertificate } from './pickPackCertificate';
import type { PaletteServices } from './pickTreeNode';
import { chooseStart, startFromFile } from './upload/uploadStarts';
import { planWorkspaceUpload } from './upload/workspaceUploadIo';
import { UserError } from './userError';
import { checkReplacement } from '../model/replacementRules';
import { acceptVerdict } from './ruleVerdict';

/** Replaces one certificate of a custom hostname's pack with one of the same key type. */
export async function replacePackCertificate(
  services: PaletteServices & Pick<ExtensionServices, 'operations'>,
  node: TreeNode | undefined,
  file?: vscode.Uri,
  rules: { mustExpireLater?: boolean } = {},
): Promise<void> {
  const target = node ?? (await pickPackCertificate(services, vscode.l10n.t('Replace which certificate?')));
  if (!target) {
    return;
  }
  if (!(target instanceof PackCertificateNode)) {
    throw new UserError(
      vscode.l10n.t("Choose a certificate inside a custom hostname's certificate pack in the Cloudflare Certificates view."),
    );
  }
  const zone = zoneOf(target)!;
  const hostname = target.parent.hostname;
  const keyType = target.keyType;
  const start = file
    ? await startFromFile(services.prompts, file, '')
    : await chooseStart(services.prompts, vscode.l10n.t('Replace the {0} certificate of {1}', keyType ?? '', hostname.hostname));
  const plan = start && (await planWorkspaceUpload(services.prompts, start, { purpose: 'pack', requiredKeyType: keyType }));
  if (!plan) {
    return;
  }
  const { material } = plan;
  const now = new Date();
  const name = loadX509().displayName(material.leaf);
  const current = target.certificate;
  const verdict = checkReplacement({
    currentLabel: `the ${keyType ?? ''} certificate of ${hostname.hostname}`.replace('  ', ' '),
    current: { notAfter: target.expiresOn(), serialNumber: current.serial_number },
    replacementLabel: name,
    replacement: material.leaf,
    now,
    mustExpireLater: rules.mustExpireLater ?? false,
    hostname: hostname.hostname,
  });
  if (!(await acceptVerdict(services.prompts, verdict))) {
    return;
  }
  const replace = vscode.l10n.t('Replace');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Replace the {0} certificate of {1}?', keyType ?? vscode.l10n.t('unknown'), hostname.hostname),
    packReplacement(
      now,
      { serial: current.serial_number, expiresOn: current.expires_on ? new Date(current.expires_on) : undefined },
      { name, serial: material.leaf.serialNumber, notAfter: material.leaf.notAfter },
    ),
    replace,
  );
  if (answer !== replace) {
    return;
  }
  const ref = { zoneId: zone.id, hostnameId: hostname.id, packId: target.parent.packId, certificateId: current.id };
  const outcome = await withOperationProgress(
    services.prompts,
    vscode.l10n.t('Replacing the {0} certificate of {1}', keyType ?? vscode.l10n.t('unknown'), hostname.hostname),
    (options) =>
      services.operations.replacePackCertificate(
        ref,
        { certificatePem: material.certificatePem, privateKeyPem: material.privateKeyPem, serialNumber: material.leaf.serialNumber },
        options,
      ),
  );
  const status = appearanceOf(SSL_STATUS, outcome.value?.ssl?.status).label.toLowerCase();
  void (outcome.settled
    ? services.prompts.info(
        vscode.l10n.t(
          'Replaced the {0} certificate of {1} with "{2}": {3}.',
          keyType ?? vscode.l10n.t('unknown'),
          hostname.hostname,
          name,
          status,
        ),
      )
    : services.prompts.warning(
        vscode.l10n.t('Cloudflare is still deploying the new certificate of {0} ({1}).', hostname.hostname, status),
      ));
}
