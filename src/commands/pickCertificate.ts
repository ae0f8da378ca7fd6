import * as vscode from 'vscode';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { searchForPack } from './pickPackCertificate';
import { clientCertificates, pickNode, type PaletteServices } from './pickTreeNode';

/** A certificate node a palette command can act on. */
export type CertificateNode = AopCertificateNode | PackCertificateNode;

export function isCertificateNode(node: TreeNode | undefined): node is CertificateNode {
  return node instanceof AopCertificateNode || node instanceof PackCertificateNode;
}

/**
 * From the palette: the client certificates the view has loaded, to choose one, and a search for a
 * custom hostname's certificate. A command run from the palette asks rather than act on the tree's
 * selection unseen (the selection may be a row chosen long before); the selected certificate is
 * offered first, so Enter takes it.
 */
export async function pickCertificate(services: PaletteServices, title: string): Promise<CertificateNode | undefined> {
  return pickNode<CertificateNode>(services, await clientCertificates(services), {
    title,
    placeHolder: vscode.l10n.t('Choose the certificate'),
    none: '',
    fromSelection: (node) => (isCertificateNode(node) ? node : undefined),
    further: [searchForPack(services, title)],
  });
}
