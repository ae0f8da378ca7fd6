import * as vscode from 'vscode';
import type { CertificateDetailsDocuments } from '../editor/certificateDetailsDocuments';
import { certificateText } from '../format/certificateText';
import type { TreeNode } from '../tree/treeNode';
import { pickCertificate } from './pickCertificate';
import type { PaletteServices } from './pickTreeNode';

/** Opens a read-only document with the decoded certificate of a tree node, or of one chosen from the palette. */
export async function showDetails(
  services: PaletteServices,
  documents: CertificateDetailsDocuments,
  node: TreeNode | undefined,
): Promise<void> {
  const target: TreeNode | undefined = node ?? (await pickCertificate(services, vscode.l10n.t('Show the details of which certificate?')));
  const details = target?.details?.();
  if (!target || !details) {
    return;
  }
  // A pack certificate's PEM is fetched now (one request); without it the details still show what was listed.
  const pem = target.pem ?? (await target.fetchPem?.().catch(() => undefined));
  await documents.open(details.title, target.id, certificateText(details, new Date(), pem));
}
