import * as assert from 'node:assert/strict';
import { GuardedSecret, SecretStorageUnavailableError, unavailableBackend, type SecretBackend } from '../../../src/auth/guardedSecret';

const KEY = 'cloudflareCertificates.apiToken';
const TOKEN = 'Ab3dEfGh1jKlMn0pQrStUvWxYz0123456789_-AB';

type Listener = (event: { readonly key: string }) => unknown;

/** An in-memory SecretStorage whose calls can be made to fail, and that records every write. */
class FakeStorage implements SecretBackend {
  readonly values = new Map<string, string>();
  readonly writes: string[] = [];
  failing: 'throw' | 'reject' | undefined;
  private listeners: Listener[] = [];

  get(key: string): PromiseLike<string | undefined> {
    return this.call(() => this.values.get(key));
  }

  store(key: string, value: string): PromiseLike<void> {
    return this.call(() => {
      this.writes.push(value);
      this.values.set(key, value);
      this.fire(key);
    });
  }

  delete(key: string): PromiseLike<void> {
    return this.call(() => {
      this.values.delete(key);
      this.fire(key);
    });
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((other) => other !== listener)) };
  }

  /** Another window changing the secret. */
  fire(key: string): void {
    this.listeners.forEach((listener) => listener({ key }));
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  private call<T>(work: () => T): PromiseLike<T> {
    if (this.failing === 'throw') {
      throw new Error(`No keyring: org.freedesktop.secrets was not provided (value ${TOKEN})`);
    }
    if (this.failing === 'reject') {
      return Promise.reject(new Error(`Cannot create an item in a locked collection (value ${TOKEN})`));
    }
    return Promise.resolve(work());
  }
}

async function rejection(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('GuardedSecret (the token store under SecretStorage failure)', () => {
  let storage: FakeStorage;
  let changes: number;
  let secret: GuardedSecret;

  beforeEach(() => {
    storage = new FakeStorage();
    changes = 0;
    secret = new GuardedSecret(KEY, storage, () => (changes += 1));
  });

  afterEach(() => secret.dispose());

  for (const how of ['throw', 'reject'] as const) {
    it(`write fails with a sentence that says what to do and never the token (storage calls ${how})`, async () => {
      storage.failing = how;
      const error = await rejection(() => secret.write(TOKEN));
      assert.ok(error instanceof SecretStorageUnavailableError);
      assert.match(error.message, /^The API token could not be saved because VS Code's secret storage is unavailable/);
      assert.match(error.message, /gnome-keyring/);
      assert.match(error.message, /--password-store=basic/);
      assert.match(error.message, /https:\/\/code\.visualstudio\.com\/docs\//);
      assert.ok(!error.message.includes(TOKEN), 'the token must not be in the message');
      assert.ok(!error.message.includes('locked collection') && !error.message.includes('freedesktop'), "the storage's own words stay out");
      assert.ok(secret.isUnavailable);
      assert.deepEqual(storage.writes, []);
    });

    it(`read never throws: undefined, and the failure is remembered (storage calls ${how})`, async () => {
      storage.values.set(KEY, TOKEN);
      storage.failing = how;
      assert.equal(await secret.read(), undefined);
      assert.ok(secret.isUnavailable);
    });

    it(`remove fails with a sentence that says the token may still be stored (storage calls ${how})`, async () => {
      storage.failing = how;
      const error = await rejection(() => secret.remove());
      assert.ok(error instanceof SecretStorageUnavailableError);
      assert.match(error.message, /could not be removed because VS Code's secret storage is unavailable; it may still be stored/);
    });
  }

  it('recovers when the storage does: the failure flag clears and the value is read again', async () => {
    storage.failing = 'reject';
    assert.equal(await secret.read(), undefined);
    storage.failing = undefined;
    await secret.write(TOKEN);
    assert.equal(secret.isUnavailable, false);
    assert.equal(await secret.read(), TOKEN);
  });

  it('keeps following changes from another window while the storage fails', async () => {
    storage.failing = 'throw';
    await rejection(() => secret.write(TOKEN));
    storage.fire(KEY);
    storage.fire('someone.elses.key');
    assert.equal(changes, 1);
  });

  it('tolerates a storage whose change event cannot be subscribed to', async () => {
    const broken: SecretBackend = {
      ...unavailableBackend('reject', () => ({ dispose: () => undefined })),
      onDidChange: () => {
        throw new Error('no events');
      },
    };
    const guarded = new GuardedSecret(KEY, broken, () => undefined);
    assert.equal(await guarded.read(), undefined);
    guarded.dispose();
  });

  it('swaps the storage for tests and back, moving the change subscription with it', async () => {
    storage.values.set(KEY, TOKEN);
    const restore = secret.useBackend(unavailableBackend('throw', (listener) => storage.onDidChange(listener)));
    assert.equal(await secret.read(), undefined);
    await rejection(() => secret.write('other-token-value'));
    assert.equal(storage.values.get(KEY), TOKEN, 'the failing storage wrote nothing through');
    storage.fire(KEY);
    assert.equal(changes, 1, 'changes still arrive while the failing storage is in place');
    restore();
    assert.equal(storage.listenerCount, 1, 'one subscription, not one per swap');
    assert.equal(await secret.read(), TOKEN);
    assert.equal(secret.isUnavailable, false);
  });
});
