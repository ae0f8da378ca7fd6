import type * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { FirstRowFocus } from '../tree/firstRowFocus';
import type { TreeNode } from '../tree/treeNode';
import type { WorkspaceNode } from '../workspace/workspaceTreeProvider';

/**
 * What activation made before the account's code loaded (src/main.ts), handed to it when it does
 * (src/extension.ts): the two views and the relays their providers and the first-row focus listen to.
 */
export interface Shell {
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly workspaceView: vscode.TreeView<WorkspaceNode>;
  readonly firstRowFocus: FirstRowFocus;
  /** Fired when the Certificates view's rows go away (the token removed or rejected). */
  readonly rowsGone: vscode.EventEmitter<void>;
}

/** What the account's code gives activation's registrations to forward to. */
export interface Core {
  readonly tree: Required<Pick<vscode.TreeDataProvider<TreeNode>, 'getTreeItem' | 'resolveTreeItem' | 'getChildren' | 'getParent'>> &
    Pick<vscode.TreeDataProvider<TreeNode>, 'onDidChangeTreeData'>;
  readonly workspaceTree: Pick<vscode.TreeDataProvider<WorkspaceNode>, 'getTreeItem' | 'getChildren' | 'onDidChangeTreeData'>;
  readonly details: vscode.TextDocumentContentProvider;
  /** Each command's handler, by id; each reports its own failure. */
  readonly commands: Readonly<Record<string, (...args: never[]) => unknown>>;
  /** Each language-model tool, by name. */
  readonly tools: Readonly<Record<string, vscode.LanguageModelTool<unknown>>>;
  /** Registers the PEM editor features: called when the first document holding PEM is open. */
  startEditorFeatures(): void;
  /** The integration tests' handle (ExtensionMode.Test only). */
  readonly services: ExtensionServices;
}

/** The account's bundle (dist/bundle.js) as activation loads it. */
export interface CoreBundle {
  activate(context: vscode.ExtensionContext, shell: Shell): Core;
  deactivate(): void;
}
