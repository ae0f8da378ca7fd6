import type { ExtensionServices } from '../extensionServices';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { AssociationNode } from '../tree/associationNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { UserError } from './userError';

const HOSTNAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

/** "Enable for Hostname…": on a certificate, asks which hostname; on a disabled association, re-enables it. */
export async function enableForHostname(services: ExtensionServices, node: TreeNode | undefined): Promise<void> {
  const target = node ?? services.treeView.selection[0];
  if (target instanceof AssociationNode) {
    return setAssociation(services, target.parent, target.association.hostname, true);
  }
  if (!(target instanceof AopCertificateNode)) {
    throw new UserError('Choose a client certificate in the Cloudflare Certificates view.');
  }
  if (target.certificate.status !== 'active') {
    throw new UserError(`"${target.label}" is ${target.certificate.status?.replace(/_/g, ' ') ?? 'not active'}; hostnames can use it once it is active.`);
  }
  const hostname = await services.prompts.inputBox({
    title: `Use "${target.label}" for Authenticated Origin Pulls on a hostname`,
    prompt: 'The hostname (in this zone) whose origin pulls should present this certificate.',
    value: target.label.startsWith('*.') ? '' : target.label,
    ignoreFocusOut: true,
    validateInput: (value) => (HOSTNAME.test(value.trim()) ? undefined : 'Enter a hostname such as api.example.com.'),
  });
  if (!hostname) {
    return;
  }
  await setAssociation(services, target, hostname.trim().toLowerCase(), true);
}

/** "Disable for Hostname": keeps the association but turns Authenticated Origin Pulls off for it. */
export async function disableForHostname(services: ExtensionServices, node: TreeNode | undefined): Promise<void> {
  const target = node ?? services.treeView.selection[0];
  if (!(target instanceof AssociationNode)) {
    throw new UserError('Choose a hostname under a client certificate in the Cloudflare Certificates view.');
  }
  await setAssociation(services, target.parent, target.association.hostname, false);
}

async function setAssociation(services: ExtensionServices, certificate: AopCertificateNode, hostname: string, enabled: boolean): Promise<void> {
  const zone = zoneOf(certificate)!;
  const words = enabled ? 'Enabling…' : 'Disabling…';
  await services.activity.run(certificate.id, words, async () => {
    const client = await services.clients.client();
    const [result] = await client.updateHostnameAssociations(zone.id, [{ hostname, cert_id: certificate.certificate.id, enabled }]);
    services.data.invalidate(zone.id, 'aop');
    services.tree.refresh(services.tree.find(certificate.parent.id));
    const state = result?.enabled ? 'enabled' : 'disabled';
    services.log.info(`Authenticated Origin Pulls ${state} for ${hostname} with certificate ${certificate.certificate.id}.`);
    void services.prompts.info(`Authenticated Origin Pulls with "${certificate.label}" is ${state} for ${hostname}${result?.status ? ` (${result.status.replace(/_/g, ' ')})` : ''}.`);
  });
}
