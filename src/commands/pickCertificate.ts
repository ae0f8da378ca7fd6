import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';

/** A certificate node a palette command can act on. */
export type CertificateNode = AopCertificateNode | PackCertificateNode;

export function isCertificateNode(node: TreeNode | undefined): node is CertificateNode {
  return node instanceof AopCertificateNode || node instanceof PackCertificateNode;
}

/**
 * From the palette: the client certificates the view has loaded, to choose one. A command run from the
 * palette asks rather than act on the tree's selection unseen (the selection may be a row chosen long
 * before); the selected certificate is offered first, so Enter takes it.
 */
export async function pickCertificate(
  services: Pick<ExtensionServices, 'prompts' | 'tree' | 'treeView'>,
  title: string,
): Promise<CertificateNode | undefined> {
  const candidates: CertificateNode[] = [];
  for (const zone of await services.tree.shownZones()) {
    const [aopGroup] = await services.tree.getChildren(zone);
    if (aopGroup) {
      candidates.push(
        ...(await services.tree.getChildren(aopGroup)).filter((node): node is AopCertificateNode => node instanceof AopCertificateNode),
      );
    }
  }
  const selected = services.treeView.selection.find(isCertificateNode);
  const ordered = selected ? [selected, ...candidates.filter((node) => node.id !== selected.id)] : candidates;
  const picked = await services.prompts.quickPick(
    ordered.map((node) => {
      const expires = node.expiresOn();
      return {
        label: node instanceof AopCertificateNode ? node.label : `${node.keyType ?? 'Certificate'} · ${node.parent.hostname.hostname}`,
        description: [zoneOf(node)?.name, node === selected ? vscode.l10n.t('selected in the view') : undefined]
          .filter(Boolean)
          .join(' · '),
        detail: expires ? `expires ${expires.toISOString().slice(0, 10)}` : undefined,
        node,
      };
    }),
    { title, placeHolder: vscode.l10n.t('Choose the certificate'), matchOnDescription: true },
  );
  return picked?.node;
}
