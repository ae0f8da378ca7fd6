import * as vscode from 'vscode';
import { pickCertificate } from './pickCertificate';
import type { PaletteServices } from './pickTreeNode';
import type { TreeNode } from '../tree/treeNode';
import { nodePem } from './certificatePem';

/**
 * "Save Certificate As…": writes the certificate Cloudflare holds to a .pem file the person chooses
 * (the certificate only: Cloudflare never returns a private key). Where the API returns no PEM, says
 * so rather than writing an empty file.
 */
export async function saveCertificateAs(services: PaletteServices, node: TreeNode | undefined): Promise<void> {
  const certificate = node ?? (await pickCertificate(services, vscode.l10n.t('Save which certificate?')));
  if (!certificate) {
    return;
  }
  const found = await nodePem(certificate);
  if (found.pem === undefined) {
    void services.prompts.info(found.reason);
    return;
  }
  const fileName = `${found.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'certificate'}.pem`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await services.prompts.saveDialog({
    title: vscode.l10n.t('Save the certificate {0}', found.name),
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { 'PEM certificates': ['pem', 'crt'] },
    saveLabel: vscode.l10n.t('Save Certificate'),
  });
  if (!target) {
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(found.pem));
  void services.prompts.info(vscode.l10n.t('Saved {0} to {1}.', found.name, target.path.split('/').pop() ?? ''));
}
