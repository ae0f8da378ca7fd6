import type { CustomHostname } from '../cloudflare/types';

/**
 * Custom hostnames a person went to (Find Custom Hostname) that may lie beyond the rows the group
 * shows, or beyond what has loaded at all: the group lists them after its page so the tree can reveal
 * one without loading every row before it. Vscode-free, so its rules are unit-tested.
 */
export class RevealedHostnames {
  private readonly pinned = new Map<string, CustomHostname>();

  add(hostname: CustomHostname): void {
    this.pinned.set(hostname.id, hostname);
  }

  /**
   * The revealed hostnames the shown rows leave out. The loaded list's copy wins (it is newer); one a
   * complete list no longer holds was deleted, and is forgotten.
   */
  beyond(shown: readonly CustomHostname[], loaded: readonly CustomHostname[], complete: boolean): CustomHostname[] {
    const shownIds = new Set(shown.map((hostname) => hostname.id));
    const extra: CustomHostname[] = [];
    for (const [id, pinned] of this.pinned) {
      if (shownIds.has(id)) {
        continue;
      }
      const current = loaded.find((hostname) => hostname.id === id);
      if (!current && complete) {
        this.pinned.delete(id);
        continue;
      }
      extra.push(current ?? pinned);
    }
    return extra;
  }
}
