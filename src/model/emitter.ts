/** Something to call to stop listening: the shape of vscode.Disposable, without importing vscode. */
export interface Unsubscribe {
  dispose(): void;
}

/**
 * A minimal event emitter for the vscode-free model. A listener that throws must not stop the others
 * (the tree and the status bar both listen), so each call is isolated.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): Unsubscribe => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A broken listener is the listener's bug; the model's state is already consistent.
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
