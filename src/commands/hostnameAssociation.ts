import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { disableForHostname as disableForHostnameText, stopUsingForHostname } from '../format/confirmationText';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { AssociationNode } from '../tree/associationNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { withOperationProgress } from './operationProgress';
import { pickAssociation, pickClientCertificate, type PickServices } from './pickTreeNode';
import { UserError } from './userError';
import { checkRoomForHostname } from '../model/replacementRules';

type AssociationServices = PickServices & Pick<ExtensionServices, 'operations'>;

/** Said when the palette finds no hostname to act on. */
const NO_HOSTNAMES = () => vscode.l10n.t('No hostname uses a client certificate for Authenticated Origin Pulls.');

const HOSTNAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

/** "Enable for Hostname…": on a certificate, asks which hostname; on a disabled association, re-enables it. */
export async function enableForHostname(services: AssociationServices, node: TreeNode | undefined): Promise<void> {
  const target =
    node ??
    (await pickAssociation(
      services,
      {
        title: vscode.l10n.t('Enable Authenticated Origin Pulls for which hostname?'),
        none: vscode.l10n.t('No hostname has Authenticated Origin Pulls disabled with a client certificate.'),
      },
      (row) => !row.enabled,
    ));
  if (!target) {
    return;
  }
  if (target instanceof AssociationNode) {
    return setAssociation(services, target.parent, target.association.hostname, true);
  }
  if (!(target instanceof AopCertificateNode)) {
    throw new UserError(vscode.l10n.t('Choose a client certificate in the Cloudflare Certificates view.'));
  }
  if (target.certificate.status !== 'active') {
    throw new UserError(
      vscode.l10n.t(
        '"{0}" is {1}; hostnames can use it once it is active.',
        target.label,
        target.certificate.status?.replace(/_/g, ' ') ?? vscode.l10n.t('not active'),
      ),
    );
  }
  const hostname = await services.prompts.inputBox({
    title: vscode.l10n.t('Use "{0}" for Authenticated Origin Pulls on a hostname', target.label),
    prompt: vscode.l10n.t('The hostname (in this zone) whose origin pulls should present this certificate.'),
    value: target.label.startsWith('*.') ? '' : target.label,
    ignoreFocusOut: true,
    validateInput: (value) => (HOSTNAME.test(value.trim()) ? undefined : vscode.l10n.t('Enter a hostname such as api.example.com.')),
  });
  if (!hostname) {
    return;
  }
  await setAssociation(services, target, hostname.trim().toLowerCase(), true);
}

/** The hostname row a command was run on; anything else is said in words. */
function hostnameNode(node: TreeNode): AssociationNode {
  const target = node;
  if (!(target instanceof AssociationNode)) {
    throw new UserError(vscode.l10n.t('Choose a hostname under a client certificate in the Cloudflare Certificates view.'));
  }
  return target;
}

/** "Use for Hostname…": point one more hostname at a certificate (validated, and within Cloudflare's limit). */
export async function addHostname(services: AssociationServices, node: TreeNode | undefined): Promise<void> {
  const target =
    node ??
    (await pickClientCertificate(services, {
      title: vscode.l10n.t('Add a hostname to which client certificate?'),
      placeHolder: vscode.l10n.t('Choose the client certificate'),
      none: vscode.l10n.t('No zone holds a client certificate yet.'),
    }));
  if (!target) {
    return;
  }
  // Checked before asking, so nothing is typed or sent in vain.
  const full = target instanceof AopCertificateNode ? checkRoomForHostname(target.label, target.associations.length) : undefined;
  if (full) {
    throw new UserError(full.message);
  }
  await enableForHostname(services, target instanceof AssociationNode ? target.parent : target);
}

/** "Stop Using for Hostname…": invalidate the association (after a modal that says what stops). */
export async function removeHostname(services: AssociationServices, node: TreeNode | undefined): Promise<void> {
  const row =
    node ??
    (await pickAssociation(
      services,
      { title: vscode.l10n.t('Stop using a client certificate for which hostname?'), none: NO_HOSTNAMES() },
      () => true,
    ));
  if (!row) {
    return;
  }
  const target = hostnameNode(row);
  const hostname = target.association.hostname;
  const action = vscode.l10n.t('Stop Using');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Stop using "{0}" for {1}?', target.parent.label, hostname),
    stopUsingForHostname(hostname, target.parent.label),
    action,
  );
  if (answer !== action) {
    return;
  }
  const zone = zoneOf(target)!;
  const change = { zoneId: zone.id, certificateId: target.parent.certificate.id, hostname, enabled: null };
  await withOperationProgress(services.prompts, vscode.l10n.t('Removing {0} from "{1}"', hostname, target.parent.label), (options) =>
    services.operations.setAssociation(change, options),
  );
  void services.prompts.info(vscode.l10n.t('{0} no longer uses "{1}".', hostname, target.parent.label));
}

/** "Disable for Hostname": keeps the association but turns Authenticated Origin Pulls off for it, after a modal. */
export async function disableForHostname(services: AssociationServices, node: TreeNode | undefined): Promise<void> {
  const row =
    node ??
    (await pickAssociation(
      services,
      { title: vscode.l10n.t('Disable Authenticated Origin Pulls for which hostname?'), none: NO_HOSTNAMES() },
      (candidate) => candidate.enabled,
    ));
  if (!row) {
    return;
  }
  const target = hostnameNode(row);
  const hostname = target.association.hostname;
  const action = vscode.l10n.t('Disable');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Disable Authenticated Origin Pulls with "{0}" for {1}?', target.parent.label, hostname),
    disableForHostnameText(hostname),
    action,
  );
  if (answer !== action) {
    return;
  }
  await setAssociation(services, target.parent, hostname, false);
}

async function setAssociation(
  services: AssociationServices,
  certificate: AopCertificateNode,
  hostname: string,
  enabled: boolean,
): Promise<void> {
  const zone = zoneOf(certificate)!;
  const change = { zoneId: zone.id, certificateId: certificate.certificate.id, hostname, enabled };
  const title = enabled
    ? vscode.l10n.t('Enabling Authenticated Origin Pulls for {0}', hostname)
    : vscode.l10n.t('Disabling Authenticated Origin Pulls for {0}', hostname);
  const { association, settled } = await withOperationProgress(services.prompts, title, (options) =>
    services.operations.setAssociation(change, options),
  );
  const state = association?.enabled ? 'enabled' : 'disabled';
  const status = association?.status ? ` (${association.status.replace(/_/g, ' ')})` : '';
  void (settled
    ? services.prompts.info(
        vscode.l10n.t('Authenticated Origin Pulls with "{0}" is {1} for {2}{3}.', certificate.label, state, hostname, status),
      )
    : services.prompts.warning(vscode.l10n.t('Cloudflare is still deploying the change for {0}{1}.', hostname, status)));
}
