import * as l10n from '@vscode/l10n';
import { analysePemDocument } from '../x509/documentAnalysis';
import { hasPemBlock } from '../x509/pemBlocks';
import type { WorkspaceCertificate } from './workspaceCertificate';

/** Bigger files are skipped (and said so): a certificate file is a few kilobytes. */
export const MAX_FILE_BYTES = 1_000_000;
export const MAX_FILES = 10_000;

/** How the index reaches files, by URI string: VS Code's file system in the extension, Node's in the benchmark. */
export interface WorkspaceFiles {
  size(uri: string): Promise<number>;
  read(uri: string): Promise<Uint8Array>;
  /** The file's path relative to the workspace, for display. */
  relative(uri: string): string;
}

export interface WorkspaceScan {
  readonly certificates: ReadonlyMap<string, readonly WorkspaceCertificate[]>;
  readonly skipped: readonly string[];
  readonly filesRead: number;
}

/**
 * What the workspace's files hold, kept by file: filled by a scan of every listed file, then kept
 * current one file at a time. Knows nothing of VS Code, so the benchmark runs it in plain Node.
 */
export class WorkspaceIndex {
  private readonly found = new Map<string, WorkspaceCertificate[]>();
  /** Why files were left out, by file (or by the scan, for the file cap and a cancel). */
  private readonly skipped = new Map<string, string>();
  private filesRead = 0;
  private readonly decoder = new TextDecoder();

  constructor(private readonly files: WorkspaceFiles) {}

  get current(): WorkspaceScan {
    return { certificates: this.found, skipped: [...this.skipped.values()], filesRead: this.filesRead };
  }

  /** Reads the listed files (at most MAX_FILES) from scratch, one at a time; stops when cancelled. */
  async scanAll(uris: readonly string[], cancelled: () => boolean): Promise<void> {
    this.found.clear();
    this.skipped.clear();
    if (uris.length > MAX_FILES) {
      this.skipped.set('', l10n.t('more than {0} files: only the first {0} were read', MAX_FILES));
    }
    this.filesRead = 0;
    for (const uri of uris.slice(0, MAX_FILES)) {
      if (cancelled()) {
        this.skipped.set('', l10n.t('the scan was cancelled: refresh the view to finish it'));
        break;
      }
      await this.read(uri);
    }
  }

  /** Re-reads one file that was created or changed; true when what it holds changed. */
  async update(uri: string): Promise<boolean> {
    const before = this.found.get(uri);
    await this.read(uri);
    return before !== this.found.get(uri);
  }

  /** Forgets a deleted file; true when it held certificates. */
  delete(uri: string): boolean {
    this.skipped.delete(uri);
    return this.found.delete(uri);
  }

  /** Reads one file and keeps what it holds; never throws. */
  private async read(uri: string): Promise<void> {
    try {
      const size = await this.files.size(uri);
      if (size > MAX_FILE_BYTES) {
        this.found.delete(uri);
        this.skipped.set(
          uri,
          l10n.t('{0} ({1} KB, over {2} MB)', this.files.relative(uri), Math.round(size / 1024), MAX_FILE_BYTES / 1_000_000),
        );
        return;
      }
      this.skipped.delete(uri);
      const text = this.decoder.decode(await this.files.read(uri));
      this.filesRead += 1;
      const certificates = hasPemBlock(text) ? certificatesIn(text, this.files.relative(uri), uri) : [];
      if (certificates.length > 0) {
        this.found.set(uri, certificates);
      } else {
        this.found.delete(uri);
      }
    } catch {
      this.found.delete(uri);
    }
  }
}

/** The readable certificates of one file's text, with where each block starts. */
export function certificatesIn(text: string, file: string, uri: string): WorkspaceCertificate[] {
  return analysePemDocument(text, new Date(), 30)
    .certificates.filter((entry) => entry.info)
    .map((entry) => ({
      file,
      uri,
      start: entry.block.start,
      end: entry.block.end,
      line: lineOf(text, entry.block.start),
      facts: entry.info!,
    }));
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
  }
  return line;
}
