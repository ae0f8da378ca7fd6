import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { AopGroupNode } from '../tree/aopGroupNode';
import { AssociationNode } from '../tree/associationNode';
import { CertificatePackNode } from '../tree/certificatePackNode';
import { CustomHostnameNode } from '../tree/customHostnameNode';
import { CustomHostnamesGroupNode } from '../tree/customHostnamesGroupNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { ZoneNode } from '../tree/zoneNode';

export type PickServices = Pick<ExtensionServices, 'prompts' | 'tree' | 'treeView'>;

/** What a command needs to ask for any row from the palette, including a search of the custom hostnames. */
export type PaletteServices = PickServices & Pick<ExtensionServices, 'clients' | 'data'>;

/** A row of a pick that is no node but leads to one through further questions (say, a search). */
export interface FurtherChoice<T> {
  readonly label: string;
  readonly description?: string;
  readonly choose: () => Promise<T | undefined>;
}

export interface NodePick<T extends TreeNode> {
  readonly title: string;
  readonly placeHolder: string;
  /** What the view's selection offers this action, if anything (a hostname row offers its certificate, say). */
  readonly fromSelection: (node: TreeNode) => T | undefined;
  /** Said, with no pick shown, when nothing could be chosen. */
  readonly none: string;
  readonly further?: readonly FurtherChoice<T>[];
}

/**
 * The palette's fallback for a row action: the rows it applies to in one quick pick, the row selected
 * in the view first when the action applies to it (so Enter takes it), never acted on unseen.
 * Undefined when the person cancels, which says nothing.
 */
export async function pickNode<T extends TreeNode>(
  services: PickServices,
  candidates: readonly T[],
  pick: NodePick<T>,
): Promise<T | undefined> {
  const selected = services.treeView.selection.map(pick.fromSelection).find((node): node is T => node !== undefined);
  const ordered = selected ? [selected, ...candidates.filter((node) => node.id !== selected.id)] : [...candidates];
  const further = pick.further ?? [];
  if (ordered.length === 0 && further.length === 0) {
    void services.prompts.info(pick.none);
    return undefined;
  }
  type Item = vscode.QuickPickItem & { readonly node?: T; readonly further?: FurtherChoice<T> };
  const items: Item[] = [
    ...ordered.map((node) => ({ ...describeNode(node, node === selected), node })),
    ...further.map((choice) => ({ label: choice.label, description: choice.description, further: choice })),
  ];
  const picked = await services.prompts.quickPick(items, {
    title: pick.title,
    placeHolder: pick.placeHolder,
    matchOnDescription: true,
  });
  return picked?.further ? picked.further.choose() : picked?.node;
}

/** The client certificates of every zone the view shows (loading what has not loaded yet). */
export async function clientCertificates(services: Pick<ExtensionServices, 'tree'>): Promise<AopCertificateNode[]> {
  const zones = await services.tree.shownZones();
  const groups = await Promise.all(zones.map(async (zone) => (await services.tree.getChildren(zone))[0]));
  const children = await Promise.all(groups.map((group) => (group ? services.tree.getChildren(group) : [])));
  return children.flat().filter((node): node is AopCertificateNode => node instanceof AopCertificateNode);
}

/** A client certificate the action applies to: the selected one (or the one above a selected hostname) first. */
export async function pickClientCertificate(
  services: PickServices,
  pick: Omit<NodePick<AopCertificateNode>, 'fromSelection'>,
  fits: (node: AopCertificateNode) => boolean = () => true,
): Promise<AopCertificateNode | undefined> {
  const candidates = (await clientCertificates(services)).filter(fits);
  return pickNode(services, candidates, {
    ...pick,
    fromSelection: (node) => {
      const certificate = node instanceof AssociationNode ? node.parent : node;
      return certificate instanceof AopCertificateNode && fits(certificate) ? certificate : undefined;
    },
  });
}

/** For the hostname actions: the certificate, then the hostname, each limited to those the action applies to. */
export async function pickAssociation(
  services: PickServices,
  text: { title: string; none: string },
  fits: (node: AssociationNode) => boolean,
): Promise<AssociationNode | undefined> {
  const hostnamesOf = async (certificate: AopCertificateNode) =>
    (await services.tree.getChildren(certificate)).filter((node): node is AssociationNode => node instanceof AssociationNode && fits(node));
  const withHostnames = new Set<string>();
  for (const certificate of await clientCertificates(services)) {
    if ((await hostnamesOf(certificate)).length > 0) {
      withHostnames.add(certificate.id);
    }
  }
  const certificate = await pickClientCertificate(
    services,
    { title: text.title, placeHolder: vscode.l10n.t('Choose the client certificate'), none: text.none },
    (node) => withHostnames.has(node.id),
  );
  if (!certificate) {
    return undefined;
  }
  return pickNode(services, await hostnamesOf(certificate), {
    title: text.title,
    placeHolder: vscode.l10n.t('Choose the hostname that uses "{0}"', certificate.label),
    none: text.none,
    fromSelection: (node) => (node instanceof AssociationNode && node.parent.id === certificate.id && fits(node) ? node : undefined),
  });
}

/** A quick-pick row for a node: what it is called, where it lives, and whether it is the row selected in the view. */
export function describeNode(node: TreeNode, selected = false): vscode.QuickPickItem {
  const zone = zoneOf(node)?.name;
  const where = (...parts: (string | undefined)[]) =>
    [...parts, selected ? vscode.l10n.t('selected in the view') : undefined].filter(Boolean).join(' · ') || undefined;
  if (node instanceof ZoneNode) {
    return { label: node.zone.name, description: where(vscode.l10n.t('zone')) };
  }
  if (node instanceof AopGroupNode) {
    return { label: vscode.l10n.t('Client Certificates (AOP)'), description: where(zone) };
  }
  if (node instanceof CustomHostnamesGroupNode) {
    return { label: vscode.l10n.t('Custom Hostnames'), description: where(zone) };
  }
  if (node instanceof CustomHostnameNode) {
    return { label: node.hostname.hostname, description: where(vscode.l10n.t('custom hostname'), zone) };
  }
  if (node instanceof CertificatePackNode) {
    return { label: vscode.l10n.t('Certificate pack of {0}', node.hostname.hostname), description: where(zone) };
  }
  if (node instanceof AssociationNode) {
    const state = node.enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled');
    return { label: node.association.hostname, description: where(state, node.parent.label) };
  }
  const expires = node.expiresOn?.();
  const detail = expires ? vscode.l10n.t('expires {0}', expires.toISOString().slice(0, 10)) : undefined;
  if (node instanceof AopCertificateNode) {
    return { label: node.label, description: where(vscode.l10n.t('client certificate'), zone), detail };
  }
  if (node instanceof PackCertificateNode) {
    const label = vscode.l10n.t('{0} certificate of {1}', node.keyType ?? vscode.l10n.t('Certificate'), node.parent.hostname.hostname);
    return { label, description: where(zone), detail };
  }
  return { label: node.id, description: where() };
}
