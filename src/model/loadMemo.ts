/**
 * Loads keyed by zone, each in flight at most once: callers that overlap share one promise. A load
 * that fails is forgotten so the next caller retries; a load that a put() or forget() overtook does
 * not overwrite the newer value when it settles late.
 */
export class LoadMemo<T> {
  private readonly loads = new Map<string, Promise<T>>();
  readonly settled = new Map<string, T>();

  /** `onLoaded` runs once a new load has settled and its value is in `settled`. */
  get(key: string, start: () => Promise<T>, onLoaded?: () => void): Promise<T> {
    const existing = this.loads.get(key);
    if (existing) {
      return existing;
    }
    const promise = start();
    this.loads.set(key, promise);
    promise.then(
      (value) => {
        if (this.loads.get(key) === promise) {
          this.settled.set(key, value);
          onLoaded?.();
        }
      },
      () => {
        if (this.loads.get(key) === promise) {
          this.loads.delete(key);
        }
      },
    );
    return promise;
  }

  /** A value Cloudflare just returned, in place of whatever was loaded or loading. */
  put(key: string, value: T): void {
    this.settled.set(key, value);
    this.loads.set(key, Promise.resolve(value));
  }

  forget(key: string): void {
    this.loads.delete(key);
    this.settled.delete(key);
  }

  clear(): void {
    this.loads.clear();
    this.settled.clear();
  }
}
