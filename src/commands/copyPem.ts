import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { TreeNode } from '../tree/treeNode';
import { nodePem } from './certificatePem';

/** "Copy PEM": the certificate Cloudflare holds, as PEM, on the clipboard; or why there is none. */
export async function copyPem(services: Pick<ExtensionServices, 'prompts'>, node: TreeNode | undefined): Promise<void> {
  const found = await nodePem(node);
  if (found.pem === undefined) {
    void services.prompts.info(found.reason);
    return;
  }
  await vscode.env.clipboard.writeText(found.pem);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the PEM of {0}', found.name), 3000);
}
