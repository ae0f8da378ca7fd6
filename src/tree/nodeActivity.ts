import * as vscode from 'vscode';

/**
 * Operations running on tree nodes ("Uploading…", "Deleting…"): the node shows a spinner and the
 * words while its operation runs, then only that node is refreshed.
 */
export class NodeActivity implements vscode.Disposable {
  private readonly running = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires the id of the node whose activity started or ended. */
  readonly onDidChange = this.changed.event;

  of(nodeId: string): string | undefined {
    return this.running.get(nodeId);
  }

  async run<T>(nodeId: string, words: string, operation: () => Promise<T>): Promise<T> {
    this.running.set(nodeId, words);
    this.changed.fire(nodeId);
    try {
      return await operation();
    } finally {
      this.running.delete(nodeId);
      this.changed.fire(nodeId);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
