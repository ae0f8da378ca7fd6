import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { runCommand } from './commands/runCommand';
import type { RotationTarget } from './commands/rotateOnCloudflare';
import type { CertificateDetailsDocuments } from './editor/certificateDetailsDocuments';
import type { ExtensionServices } from './extensionServices';
import type { Pageable } from './tree/loadMoreNode';
import type { TreeNode } from './tree/treeNode';
import type { WorkspaceNode } from './workspace/workspaceTreeProvider';

/**
 * Registers every command of the Certificates view, the palette and the editor. Each command's code
 * is imported on its first run: in the bundle esbuild wraps those modules in lazy initialisers, so
 * activation registers the ids (VS Code may run one right after the activation it caused) without
 * running, or compiling, what the commands do.
 */
export function registerCommands(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
  documents: CertificateDetailsDocuments,
): void {
  const { tree } = services;
  const commands: Record<string, (...args: never[]) => unknown> = {
    [CommandId.setToken]: async () => (await import('./commands/setToken.js')).setToken(services),
    [CommandId.clearToken]: async () => (await import('./commands/clearToken.js')).clearToken(services),
    // The title-bar Refresh always reloads everything: VS Code hands it the selection, which must not narrow it.
    [CommandId.refresh]: () => tree.reloadAll(),
    [CommandId.refreshNode]: async (node?: TreeNode) => (await import('./commands/refreshPart.js')).refreshPart(services, node),
    [CommandId.showDetails]: async (node?: TreeNode) => (await import('./commands/showDetails.js')).showDetails(services, documents, node),
    [CommandId.copyId]: async (node?: TreeNode) => (await import('./commands/copyId.js')).copyId(services, node),
    [CommandId.copyPem]: async (node?: TreeNode) => (await import('./commands/copyPem.js')).copyPem(services, node),
    [CommandId.saveCertificateAs]: async (node?: TreeNode) =>
      (await import('./commands/saveCertificateAs.js')).saveCertificateAs(services, node),
    [CommandId.openInDashboard]: async (node?: TreeNode) => (await import('./commands/openInDashboard.js')).openInDashboard(services, node),
    [CommandId.uploadFromEditor]: async (target?: vscode.Uri | TreeNode, offset?: number) =>
      (await import('./commands/uploadCertificate.js')).uploadFromEditor(services, target, offset),
    [CommandId.uploadFromFile]: async (target?: vscode.Uri | TreeNode) =>
      (await import('./commands/uploadCertificate.js')).uploadFromFile(services, target),
    [CommandId.replacePackCertificate]: async (node?: TreeNode) =>
      (await import('./commands/replacePackCertificate.js')).replacePackCertificate(services, node),
    [CommandId.deleteCertificate]: async (node?: TreeNode) =>
      (await import('./commands/deleteCertificate.js')).deleteCertificate(services, node),
    [CommandId.enableForHostname]: async (node?: TreeNode) =>
      (await import('./commands/hostnameAssociation.js')).enableForHostname(services, node),
    [CommandId.disableForHostname]: async (node?: TreeNode) =>
      (await import('./commands/hostnameAssociation.js')).disableForHostname(services, node),
    [CommandId.addHostname]: async (node?: TreeNode) => (await import('./commands/hostnameAssociation.js')).addHostname(services, node),
    [CommandId.removeHostname]: async (node?: TreeNode) => (await import('./commands/hostnameAssociation.js')).removeHostname(services, node),
    [CommandId.rotateCertificate]: async (node?: TreeNode) =>
      (await import('./commands/rotateCertificate.js')).rotateCertificate(services, node),
    [CommandId.rotateOnCloudflare]: async (from?: vscode.Uri | WorkspaceNode, offset?: number, target?: RotationTarget) =>
      (await import('./commands/rotateOnCloudflare.js')).rotateOnCloudflare(services, from, offset, target),
    [CommandId.finishRotation]: async (node?: TreeNode) => (await import('./commands/rotationSteps.js')).finishRotation(services, node),
    [CommandId.undoRotation]: async (node?: TreeNode) => (await import('./commands/rotationSteps.js')).undoRotation(services, node),
    [CommandId.enableZoneAop]: async (node?: TreeNode) => (await import('./commands/zoneAop.js')).enableZoneAop(services, node),
    [CommandId.disableZoneAop]: async (node?: TreeNode) => (await import('./commands/zoneAop.js')).disableZoneAop(services, node),
    [CommandId.showExpiring]: async () => (await import('./commands/showExpiring.js')).showExpiring(services),
    [CommandId.revealCertificate]: async (nodeId: string) => (await import('./tree/revealNode.js')).revealNode(services, nodeId),
    [CommandId.findCustomHostname]: async (node?: TreeNode) =>
      (await import('./commands/findCustomHostname.js')).findCustomHostname(services, node),
    [CommandId.findZone]: async () => (await import('./commands/findZone.js')).findZone(services),
    [CommandId.filterCustomHostnames]: async (node?: TreeNode) =>
      (await import('./commands/filterCustomHostnames.js')).filterCustomHostnames(services, node),
    [CommandId.clearCustomHostnameFilter]: async (node?: TreeNode) =>
      (await import('./commands/filterCustomHostnames.js')).clearCustomHostnameFilter(services, node),
    [CommandId.retryNode]: (node?: TreeNode) => (node ? tree.reload(node) : tree.reloadAll()),
    [CommandId.loadMore]: (node: Pageable) => {
      node.showMore();
      tree.rerender(node);
    },
    [CommandId.compareWorkspace]: async () =>
      (await import('./workspace/workspaceCommands.js')).compareWorkspace(services.workspace.scanner, services.account),
    [CommandId.revealInWorkspace]: async (node?: TreeNode) =>
      (await import('./workspace/workspaceCommands.js')).revealInWorkspaceCommand(services, node),
    [CommandId.refreshWorkspace]: () => services.workspace.scanner.rescan(),
  };
  for (const [id, handler] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(services, id, handler)));
  }
}
