import * as l10n from '@vscode/l10n';
/**
 * One secret kept in VS Code's SecretStorage, with what happens when that storage fails: on Linux
 * without a reachable OS keyring its calls throw or reject. Kept free of the vscode module (the
 * storage is described structurally) so the failure handling is unit-tested in plain Node.
 */

/** The part of vscode.SecretStorage used here; vscode.SecretStorage satisfies it as it is. */
export interface SecretBackend {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  onDidChange(listener: (event: { readonly key: string }) => unknown): { dispose(): unknown };
}

/** What a person can do about it; VS Code's own troubleshooting page says the same at more length. */
export function secretStorageHelp(): string {
  return l10n.t(
    'On Linux, install and unlock a keyring such as gnome-keyring or KWallet, or start VS Code with --password-store=basic; see "Troubleshooting keychain issues" in VS Code\'s documentation: {0}',
    'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues',
  );
}

/**
 * Thrown when the storage refused a write or a delete. The message is meant to be shown as it is:
 * it never carries the secret, nor the storage's own error text (which nobody has vetted for that).
 */
export class SecretStorageUnavailableError extends Error {
  constructor(what: 'saved' | 'removed', cause: unknown) {
    super(
      what === 'saved'
        ? l10n.t(
            "The API token could not be saved because VS Code's secret storage is unavailable; it was not kept anywhere else. {0}",
            secretStorageHelp(),
          )
        : l10n.t(
            "The API token could not be removed because VS Code's secret storage is unavailable; it may still be stored. {0}",
            secretStorageHelp(),
          ),
      { cause },
    );
    this.name = 'SecretStorageUnavailableError';
  }
}

export class GuardedSecret {
  private unavailable = false;
  private subscription: { dispose(): unknown } | undefined;

  constructor(
    private readonly key: string,
    private backend: SecretBackend,
    private readonly onChange: () => void,
  ) {
    this.follow();
  }

  /** Whether the last call to the storage failed: callers can then say why there is no token. */
  get isUnavailable(): boolean {
    return this.unavailable;
  }

  /** The secret, or undefined when there is none or the storage cannot be read: reading never throws. */
  async read(): Promise<string | undefined> {
    try {
      const value = await this.backend.get(this.key);
      this.unavailable = false;
      return value || undefined;
    } catch {
      this.unavailable = true;
      return undefined;
    }
  }

  /** Writes to the storage only: when it fails the value is dropped, never kept somewhere else. */
  async write(value: string): Promise<void> {
    try {
      await this.backend.store(this.key, value);
      this.unavailable = false;
    } catch (error) {
      this.unavailable = true;
      throw new SecretStorageUnavailableError('saved', error);
    }
  }

  async remove(): Promise<void> {
    try {
      await this.backend.delete(this.key);
      this.unavailable = false;
    } catch (error) {
      this.unavailable = true;
      throw new SecretStorageUnavailableError('removed', error);
    }
  }

  /** Puts another storage underneath (tests only); the returned function puts the previous one back. */
  useBackend(backend: SecretBackend): () => void {
    const previous = this.backend;
    this.backend = backend;
    this.follow();
    return () => {
      this.backend = previous;
      this.follow();
    };
  }

  dispose(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
  }

  private follow(): void {
    this.dispose();
    try {
      this.subscription = this.backend.onDidChange((event) => {
        if (event.key === this.key) {
          this.onChange();
        }
      });
    } catch {
      // A storage that cannot even be watched still lets the token be read and written when it recovers.
      this.subscription = undefined;
    }
  }
}

/**
 * A storage that fails every call as one without a keyring does — synchronously ('throw') or with a
 * rejected promise ('reject') — while change events still come from `changes`. It holds nothing.
 */
export function unavailableBackend(how: 'throw' | 'reject', changes: SecretBackend['onDidChange']): SecretBackend {
  const fail = <T>(): PromiseLike<T> => {
    const error = new Error(l10n.t("Simulated: no OS keyring is available to VS Code's secret storage."));
    if (how === 'throw') {
      throw error;
    }
    return Promise.reject(error);
  };
  return { get: () => fail(), store: () => fail(), delete: () => fail(), onDidChange: (listener) => changes(listener) };
}
