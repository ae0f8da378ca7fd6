import * as vscode from 'vscode';

const SECRET_KEY = 'cloudflareCertificates.apiToken';

/**
 * The API token, kept only in VS Code's SecretStorage (the OS keychain on desktop). Another window
 * changing it fires onDidChange here too, through secrets.onDidChange.
 */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private cached: Promise<string | undefined> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) {
        this.cached = undefined;
        this.changed.fire();
      }
    });
  }

  get(): Promise<string | undefined> {
    this.cached ??= Promise.resolve(this.secrets.get(SECRET_KEY)).then((value) => value || undefined);
    return this.cached;
  }

  async set(token: string): Promise<void> {
    this.cached = Promise.resolve(token);
    await this.secrets.store(SECRET_KEY, token);
  }

  async clear(): Promise<void> {
    this.cached = Promise.resolve(undefined);
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
