import * as vscode from 'vscode';
import { analysePemDocument } from '../x509/documentAnalysis';
import { hasPemBlock } from '../x509/pemBlocks';
import type { WorkspaceCertificate } from './workspaceCertificate';

/** Where certificates are written: PEM files, and the text files that embed them. */
const INCLUDE = '**/{*.pem,*.crt,*.cer,*.yaml,*.yml,*.json,*.tf,*.tfvars,*.env,.env,.env.*}';
/** Bigger files are skipped (and said so): a certificate file is a few kilobytes. */
export const MAX_FILE_BYTES = 1_000_000;
export const MAX_FILES = 10_000;

export interface WorkspaceScan {
  readonly certificates: ReadonlyMap<string, readonly WorkspaceCertificate[]>;
  readonly skipped: readonly string[];
  readonly filesRead: number;
}

/**
 * Every certificate in the workspace, found once with progress and cancellable, then kept current by
 * a file-system watcher that re-reads only the file that changed. Respects files.exclude (findFiles)
 * and search.exclude (passed as the exclude pattern).
 */
export class WorkspaceScanner implements vscode.Disposable {
  private readonly found = new Map<string, WorkspaceCertificate[]>();
  /** Why files were left out, by file (or by the scan, for the file cap and a cancel). */
  private readonly skipped = new Map<string, string>();
  private filesRead = 0;
  private scanning: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(INCLUDE);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.watcher,
      this.watcher.onDidCreate((uri) => void this.update(uri)),
      this.watcher.onDidChange((uri) => void this.update(uri)),
      // A save in the editor is told directly too: some remotes' watchers are late or missing.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.scanning && vscode.languages.match({ pattern: INCLUDE }, document) > 0) {
          void this.update(document.uri);
        }
      }),
      this.watcher.onDidDelete((uri) => {
        if (this.found.delete(uri.toString())) {
          this.changed.fire();
        }
      }),
    ];
  }

  get current(): WorkspaceScan {
    return { certificates: this.found, skipped: [...this.skipped.values()], filesRead: this.filesRead };
  }

  /** The first scan (or a rescan): shared by every caller while it runs. */
  scan(): Promise<void> {
    if (!this.scanning) {
      this.scanning = Promise.resolve(
        vscode.window.withProgress(
          { location: { viewId: 'cloudflareCertificates.workspace' }, title: 'Finding certificates in the workspace', cancellable: true },
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
    this.found.clear();
    this.skipped.clear();
    if (uris.length > MAX_FILES) {
      this.skipped.set('', `more than ${MAX_FILES} files: only the first ${MAX_FILES} were read`);
    }
    this.filesRead = 0;
    for (const uri of uris.slice(0, MAX_FILES)) {
      if (token.isCancellationRequested) {
        this.skipped.set('', 'the scan was cancelled: refresh the view to finish it');
        break;
      }
      await this.read(uri);
    }
    this.changed.fire();
  }

  private async update(uri: vscode.Uri): Promise<void> {
    const before = this.found.get(uri.toString());
    await this.read(uri);
    if (before !== this.found.get(uri.toString())) {
      this.changed.fire();
    }
  }

  /** Reads one file and keeps what it holds; returns nothing, never throws. */
  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) {
        this.found.delete(key);
        this.skipped.set(
          key,
          `${vscode.workspace.asRelativePath(uri)} (${Math.round(stat.size / 1024)} KB, over ${MAX_FILE_BYTES / 1_000_000} MB)`,
        );
        return;
      }
      this.skipped.delete(key);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.filesRead += 1;
      if (!hasPemBlock(text)) {
        this.found.delete(key);
        return;
      }
      const analysis = analysePemDocument(text, new Date(), 30);
      const file = vscode.workspace.asRelativePath(uri);
      const certificates = analysis.certificates
        .filter((entry) => entry.info)
        .map((entry) => ({
          file,
          uri: key,
          start: entry.block.start,
          end: entry.block.end,
          line: lineOf(text, entry.block.start),
          facts: entry.info!,
        }));
      if (certificates.length > 0) {
        this.found.set(key, certificates);
      } else {
        this.found.delete(key);
      }
    } catch {
      this.found.delete(key);
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
  }
  return line;
}
