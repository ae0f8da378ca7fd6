import * as vscode from 'vscode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';

/**
 * The PEM of a certificate node for "Copy PEM" and "Save Certificate As…", or the sentence that says
 * why there is none: Cloudflare returns the PEM of a client certificate, but lists a pack's
 * certificates without theirs (only the hostname's uploaded custom certificate comes back, and that is
 * fetched here, when asked for: the loaded records do not keep it).
 */
export type NodePem = { readonly pem: string; readonly name: string } | { readonly pem?: undefined; readonly reason: string };

export async function nodePem(node: TreeNode | undefined): Promise<NodePem> {
  const details = node?.details?.();
  if (!node || !details) {
    return { reason: vscode.l10n.t('Choose a client certificate or a pack certificate in the Cloudflare Certificates view.') };
  }
  const pem = node.pem ?? (await node.fetchPem?.());
  if (pem) {
    return { pem: pem.endsWith('\n') ? pem : `${pem}\n`, name: details.title };
  }
  return {
    reason:
      node instanceof PackCertificateNode
        ? vscode.l10n.t(
            'Cloudflare\'s API does not return the PEM of the {0}: it lists a pack\'s certificates by serial number, issuer and expiry only. "Show Certificate Details" shows what it returns.',
            details.title,
          )
        : vscode.l10n.t('Cloudflare returned no PEM for "{0}".', details.title),
  };
}
