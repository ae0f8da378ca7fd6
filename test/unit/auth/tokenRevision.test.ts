import * as assert from 'node:assert/strict';
import { GuardedSecret, type SecretBackend } from '../../../src/auth/guardedSecret';
import { MARK_KEY, TokenRevision, type MarkStore } from '../../../src/auth/tokenRevision';

const TOKEN_KEY = 'cloudflareCertificates.apiToken';
const REVISION_KEY = 'cloudflareCertificates.apiTokenRevision';
const TOKEN = 'Zq8dEfGh1jKlMn0pQrStUvWxYz0123456789_-CD';

/** The extension's global state, which VS Code shares between windows. */
class SharedMarks implements MarkStore {
  readonly values = new Map<string, unknown>();
  failing = false;
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): PromiseLike<void> {
    if (this.failing) {
      return Promise.reject(new Error('storage closed'));
    }
    this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

/**
 * One window's copy of the secret storage, as VS Code in the browser keeps it: loaded once from what
 * was saved, written through to the saved copy, never told of another window's writes.
 */
class WindowSecrets implements SecretBackend {
  values: Map<string, string>;
  failing = false;
  constructor(private readonly saved: Map<string, string>) {
    this.values = new Map(saved);
  }
  reload(): void {
    this.values = new Map(this.saved);
  }
  get(key: string): PromiseLike<string | undefined> {
    return this.call(() => this.values.get(key));
  }
  store(key: string, value: string): PromiseLike<void> {
    return this.call(() => {
      this.values.set(key, value);
      this.saved.clear();
      this.values.forEach((v, k) => this.saved.set(k, v));
    });
  }
  delete(key: string): PromiseLike<void> {
    return this.call(() => {
      this.values.delete(key);
      this.saved.clear();
      this.values.forEach((v, k) => this.saved.set(k, v));
    });
  }
  onDidChange(): { dispose(): void } {
    return { dispose: () => undefined };
  }
  private call<T>(work: () => T): PromiseLike<T> {
    return this.failing ? Promise.reject(new Error('no keyring')) : Promise.resolve(work());
  }
}

interface Window {
  secrets: WindowSecrets;
  revision: TokenRevision;
  setToken(value: string): Promise<void>;
  removeToken(): Promise<void>;
}

function browser(clock: { now: number }) {
  const saved = new Map<string, string>();
  const marks = new SharedMarks();
  const open = (): Window => {
    const secrets = new WindowSecrets(saved);
    const token = new GuardedSecret(TOKEN_KEY, secrets, () => undefined);
    const revision = new TokenRevision(marks, new GuardedSecret(REVISION_KEY, secrets, () => undefined), () => clock.now);
    return {
      secrets,
      revision,
      setToken: (value) => revision.change(true, () => token.write(value)),
      removeToken: () => revision.change(false, () => token.remove()),
    };
  };
  return { saved, marks, open };
}

describe('TokenRevision: another window changing the token', () => {
  it('tells a window whose secret storage is out of date that the token was set elsewhere, until it reloads', async () => {
    const clock = { now: 1_000 };
    const { open } = browser(clock);
    const first = open();
    const second = open();
    assert.equal(await second.revision.judge(), 'none');
    await first.setToken(TOKEN);
    assert.equal(second.revision.markMoved(), true);
    assert.equal(await second.revision.judge(), 'changed');
    assert.equal(second.revision.markMoved(), false, 'judged once, the mark is seen');
    assert.equal(await first.revision.judge(), 'none', 'the window that made the change is current');
    second.secrets.reload();
    assert.equal(await second.revision.judge(), 'none');
    assert.equal(second.secrets.values.get(TOKEN_KEY), TOKEN);
  });

  it('tells it the token was removed elsewhere, and a change it makes itself puts it ahead again', async () => {
    const clock = { now: 5_000 };
    const { open } = browser(clock);
    const first = open();
    await first.setToken(TOKEN);
    const second = open();
    await first.removeToken();
    assert.equal(await second.revision.judge(), 'removed');
    await second.setToken('another-token-0123456789012345678901234');
    assert.equal(await second.revision.judge(), 'none');
    assert.equal(await first.revision.judge(), 'changed');
  });

  it('orders revisions even when the clock steps back', async () => {
    const clock = { now: 9_000 };
    const { open, marks } = browser(clock);
    const first = open();
    await first.setToken(TOKEN);
    clock.now = 10;
    const second = open();
    await second.removeToken();
    const mark = marks.get(MARK_KEY) as { revision: number };
    assert.ok(mark.revision > 9_000, String(mark.revision));
    assert.equal(await first.revision.judge(), 'removed');
  });

  it('keeps nothing of the token in the shared mark: a number and a yes/no', async () => {
    const { open, marks } = browser({ now: 42_000 });
    await open().setToken(TOKEN);
    assert.deepEqual([...marks.values.entries()], [[MARK_KEY, { revision: 42_000, present: true }]]);
  });

  it('reports nothing elsewhere while its own secret storage cannot be read', async () => {
    const { open } = browser({ now: 7_000 });
    const first = open();
    const second = open();
    await first.setToken(TOKEN);
    second.secrets.failing = true;
    assert.equal(await second.revision.judge(), undefined);
  });

  it('writes no mark when the change or its revision failed, so no window is misled', async () => {
    const { open, marks } = browser({ now: 3_000 });
    const first = open();
    const second = open();
    await assert.rejects(first.revision.change(true, () => Promise.reject(new Error('crashed before the token was saved'))));
    assert.equal(marks.get(MARK_KEY), undefined);
    assert.equal(await first.revision.judge(), 'none');
    assert.equal(await second.revision.judge(), 'none');
    first.secrets.failing = true;
    let applied = false;
    await first.revision.change(true, () => {
      applied = true;
      return Promise.resolve();
    });
    assert.equal(applied, true, 'the change itself still runs: its own failure is the one to report');
    assert.equal(marks.get(MARK_KEY), undefined);
  });

  it('a mark that fails to save leaves the change made and reports nothing', async () => {
    const { open, marks } = browser({ now: 4_000 });
    const first = open();
    marks.failing = true;
    await first.setToken(TOKEN);
    assert.equal(first.secrets.values.get(TOKEN_KEY), TOKEN);
    assert.equal(await open().revision.judge(), 'none');
  });

  it('ignores a mark that is not one of its own', async () => {
    for (const value of ['7', { revision: 'soon' }, { revision: Number.NaN, present: true }, null, []]) {
      const { open, marks } = browser({ now: 1 });
      marks.values.set(MARK_KEY, value);
      const window = open();
      assert.equal(await window.revision.judge(), 'none', JSON.stringify(value));
      assert.ok(window.revision.next() >= 1);
    }
  });
});
