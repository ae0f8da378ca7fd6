import type { ExtensionServices } from '../extensionServices';
import { invalidateThenDelete } from '../format/confirmationText';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { withOperationProgress } from './operationProgress';
import { UserError } from './userError';

type DeleteServices = Pick<ExtensionServices, 'prompts' | 'operations' | 'treeView'>;

/** Deletes a client certificate (after invalidating the hostnames that use it) or a pack certificate. */
export async function deleteCertificate(services: DeleteServices, node: TreeNode | undefined): Promise<void> {
  const target = node ?? services.treeView.selection[0];
  if (target instanceof AopCertificateNode) {
    return deleteClientCertificate(services, target);
  }
  if (target instanceof PackCertificateNode) {
    return deletePackCertificate(services, target);
  }
  throw new UserError('Choose a certificate in the Cloudflare Certificates view to delete it.');
}

async function deleteClientCertificate(services: DeleteServices, node: AopCertificateNode): Promise<void> {
  const zone = zoneOf(node)!;
  const users = await services.operations.hostnamesUsing(zone.id, node.certificate.id);
  const action = users.length > 0 ? 'Invalidate and Delete' : 'Delete';
  const answer = await services.prompts.confirm(
    `Delete the client certificate "${node.label}" from ${zone.name}?`,
    users.length > 0
      ? invalidateThenDelete(users.map((user) => user.hostname))
      : `Serial ${node.certificate.serial_number ?? 'unknown'}, ID ${node.certificate.id}. This cannot be undone.`,
    action,
  );
  if (answer !== action) {
    return;
  }
  const target = { zoneId: zone.id, zoneName: zone.name, certificateId: node.certificate.id, name: node.label };
  const outcome = await withOperationProgress(services.prompts, `Deleting "${node.label}" from ${zone.name}`, (options) =>
    services.operations.deleteClientCertificate(target, users, options),
  );
  void (outcome.settled
    ? services.prompts.info(`Deleted "${node.label}" from ${zone.name}.`)
    : services.prompts.warning(`Cloudflare is still deleting "${node.label}" (pending deletion).`));
}

async function deletePackCertificate(services: DeleteServices, node: PackCertificateNode): Promise<void> {
  const hostname = node.parent.hostname;
  if (node.isLast) {
    // Offered anyway, so the reason is said rather than a menu item silently missing; nothing is sent.
    throw new UserError(
      `The ${node.keyType ?? ''} certificate is the only one in the pack of ${hostname.hostname}, and Cloudflare keeps at least one certificate in a pack. Nothing was deleted; replace it instead.`,
    );
  }
  const zone = zoneOf(node)!;
  const action = 'Delete';
  const answer = await services.prompts.confirm(
    `Delete the ${node.keyType} certificate of ${hostname.hostname}?`,
    `Serial ${node.certificate.serial_number ?? 'unknown'}, ID ${node.certificate.id}. The pack keeps its other certificate. This cannot be undone.`,
    action,
  );
  if (answer !== action) {
    return;
  }
  const target = { zoneId: zone.id, hostnameId: hostname.id, packId: node.parent.packId, certificateId: node.certificate.id };
  await withOperationProgress(services.prompts, `Deleting the ${node.keyType} certificate of ${hostname.hostname}`, (options) =>
    services.operations.deletePackCertificate(target, options),
  );
  void services.prompts.info(`Deleted the ${node.keyType} certificate of ${hostname.hostname}.`);
}
