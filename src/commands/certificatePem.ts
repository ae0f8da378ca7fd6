import * as vscode from 'vscode';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';

/**
 * The PEM of a certificate node for "Copy PEM" and "Save Certificate As…", or the sentence that says
 * why there is none: Cloudflare returns the PEM of a client certificate, but lists a pack's
 * certificates without theirs (only the hostname's uploaded custom certificate comes back).
 */
export type NodePem = { readonly pem: string; readonly name: string } | { readonly pem?: undefined; readonly reason: string };

export function nodePem(node: TreeNode | undefined): NodePem {
  const details = node?.details?.();
  if (!node || !details) {
    return { reason: vscode.l10n.t('Choose a client certificate or a pack certificate in the Cloudflare Certificates view.') };
  }
  if (node.pem) {
    return { pem: node.pem.endsWith('\n') ? node.pem : `${node.pem}\n`, name: details.title };
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
