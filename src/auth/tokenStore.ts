import * as vscode from 'vscode';
import { GuardedSecret, unavailableBackend } from './guardedSecret';

const SECRET_KEY = 'cloudflareCertificates.apiToken';

/**
 * The API token, kept only in VS Code's SecretStorage (the OS keychain on desktop). Another window
 * changing it fires onDidChange here too, through secrets.onDidChange. When the storage fails (no OS
 * keyring on Linux), get() answers undefined and set() throws an error that says what to do; the
 * token is then not kept anywhere, not even in memory, so nothing uses a token that is not saved.
 */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly secret: GuardedSecret;
  private cached: Promise<string | undefined> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.secret = new GuardedSecret(SECRET_KEY, secrets, () => {
      this.cached = undefined;
      this.changed.fire();
    });
  }

  /** Whether VS Code's secret storage failed on its last use (so "no token" may mean "cannot read it"). */
  get storageUnavailable(): boolean {
    return this.secret.isUnavailable;
  }

  get(): Promise<string | undefined> {
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
    try {
      await this.secret.write(token);
    } catch (error) {
      this.cached = undefined;
      throw error;
    }
    this.cached = Promise.resolve(token);
  }

  async clear(): Promise<void> {
    try {
      await this.secret.remove();
    } catch (error) {
      this.cached = undefined;
      throw error;
    }
    this.cached = Promise.resolve(undefined);
  }

  /**
   * For the integration tests only: until the returned disposable is disposed, every call to the
   * storage fails the way it does without an OS keyring. It takes no storage of the caller's and
   * returns none, so it cannot be used to read or capture the token.
   */
  simulateUnavailableStorageForTests(how: 'throw' | 'reject' = 'reject'): vscode.Disposable {
    this.cached = undefined;
    const restore = this.secret.useBackend(unavailableBackend(how, (listener) => this.secrets.onDidChange(listener)));
    return new vscode.Disposable(() => {
      this.cached = undefined;
      restore();
    });
  }

  dispose(): void {
    this.secret.dispose();
    this.changed.dispose();
  }
}
