import * as vscode from 'vscode';
import { MAX_FILES, WorkspaceIndex, type WorkspaceFiles, type WorkspaceScan } from './workspaceIndex';

/** Where certificates are written: PEM files, and the text files that embed them. */
const INCLUDE = '**/{*.pem,*.crt,*.cer,*.yaml,*.yml,*.json,*.tf,*.tfvars,*.env,.env,.env.*}';

/** The workspace's files through VS Code's file system (remote and virtual workspaces included). */
const vscodeFiles: WorkspaceFiles = {
  size: async (uri) => (await vscode.workspace.fs.stat(vscode.Uri.parse(uri))).size,
  read: async (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
  relative: (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
};

/**
 * Every certificate in the workspace, found once with progress and cancellable, then kept current by
 * a file-system watcher that re-reads only the file that changed. Respects files.exclude (findFiles)
 * and search.exclude (passed as the exclude pattern).
 */
export class WorkspaceScanner implements vscode.Disposable {
  private readonly index = new WorkspaceIndex(vscodeFiles);
  private scanning: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /**
   * The watcher and the save listener, from the first scan on: before it the index is empty and the
   * scan reads every file anew, so there is nothing to keep current (and activation does not pay for
   * a file watcher that a person who never opens the view would never use).
   */
  private subscriptions: vscode.Disposable[] | undefined;

  private watch(): vscode.Disposable[] {
    const watcher = vscode.workspace.createFileSystemWatcher(INCLUDE);
    return [
      watcher,
      watcher.onDidCreate((uri) => void this.update(uri)),
      watcher.onDidChange((uri) => void this.update(uri)),
      // A save in the editor is told directly too: some remotes' watchers are late or missing.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.scanning && vscode.languages.match({ pattern: INCLUDE }, document) > 0) {
          void this.update(document.uri);
        }
      }),
      watcher.onDidDelete((uri) => {
        if (this.index.delete(uri.toString())) {
          this.changed.fire();
        }
      }),
    ];
  }

  get current(): WorkspaceScan {
    return this.index.current;
  }

  /** The first scan (or a rescan): shared by every caller while it runs. */
  scan(): Promise<void> {
    this.subscriptions ??= this.watch();
    if (!this.scanning) {
      this.scanning = Promise.resolve(
        vscode.window.withProgress(
          {
            location: { viewId: 'cloudflareCertificates.workspace' },
            title: vscode.l10n.t('Finding certificates in the workspace'),
            cancellable: true,
          },
          (_progress, token) => this.scanAll(token),
        ),
      ).catch(() => undefined);
    }
    return this.scanning;
  }

  rescan(): Promise<void> {
    this.scanning = undefined;
    return this.scan();
  }

  private async scanAll(token: vscode.CancellationToken): Promise<void> {
    const searchExclude = Object.entries(vscode.workspace.getConfiguration('search').get<Record<string, boolean>>('exclude', {}))
      .filter(([, on]) => on)
      .map(([glob]) => glob);
    const exclude = searchExclude.length > 0 ? `{${searchExclude.join(',')}}` : undefined;
    const uris = await vscode.workspace.findFiles(INCLUDE, exclude, MAX_FILES + 1, token);
    await this.index.scanAll(
      uris.map((uri) => uri.toString()),
      () => token.isCancellationRequested,
    );
    this.changed.fire();
  }

  private async update(uri: vscode.Uri): Promise<void> {
    if (await this.index.update(uri.toString())) {
      this.changed.fire();
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.subscriptions?.forEach((subscription) => subscription.dispose());
  }
}
