import * as vscode from 'vscode';
import { pickCertificate } from './pickCertificate';
import type { PaletteServices } from './pickTreeNode';
import type { TreeNode } from '../tree/treeNode';
import { nodePem } from './certificatePem';

/** "Copy PEM": the certificate Cloudflare holds, as PEM, on the clipboard; or why there is none. */
export async function copyPem(services: PaletteServices, node: TreeNode | undefined): Promise<void> {
  const target = node ?? (await pickCertificate(services, vscode.l10n.t('Copy the PEM of which certificate?')));
  if (!target) {
    return;
  }
  const found = await nodePem(target);
  if (found.pem === undefined) {
    void services.prompts.info(found.reason);
    return;
  }
  await vscode.env.clipboard.writeText(found.pem);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the PEM of {0}', found.name), 3000);
}
