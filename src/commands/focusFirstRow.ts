import type * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';

/**
 * How soon after the view is created VS Code reports its restored state: a view left open in the last
 * session reports "visible" within this time, while a person opening it takes longer than this after
 * activation (which waits for the workbench to start up).
 */
const RESTORED_STATE_MS = 500;

/**
 * "Focus on Certificates View" (or the activity-bar entry) gives the tree the keyboard with no row
 * focused, so a screen reader says only the view's name until an arrow key is pressed. When a person
 * opens the view with nothing selected, the first row gets the focus (not the selection, which would
 * open nothing but still claim a choice the person did not make). The view VS Code restores at startup
 * is left alone: focusing it then would take the keyboard from the editor.
 */
export function focusFirstRowWhenOpened(
  treeView: vscode.TreeView<TreeNode>,
  roots: () => Thenable<TreeNode[]> | Promise<TreeNode[]>,
  now: () => number = Date.now,
): vscode.Disposable {
  const created = now();
  return treeView.onDidChangeVisibility(async ({ visible }) => {
    if (!visible || now() - created < RESTORED_STATE_MS || treeView.selection.length > 0) {
      return;
    }
    const [first] = await roots();
    // A reveal of our own (Find Zone, the status bar's list) selects its row meanwhile: that row wins.
    if (first && treeView.visible && treeView.selection.length === 0) {
      await Promise.resolve(treeView.reveal(first, { focus: true, select: false, expand: false })).catch(() => undefined);
    }
  });
}
