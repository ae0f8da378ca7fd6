import * as vscode from 'vscode';
import { NotFoundError } from '../cloudflare/errors';
import type { ExtensionServices } from '../extensionServices';
import { pollUntilSettled } from '../model/pollUntilSettled';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { settleHostname } from './replacePackCertificate';
import { abortSignalFor } from './runCommand';
import { UserError } from './userError';

/** Deletes a client certificate (after invalidating the hostnames that use it) or a pack certificate. */
export async function deleteCertificate(services: ExtensionServices, node: TreeNode | undefined): Promise<void> {
  const target = node ?? services.treeView.selection[0];
  if (target instanceof AopCertificateNode) {
    return deleteClientCertificate(services, target);
  }
  if (target instanceof PackCertificateNode) {
    return deletePackCertificate(services, target);
  }
  throw new UserError('Choose a certificate in the Cloudflare Certificates view to delete it.');
}

async function deleteClientCertificate(services: ExtensionServices, node: AopCertificateNode): Promise<void> {
  const zone = zoneOf(node)!;
  const client = await services.clients.client();
  // Fresh from Cloudflare: the tree may be older than the hostnames that use the certificate now.
  const users = (await client.listHostnameAssociations(zone.id)).filter((association) => association.cert_id === node.certificate.id);
  const listed = users.slice(0, 5).map((association) => association.hostname).join(', ') + (users.length > 5 ? `, and ${users.length - 5} more` : '');
  const action = users.length > 0 ? 'Invalidate and Delete' : 'Delete';
  const answer = await services.prompts.confirm(
    `Delete the client certificate "${node.label}" from ${zone.name}?`,
    users.length > 0
      ? `${users.length} hostname${users.length === 1 ? ' uses' : 's use'} it (${listed}). Cloudflare requires those associations to be invalidated first, which stops Authenticated Origin Pulls with this certificate for them. Then the certificate is deleted. This cannot be undone.`
      : `Serial ${node.certificate.serial_number ?? 'unknown'}, ID ${node.certificate.id}. This cannot be undone.`,
    action,
  );
  if (answer !== action) {
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deleting "${node.label}" from ${zone.name}`, cancellable: true },
    (progress, cancellation) =>
      services.activity.run(node.id, 'Deleting…', async () => {
        const signal = abortSignalFor(cancellation);
        if (users.length > 0) {
          progress.report({ message: `invalidating ${users.length} hostname association(s)…` });
          await client.updateHostnameAssociations(zone.id, users.map((association) => ({ hostname: association.hostname, cert_id: node.certificate.id, enabled: null })), signal);
        }
        await client.deleteHostnameCertificate(zone.id, node.certificate.id, signal);
        progress.report({ message: 'waiting for Cloudflare to remove it…' });
        const outcome = await pollUntilSettled(
          () => client.getHostnameCertificate(zone.id, node.certificate.id, signal).then((certificate) => certificate.status, (error: unknown) => {
            if (error instanceof NotFoundError) {
              return 'gone';
            }
            throw error;
          }),
          (status) => status === 'gone' || status === 'deleted',
          { signal, ...services.pollTiming },
        );
        services.data.invalidate(zone.id, 'aop');
        services.tree.refresh(services.tree.find(node.parent.id));
        services.log.info(`Deleted client certificate ${node.certificate.id} from ${zone.name} (${outcome.value}).`);
        void (outcome.settled ? services.prompts.info(`Deleted "${node.label}" from ${zone.name}.`) : services.prompts.warning(`Cloudflare is still deleting "${node.label}" (pending deletion).`));
      }),
  );
}

async function deletePackCertificate(services: ExtensionServices, node: PackCertificateNode): Promise<void> {
  const hostname = node.parent.hostname;
  if (node.isLast) {
    throw new UserError(`The ${node.keyType ?? ''} certificate is the only one in the pack of ${hostname.hostname}; Cloudflare keeps at least one. Replace it instead.`);
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
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deleting the ${node.keyType} certificate of ${hostname.hostname}`, cancellable: true },
    (_progress, cancellation) =>
      services.activity.run(node.id, 'Deleting…', async () => {
        const signal = abortSignalFor(cancellation);
        const client = await services.clients.client();
        await client.deletePackCertificate(zone.id, hostname.id, node.parent.packId, node.certificate.id, signal);
        await settleHostname(services, zone.id, hostname.id, signal);
        services.log.info(`Deleted pack certificate ${node.certificate.id} of ${hostname.hostname}.`);
        void services.prompts.info(`Deleted the ${node.keyType} certificate of ${hostname.hostname}.`);
      }),
  );
}
