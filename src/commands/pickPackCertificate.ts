import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { NodeIds } from '../model/nodeIds';
import { CertificatePackNode } from '../tree/certificatePackNode';
import { CustomHostnameNode } from '../tree/customHostnameNode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import { findNode } from '../tree/revealNode';
import type { TreeNode } from '../tree/treeNode';
import { pinHostname, searchCustomHostname } from './findCustomHostname';
import { pickNode, type FurtherChoice, type PaletteServices } from './pickTreeNode';

/**
 * A certificate in a custom hostname's pack, from the palette: the pack is found by its hostname
 * (searched on Cloudflare, as Find Custom Hostname does: a zone may hold 100,000), then RSA or ECDSA
 * when it holds both. A selected row inside a pack offers that pack's certificates first.
 */
export async function pickPackCertificate(services: PaletteServices, title: string): Promise<PackCertificateNode | undefined> {
  const selectedPack = await packCertificatesOf(services, services.treeView.selection[0]);
  if (selectedPack.length > 0) {
    return pickNode(services, selectedPack, {
      title,
      placeHolder: vscode.l10n.t('Choose the certificate'),
      none: '',
      fromSelection: (node) => (node instanceof PackCertificateNode ? node : undefined),
      further: [searchForPack(services, title)],
    });
  }
  return searchForPack(services, title).choose();
}

/** The row that leads to the hostname search, for picks that also list other certificates. */
export function searchForPack(services: PaletteServices, title: string): FurtherChoice<PackCertificateNode> {
  return {
    label: vscode.l10n.t('$(search) A custom hostname’s certificate…'),
    description: vscode.l10n.t('search the custom hostnames'),
    choose: async () => {
      const match = await searchCustomHostname(services, title);
      if (!match) {
        return undefined;
      }
      await pinHostname(services, match.zone.id, match.hostname);
      const row = await findNode(services, NodeIds.customHostname(match.zone.id, match.hostname.id));
      if (!row) {
        // Only a filter on the zone's list hides a hostname that pinHostname listed.
        void services.prompts.info(
          vscode.l10n.t('{0} is not in the view: clear the filter of its custom hostnames and try again.', match.hostname.hostname),
        );
        return undefined;
      }
      const certificates = await packCertificatesOf(services, row);
      if (certificates.length <= 1) {
        if (certificates.length === 0) {
          void services.prompts.info(vscode.l10n.t('{0} has no certificate in its pack.', match.hostname.hostname));
        }
        return certificates[0];
      }
      return pickNode(services, certificates, {
        title,
        placeHolder: vscode.l10n.t('Choose the certificate of {0}', match.hostname.hostname),
        none: '',
        fromSelection: () => undefined,
      });
    },
  };
}

/** The certificates of the pack a row belongs to (the hostname, its pack, or one of its certificates). */
async function packCertificatesOf(services: Pick<ExtensionServices, 'tree'>, node: TreeNode | undefined): Promise<PackCertificateNode[]> {
  let pack: TreeNode | undefined = node instanceof PackCertificateNode ? node.parent : node;
  if (pack instanceof CustomHostnameNode) {
    pack = (await services.tree.getChildren(pack)).find((child) => child instanceof CertificatePackNode);
  }
  if (!(pack instanceof CertificatePackNode)) {
    return [];
  }
  return (await services.tree.getChildren(pack)).filter((child): child is PackCertificateNode => child instanceof PackCertificateNode);
}
