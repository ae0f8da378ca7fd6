import * as vscode from 'vscode';
import { expiryWindow } from '../config/settings';
import type { ExtensionServices } from '../extensionServices';
import { expiryWatchMessage } from '../format/expiryWatchText';
import type { Crossing, NotifiedStore } from '../model/expiryWatch';
import { revealNode } from '../tree/revealNode';
import { CommandId } from '../commandIds';

/** The global-state key of what the expiry watch has said: node ids, dates and thresholds, nothing secret. */
export const NOTIFIED_KEY = 'cloudflareCertificates.expiryNotified';

export function notifiedStore(state: vscode.Memento): NotifiedStore {
  return {
    get: () => state.get<string[]>(NOTIFIED_KEY, []),
    set: (keys) => state.update(NOTIFIED_KEY, keys),
  };
}

/**
 * Shows the watch's notification: Show reveals what crossed; for a single client certificate,
 * Rotate… starts its rotation. An error notification when something expired, a warning otherwise.
 */
export async function showExpiryNotification(
  services: Pick<ExtensionServices, 'tree' | 'treeView' | 'prompts' | 'firstRowFocus'>,
  crossings: readonly Crossing[],
): Promise<void> {
  const message = expiryWatchMessage(crossings, expiryWindow());
  const rotate = crossings.length === 1 && crossings[0].certificate.kind === 'aop';
  const show = vscode.l10n.t('Show');
  const rotateAction = vscode.l10n.t('Rotate…');
  const actions = rotate ? [show, rotateAction] : [show];
  const expired = crossings.some((crossing) => crossing.threshold === 'expired');
  const choice = await (expired ? services.prompts.error(message, ...actions) : services.prompts.warning(message, ...actions));
  if (choice === show) {
    // The tree selects one row at a time: reveal the rest first, so the most urgent (the first named)
    // ends selected and the others are expanded into view around it.
    for (const crossing of [...crossings].reverse()) {
      await revealNode(services, crossing.certificate.nodeId);
    }
  } else if (choice === rotateAction && (await revealNode(services, crossings[0].certificate.nodeId))) {
    await vscode.commands.executeCommand(CommandId.rotateCertificate, services.tree.find(crossings[0].certificate.nodeId));
  }
}
