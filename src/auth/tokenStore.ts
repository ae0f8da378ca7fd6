import * as vscode from 'vscode';
import { GuardedSecret, unavailableBackend } from './guardedSecret';
import { REVISION_KEY, SECRET_KEY } from './tokenKeys';
import { TokenRevision, type MarkStore, type TokenElsewhere } from './tokenRevision';

/** How often the shared mark is looked at: it has no change event, and the look is a memory lookup. */
const MARK_CHECK_MS = 1000;

/**
 * The API token, kept only in VS Code's SecretStorage (the OS keychain on desktop). Another window
 * changing it fires onDidChange here too, through secrets.onDidChange. When the storage fails (no OS
 * keyring on Linux), get() answers undefined and set() throws an error that says what to do; the
 * token is then not kept anywhere, not even in memory, so nothing uses a token that is not saved.
 * Where another window's change cannot reach this window's secret storage (VS Code in the browser),
 * TokenRevision finds out, and this window then uses no token: it is removed or out of date here.
 */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly secret: GuardedSecret;
  private readonly revision: TokenRevision;
  private readonly revisionSecret: GuardedSecret;
  private readonly watching: vscode.Disposable;
  private cached: Promise<string | undefined> | undefined;
  private elsewhere: TokenElsewhere = 'none';
  /** Counts this window's own changes, so a look at the mark begun before one cannot undo it. */
  private changes = 0;
  private readonly ready: Promise<void>;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    marks: MarkStore,
  ) {
    this.secret = new GuardedSecret(SECRET_KEY, secrets, () => {
      this.cached = undefined;
      this.changed.fire();
    });
    this.revisionSecret = new GuardedSecret(REVISION_KEY, secrets, () => void this.recheck());
    this.revision = new TokenRevision(marks, this.revisionSecret);
    this.ready = this.recheck();
    const timer = setInterval(() => {
      if (this.revision.markMoved()) {
        void this.recheck();
      }
    }, MARK_CHECK_MS);
    // Looking at the mark is no reason to keep a process alive (a host shutting down, the benchmarks).
    timer.unref();
    const focus = vscode.window.onDidChangeWindowState((state) => state.focused && void this.recheck());
    this.watching = new vscode.Disposable(() => {
      clearInterval(timer);
      focus.dispose();
    });
  }

  /** True when another window set a token this window's secret storage cannot show until it reloads. */
  get changedInAnotherWindow(): boolean {
    return this.elsewhere === 'changed';
  }

  /** Whether VS Code's secret storage failed on its last use (so "no token" may mean "cannot read it"). */
  get storageUnavailable(): boolean {
    return this.secret.isUnavailable;
  }

  async get(): Promise<string | undefined> {
    await this.ready;
    // This window's copy is out of date: the token it holds was removed or replaced in another window.
    return this.elsewhere === 'none' ? this.read() : undefined;
  }

  private read(): Promise<string | undefined> {
    if (!this.cached) {
      const reading = this.secret.read();
      this.cached = reading;
      // A failed read is not remembered: the next get() asks the storage again, which may have recovered.
      void reading.then(() => {
        if (this.secret.isUnavailable && this.cached === reading) {
          this.cached = undefined;
        }
      });
    }
    return this.cached;
  }

  async set(token: string): Promise<void> {
    await this.change(true, async () => {
      await this.secret.write(token);
      this.cached = Promise.resolve(token);
    });
  }

  async clear(): Promise<void> {
    await this.change(false, async () => {
      await this.secret.remove();
      this.cached = Promise.resolve(undefined);
    });
  }

  private async change(present: boolean, apply: () => Promise<void>): Promise<void> {
    await this.ready;
    this.changes += 1;
    try {
      await this.revision.change(present, apply);
    } catch (error) {
      this.cached = undefined;
      throw error;
    } finally {
      // Before and after: a look at the mark that overlapped any part of the change is dropped.
      this.changes += 1;
    }
    this.setElsewhere('none');
  }

  private async recheck(): Promise<void> {
    const changes = this.changes;
    const judged = await this.revision.judge();
    if (changes === this.changes) {
      // An unreadable storage is reported as such (secretStorageUnavailable), not as a change elsewhere.
      this.setElsewhere(judged ?? 'none');
    }
  }

  private setElsewhere(next: TokenElsewhere): void {
    if (next !== this.elsewhere) {
      this.elsewhere = next;
      this.cached = undefined;
      this.changed.fire();
    }
  }

  /**
   * For the integration tests only: until the returned disposable is disposed, every call to the
   * storage fails the way it does without an OS keyring. It takes no storage of the caller's and
   * returns none, so it cannot be used to read or capture the token.
   */
  simulateUnavailableStorageForTests(how: 'throw' | 'reject' = 'reject'): vscode.Disposable {
    this.cached = undefined;
    const failing = unavailableBackend(how, (listener) => this.secrets.onDidChange(listener));
    const restore = [this.secret.useBackend(failing), this.revisionSecret.useBackend(failing)];
    return new vscode.Disposable(() => {
      this.cached = undefined;
      restore.forEach((undo) => undo());
    });
  }

  dispose(): void {
    this.watching.dispose();
    this.revisionSecret.dispose();
    this.secret.dispose();
    this.changed.dispose();
  }
}
