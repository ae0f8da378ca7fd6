import { Emitter } from './emitter';

/**
 * What each running operation is doing to which item ("Uploading…" on a zone's client-certificate
 * group), keyed by tree id. The model marks its own work here; the tree shows it as a spinner.
 */
export class ActivityTracker {
  private readonly running = new Map<string, string[]>();
  private readonly changed = new Emitter<string>();
  /** Fires the id whose activity started or ended. */
  readonly onDidChange = this.changed.event;

  of(id: string): string | undefined {
    const words = this.running.get(id);
    return words?.[words.length - 1];
  }

  async run<T>(id: string, words: string, work: () => Promise<T>): Promise<T> {
    // A stack, so two operations on the same item (a retry while one runs) both show and both end.
    const stack = this.running.get(id) ?? [];
    stack.push(words);
    this.running.set(id, stack);
    this.changed.fire(id);
    try {
      return await work();
    } finally {
      stack.splice(stack.lastIndexOf(words), 1);
      if (stack.length === 0) {
        this.running.delete(id);
      }
      this.changed.fire(id);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
