import type * as vscode from 'vscode';
import { CommandId, type CommandIdValue } from './commandIds';
import { runCommand } from './commands/runCommand';
import { clearToken } from './commands/clearToken';
import { copyId } from './commands/copyId';
import { copyPem } from './commands/copyPem';
import { deleteCertificate } from './commands/deleteCertificate';
import { clearCustomHostnameFilter, filterCustomHostnames } from './commands/filterCustomHostnames';
import { findCustomHostname } from './commands/findCustomHostname';
import { findZone } from './commands/findZone';
import { addHostname, disableForHostname, enableForHostname, removeHostname } from './commands/hostnameAssociation';
import { openInDashboard } from './commands/openInDashboard';
import { refreshPart } from './commands/refreshPart';
import { replacePackCertificate } from './commands/replacePackCertificate';
import { rotateCertificate } from './commands/rotateCertificate';
import { rotateOnCloudflare } from './commands/rotateOnCloudflare';
import { finishRotation, undoRotation } from './commands/rotationSteps';
import { saveCertificateAs } from './commands/saveCertificateAs';
import { setToken } from './commands/setToken';
import { showDetails } from './commands/showDetails';
import { showExpiring } from './commands/showExpiring';
import { uploadFromEditor, uploadFromFile } from './commands/uploadCertificate';
import { disableZoneAop, enableZoneAop } from './commands/zoneAop';
import { revealNode } from './tree/revealNode';
import { compareWorkspace, revealInWorkspaceCommand } from './workspace/workspaceCommands';
import type { RotationTarget } from './commands/rotateOnCloudflare';
import type { CertificateDetailsDocuments } from './editor/certificateDetailsDocuments';
import type { ExtensionServices } from './extensionServices';
import type { Pageable } from './tree/loadMoreNode';
import type { TreeNode } from './tree/treeNode';
import type { WorkspaceNode } from './workspace/workspaceTreeProvider';

/**
 * Every command's handler, by id, each through runCommand (a failure becomes one notification).
 * Activation registers the ids (src/main.ts) and this table is built when the account's code loads,
 * so the commands' code is neither read nor compiled in a window that never runs one.
 */
export function commandHandlers(
  services: ExtensionServices,
  documents: CertificateDetailsDocuments,
): Record<CommandIdValue, (...args: never[]) => unknown> {
  const { tree } = services;
  const commands: Record<CommandIdValue, (...args: never[]) => unknown> = {
    [CommandId.setToken]: () => setToken(services),
    [CommandId.clearToken]: () => clearToken(services),
    // The title-bar Refresh always reloads everything: VS Code hands it the selection, which must not narrow it.
    [CommandId.refresh]: () => tree.reloadAll(),
    [CommandId.refreshNode]: (node?: TreeNode) => refreshPart(services, node),
    [CommandId.showDetails]: (node?: TreeNode) => showDetails(services, documents, node),
    [CommandId.copyId]: (node?: TreeNode) => copyId(services, node),
    [CommandId.copyPem]: (node?: TreeNode) => copyPem(services, node),
    [CommandId.saveCertificateAs]: (node?: TreeNode) => saveCertificateAs(services, node),
    [CommandId.openInDashboard]: (node?: TreeNode) => openInDashboard(services, node),
    [CommandId.uploadFromEditor]: (target?: vscode.Uri | TreeNode, offset?: number) => uploadFromEditor(services, target, offset),
    [CommandId.uploadFromFile]: (target?: vscode.Uri | TreeNode) => uploadFromFile(services, target),
    [CommandId.replacePackCertificate]: (node?: TreeNode) => replacePackCertificate(services, node),
    [CommandId.deleteCertificate]: (node?: TreeNode) => deleteCertificate(services, node),
    [CommandId.enableForHostname]: (node?: TreeNode) => enableForHostname(services, node),
    [CommandId.disableForHostname]: (node?: TreeNode) => disableForHostname(services, node),
    [CommandId.addHostname]: (node?: TreeNode) => addHostname(services, node),
    [CommandId.removeHostname]: (node?: TreeNode) => removeHostname(services, node),
    [CommandId.rotateCertificate]: (node?: TreeNode) => rotateCertificate(services, node),
    [CommandId.rotateOnCloudflare]: (from?: vscode.Uri | WorkspaceNode, offset?: number, target?: RotationTarget) =>
      rotateOnCloudflare(services, from, offset, target),
    [CommandId.finishRotation]: (node?: TreeNode) => finishRotation(services, node),
    [CommandId.undoRotation]: (node?: TreeNode) => undoRotation(services, node),
    [CommandId.enableZoneAop]: (node?: TreeNode) => enableZoneAop(services, node),
    [CommandId.disableZoneAop]: (node?: TreeNode) => disableZoneAop(services, node),
    [CommandId.showExpiring]: () => showExpiring(services),
    [CommandId.revealCertificate]: (nodeId: string) => revealNode(services, nodeId),
    [CommandId.findCustomHostname]: (node?: TreeNode) => findCustomHostname(services, node),
    [CommandId.findZone]: () => findZone(services),
    [CommandId.filterCustomHostnames]: (node?: TreeNode) => filterCustomHostnames(services, node),
    [CommandId.clearCustomHostnameFilter]: (node?: TreeNode) => clearCustomHostnameFilter(services, node),
    [CommandId.retryNode]: (node?: TreeNode) => (node ? tree.reload(node) : tree.reloadAll()),
    [CommandId.loadMore]: (node: Pageable) => {
      node.showMore();
      tree.rerender(node);
    },
    [CommandId.compareWorkspace]: () => compareWorkspace(services.workspace.scanner, services.account),
    [CommandId.revealInWorkspace]: (node?: TreeNode) => revealInWorkspaceCommand(services, node),
    [CommandId.refreshWorkspace]: () => services.workspace.scanner.rescan(),
  };
  return Object.fromEntries(Object.entries(commands).map(([id, handler]) => [id, runCommand(services, id, handler)])) as Record<
    CommandIdValue,
    (...args: never[]) => unknown
  >;
}
