import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { invalidateThenDelete } from '../format/confirmationText';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { withOperationProgress } from './operationProgress';
import { pickCertificate } from './pickCertificate';
import type { PaletteServices } from './pickTreeNode';
import { UserError } from './userError';

type DeleteServices = PaletteServices & Pick<ExtensionServices, 'operations'>;

/** Deletes a client certificate (after invalidating the hostnames that use it) or a pack certificate. */
export async function deleteCertificate(services: DeleteServices, node: TreeNode | undefined): Promise<void> {
  const target = node ?? (await pickCertificate(services, vscode.l10n.t('Delete which certificate?')));
  if (!target) {
    return;
  }
  if (target instanceof AopCertificateNode) {
    return deleteClientCertificate(services, target);
  }
  if (target instanceof PackCertificateNode) {
    return deletePackCertificate(services, target);
  }
  throw new UserError(vscode.l10n.t('Choose a certificate in the Cloudflare Certificates view to delete it.'));
}

async function deleteClientCertificate(services: DeleteServices, node: AopCertificateNode): Promise<void> {
  const zone = zoneOf(node)!;
  const users = await services.operations.hostnamesUsing(zone.id, node.certificate.id);
  const action = users.length > 0 ? vscode.l10n.t('Invalidate and Delete') : vscode.l10n.t('Delete');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Delete the client certificate "{0}" from {1}?', node.label, zone.name),
    users.length > 0
      ? invalidateThenDelete(users.map((user) => user.hostname))
      : vscode.l10n.t('Serial {0}, ID {1}. This cannot be undone.', node.certificate.serial_number ?? 'unknown', node.certificate.id),
    action,
  );
  if (answer !== action) {
    return;
  }
  const target = { zoneId: zone.id, zoneName: zone.name, certificateId: node.certificate.id, name: node.label };
  const outcome = await withOperationProgress(
    services.prompts,
    vscode.l10n.t('Deleting "{0}" from {1}', node.label, zone.name),
    (options) => services.operations.deleteClientCertificate(target, users, options),
  );
  void (outcome.settled
    ? services.prompts.info(vscode.l10n.t('Deleted "{0}" from {1}.', node.label, zone.name))
    : services.prompts.warning(vscode.l10n.t('Cloudflare is still deleting "{0}" (pending deletion).', node.label)));
}

async function deletePackCertificate(services: DeleteServices, node: PackCertificateNode): Promise<void> {
  const hostname = node.parent.hostname;
  if (node.isLast) {
    // Offered anyway, so the reason is said rather than a menu item silently missing; nothing is sent.
    throw new UserError(
      vscode.l10n.t(
        'Nothing was deleted: the {0} certificate is the only one in the pack of {1}. Cloudflare keeps at least one certificate in a pack; replace it instead.',
        node.keyType ?? 'chosen',
        hostname.hostname,
      ),
    );
  }
  const zone = zoneOf(node)!;
  const action = vscode.l10n.t('Delete');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Delete the {0} certificate of {1}?', node.keyType ?? vscode.l10n.t('unknown'), hostname.hostname),
    vscode.l10n.t(
      'Serial {0}, ID {1}. The pack keeps its other certificate. This cannot be undone.',
      node.certificate.serial_number ?? 'unknown',
      node.certificate.id,
    ),
    action,
  );
  if (answer !== action) {
    return;
  }
  const target = { zoneId: zone.id, hostnameId: hostname.id, packId: node.parent.packId, certificateId: node.certificate.id };
  await withOperationProgress(
    services.prompts,
    vscode.l10n.t('Deleting the {0} certificate of {1}', node.keyType ?? vscode.l10n.t('unknown'), hostname.hostname),
    (options) => services.operations.deletePackCertificate(target, options),
  );
  void services.prompts.info(
    vscode.l10n.t('Deleted the {0} certificate of {1}.', node.keyType ?? vscode.l10n.t('unknown'), hostname.hostname),
  );
}
