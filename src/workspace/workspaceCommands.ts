import * as vscode from 'vscode';
import { expiryWindow } from '../config/settings';
import { pickCertificate } from '../commands/pickCertificate';
import type { PaletteServices } from '../commands/pickTreeNode';
import type { ExtensionServices } from '../extensionServices';
import type { AccountModel } from '../model/accountModel';
import type { TreeNode } from '../tree/treeNode';
import { compareReport } from './compareReport';
import type { WorkspaceScanner } from './workspaceScanner';

/** "Compare Workspace with Cloudflare": the read-only report, beside the editor, as rendered Markdown. */
export async function compareWorkspace(scanner: WorkspaceScanner, account: AccountModel): Promise<void> {
  await Promise.all([scanner.scan(), account.settled().then(() => account.whenScanned())]);
  const found = [...scanner.current.certificates.values()].flat();
  const content = compareReport(found, account, new Date(), expiryWindow().warningDays);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}

/** "Reveal in Workspace": on the certificate it was run on, or, from the palette, on one the person picks. */
export async function revealInWorkspaceCommand(
  services: PaletteServices & Pick<ExtensionServices, 'workspace'>,
  node: TreeNode | undefined,
): Promise<void> {
  const target = node ?? (await pickCertificate(services, vscode.l10n.t('Reveal which certificate in the workspace?')));
  if (target) {
    await revealInWorkspace(services.workspace.scanner, target, (message) => void services.prompts.info(message));
  }
}

/** "Reveal in Workspace" on a Cloudflare certificate: opens the workspace file that holds its copy. */
export async function revealInWorkspace(
  scanner: WorkspaceScanner,
  node: TreeNode | undefined,
  say: (message: string) => void,
): Promise<void> {
  const details = node?.details?.();
  const serial = details?.serialNumber?.toLowerCase().replace(/^0+/, '');
  if (!serial) {
    say(vscode.l10n.t('Choose a certificate in the Cloudflare Certificates view to find its copy in the workspace.'));
    return;
  }
  await scanner.scan();
  const entry = [...scanner.current.certificates.values()]
    .flat()
    .find((candidate) => candidate.facts.serialNumber.replace(/^0+/, '') === serial);
  if (!entry) {
    say(
      details?.title
        ? vscode.l10n.t('No copy of "{0}" was found in the workspace (matched by serial number).', details.title)
        : vscode.l10n.t('No copy of this certificate was found in the workspace (matched by serial number).'),
    );
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.parse(entry.uri), { selection: new vscode.Range(entry.line, 0, entry.line, 0) });
}
