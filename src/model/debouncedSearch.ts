/** What a debounced search tells its owner. */
export interface SearchListener<T> {
  /** A search for `text` was sent (the box shows it is busy). */
  started(text: string): void;
  /** The answer for the latest text; answers for older text are dropped. */
  answered(text: string, result: T): void;
  failed(text: string, error: unknown): void;
}

/**
 * Search as a person types: waits `delayMs` after the last keystroke, then runs the search, and
 * aborts the one before it so a slow answer for old text never lands over a newer one and never
 * spends a request the person no longer wants.
 */
export class DebouncedSearch<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;
  private disposed = false;

  constructor(
    private readonly search: (text: string, signal: AbortSignal) => Promise<T>,
    private readonly listener: SearchListener<T>,
    readonly delayMs = 250,
  ) {}

  /** The text changed: cancel what is pending or in flight and search again after the pause. */
  update(text: string): void {
    this.cancel();
    if (this.disposed) {
      return;
    }
    this.timer = setTimeout(() => void this.run(text), this.delayMs);
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  /** Drops the pending search and aborts the one in flight (the text became too short to send). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }

  private async run(text: string): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.listener.started(text);
    try {
      const result = await this.search(text, controller.signal);
      if (!controller.signal.aborted) {
        this.listener.answered(text, result);
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        this.listener.failed(text, error);
      }
    } finally {
      if (this.controller === controller) {
        this.controller = undefined;
      }
    }
  }
}
