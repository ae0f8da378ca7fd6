import type { CertificateDetailsDocuments } from '../editor/certificateDetailsDocuments';
import type { ExtensionServices } from '../extensionServices';
import { certificateText } from '../format/certificateText';
import type { TreeNode } from '../tree/treeNode';

/** Opens a read-only document with the decoded certificate of a tree node (or the selected node). */
export async function showDetails(
  services: Pick<ExtensionServices, 'prompts' | 'treeView'>,
  documents: CertificateDetailsDocuments,
  node: TreeNode | undefined,
): Promise<void> {
  const target = node ?? services.treeView.selection[0];
  const details = target?.details?.();
  if (!target || !details) {
    void services.prompts.info('Choose a certificate in the Cloudflare Certificates view to see its details.');
    return;
  }
  // A pack certificate's PEM is fetched now (one request); without it the details still show what was listed.
  const pem = target.pem ?? (await target.fetchPem?.().catch(() => undefined));
  await documents.open(details.title, target.id, certificateText(details, new Date(), pem));
}
