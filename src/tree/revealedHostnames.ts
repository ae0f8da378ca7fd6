import type { CustomHostnameRecord } from '../model/customHostnameRecord';

/**
 * Custom hostnames a person went to (Find Custom Hostname) that may lie beyond the rows the group
 * shows, or beyond what has loaded at all: the group lists them itself so the tree can reveal one
 * without loading every row before it (a range whose rows are known leads there instead). Vscode-free,
 * so its rules are unit-tested.
 */
export class RevealedHostnames {
  private readonly pinned = new Map<string, CustomHostnameRecord>();
  private listedBefore = false;
  private listeners: (() => void)[] = [];

  /**
   * Pins the hostname. True when the view must fetch the group's rows anew to show it: the group
   * listed its rows before, and the view keeps those (it reveals only rows it has fetched).
   */
  add(hostname: CustomHostnameRecord): boolean {
    const added = !this.pinned.has(hostname.id);
    this.pinned.set(hostname.id, hostname);
    return added && this.listedBefore;
  }

  /** Resolves when the group next lists its rows (the view fetched them after a re-render). */
  nextListing(): Promise<void> {
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  /**
   * The revealed hostnames the group must list itself: those `listed` says no row of the group (or of
   * its ranges) holds. `current` gives the newest copy known (it wins over the pinned one); one that a
   * `complete` source no longer holds was deleted, and is forgotten.
   */
  beyond(
    listed: (hostnameId: string) => boolean,
    current: (hostnameId: string) => CustomHostnameRecord | undefined,
    complete: boolean,
  ): CustomHostnameRecord[] {
    this.listedBefore = true;
    const listeners = this.listeners;
    this.listeners = [];
    // After this listing returns, so the view has the rows when a listener reveals one.
    setTimeout(() => listeners.forEach((listener) => listener()), 0);
    const extra: CustomHostnameRecord[] = [];
    for (const [id, pinned] of this.pinned) {
      if (listed(id)) {
        continue;
      }
      const newer = current(id);
      if (!newer && complete) {
        this.pinned.delete(id);
        continue;
      }
      extra.push(newer ?? pinned);
    }
    return extra;
  }
}
