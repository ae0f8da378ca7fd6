import * as vscode from 'vscode';
import { withActivity, withExpiry } from '../format/accessibleLabel';
import { expiryBand, expiryPhrase } from '../x509/certificateSummary';
import { expiryIcon } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';

/**
 * What every node shows the same way, applied here once: a running operation replaces the icon with
 * a spinner and the description with its words; a node with an expiry gets the expiry phrase first in
 * its description, and the expiry colour outranks its status icon.
 */
export function decorate(
  node: TreeNode,
  item: vscode.TreeItem,
  context: Pick<TreeContext, 'activity' | 'expiry' | 'now'>,
): vscode.TreeItem {
  const busy = context.activity.of(node.id);
  const spoken = item.accessibilityInformation;
  if (busy) {
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.description = busy;
    item.accessibilityInformation = spoken && { ...spoken, label: withActivity(spoken.label, busy) };
    return item;
  }
  const notAfter = node.expiresOn?.();
  if (notAfter) {
    const now = context.now();
    const { warningDays, criticalDays } = context.expiry();
    const band = expiryBand(notAfter, now, warningDays, criticalDays);
    item.accessibilityInformation = spoken && { ...spoken, label: withExpiry(spoken.label, notAfter, now, band) };
    if (item.iconPath instanceof vscode.ThemeIcon || item.iconPath === undefined) {
      item.iconPath = expiryIcon(band, item.iconPath ?? new vscode.ThemeIcon('file'));
    }
    item.description = [expiryPhrase(notAfter, now), typeof item.description === 'string' ? item.description : undefined]
      .filter(Boolean)
      .join(' · ');
  }
  return item;
}
