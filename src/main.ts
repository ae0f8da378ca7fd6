import * as vscode from 'vscode';
import type { Core, CoreBundle, Shell } from './activation/coreContract';
import { MARK_KEY, SECRET_KEY } from './auth/tokenKeys';
import { loadBundle } from './codeCacheLoader';
import { CommandId } from './commandIds';
import { whenFirstPemDocument } from './editor/firstPemDocument';
import type { ExtensionServices } from './extensionServices';
import { ToolName } from './tools/toolNames';
import { focusFirstRowOnOpen } from './tree/firstRowFocus';
import type { TreeNode } from './tree/treeNode';
import type { WorkspaceNode } from './workspace/workspaceTreeProvider';

const VIEW_ID = 'cloudflareCertificates.explorer';
const WORKSPACE_VIEW_ID = 'cloudflareCertificates.workspace';
/** The scheme of Show Certificate Details documents (certificateDetailsDocuments.ts serves them). */
const DETAILS_SCHEME = 'cloudflare-certificate';

let deactivateCore: (() => void) | undefined;

/**
 * The extension's entry point (dist/extension.js). Activation registers what VS Code asks for by
 * name (every command, both views, the tools, the details documents) and loads the account's code
 * (dist/bundle.js, src/extension.ts) only when something needs it: a stored token (read at once,
 * asynchronously), a command, a view drawing its rows, a tool, a document holding PEM. A window
 * with none of these (no token, views closed, no PEM open) never reads or compiles that code.
 */
export function activate(context: vscode.ExtensionContext): ExtensionServices | undefined {
  let core: Core | undefined;
  const treeChanged = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined | null | void>();
  const workspaceChanged = new vscode.EventEmitter<WorkspaceNode | WorkspaceNode[] | undefined | null | void>();
  const detailsChanged = new vscode.EventEmitter<vscode.Uri>();
  const rowsGone = new vscode.EventEmitter<void>();

  const account = (): Core => {
    if (core) {
      return core;
    }
    const bundle = loadBundle<CoreBundle>(context);
    core = bundle.activate(context, shell);
    deactivateCore = () => bundle.deactivate();
    context.subscriptions.push(
      core.tree.onDidChangeTreeData?.((change) => treeChanged.fire(change)) ?? new vscode.Disposable(() => undefined),
      core.workspaceTree.onDidChangeTreeData?.((change) => workspaceChanged.fire(change)) ?? new vscode.Disposable(() => undefined),
      core.details.onDidChange?.((uri) => detailsChanged.fire(uri)) ?? new vscode.Disposable(() => undefined),
    );
    return core;
  };

  const treeView = vscode.window.createTreeView<TreeNode>(VIEW_ID, {
    showCollapseAll: true,
    treeDataProvider: {
      onDidChangeTreeData: treeChanged.event,
      getTreeItem: (node) => account().tree.getTreeItem(node),
      resolveTreeItem: (item, node, token) => account().tree.resolveTreeItem(item, node, token),
      getChildren: (node) => account().tree.getChildren(node),
      getParent: (node) => account().tree.getParent(node),
    },
  });
  const workspaceView = vscode.window.createTreeView<WorkspaceNode>(WORKSPACE_VIEW_ID, {
    treeDataProvider: {
      onDidChangeTreeData: workspaceChanged.event,
      getTreeItem: (node) => account().workspaceTree.getTreeItem(node),
      getChildren: (node) => account().workspaceTree.getChildren(node),
    },
  });
  const firstRowFocus = focusFirstRowOnOpen(treeView, {
    roots: () => Promise.resolve(account().tree.getChildren(undefined)).then((rows) => rows ?? []),
    roundTrip: () => vscode.commands.getCommands(),
    elsewhere: [
      vscode.window.onDidChangeActiveTextEditor,
      vscode.window.onDidChangeTextEditorSelection,
      vscode.window.onDidChangeActiveTerminal,
    ],
    rowsGone: (listener) => rowsGone.event(listener),
  });
  const shell: Shell = { treeView, workspaceView, firstRowFocus, rowsGone };
  context.subscriptions.push(treeChanged, workspaceChanged, detailsChanged, rowsGone, treeView, workspaceView, firstRowFocus);

  for (const id of Object.values(CommandId)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: never[]) => account().commands[id](...args)));
  }
  for (const name of Object.values(ToolName)) {
    context.subscriptions.push(
      vscode.lm.registerTool<unknown>(name, {
        invoke: (options, token) => account().tools[name].invoke(options, token),
        prepareInvocation: (options, token) => account().tools[name].prepareInvocation?.(options, token),
      }),
    );
  }
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, {
      onDidChange: detailsChanged.event,
      provideTextDocumentContent: (uri, token) => account().details.provideTextDocumentContent(uri, token),
    }),
    whenFirstPemDocument(vscode.workspace, () => account().startEditorFeatures()),
  );

  // A token to load the account for: one stored (or a storage that fails, which the account reports),
  // or a mark that another window saved or removed one (the account finds out which, as it does on focus).
  const load = () => void account();
  const marked = () => context.globalState.get(MARK_KEY) !== undefined;
  void Promise.resolve(context.secrets.get(SECRET_KEY)).then((token) => (token !== undefined || marked()) && load(), load);
  context.subscriptions.push(
    context.secrets.onDidChange(load),
    vscode.window.onDidChangeWindowState((state) => state.focused && marked() && load()),
  );

  return context.extensionMode === vscode.ExtensionMode.Test ? testHandle(() => account().services) : undefined;
}

/**
 * The integration tests' handle: the services, with the account's code loaded when a test first
 * reaches for one. `then` is answered without loading, since VS Code resolves activate()'s result as a
 * promise would and so asks for it.
 */
function testHandle(services: () => ExtensionServices): ExtensionServices {
  return new Proxy({} as ExtensionServices, {
    get: (_, key) => (key === 'then' || typeof key === 'symbol' ? undefined : Reflect.get(services(), key)),
    set: (_, key, value) => Reflect.set(services(), key, value),
  });
}

export function deactivate(): void {
  deactivateCore?.();
}
