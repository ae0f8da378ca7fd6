import * as vscode from 'vscode';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/emulator';
import type { CloudflareCertificatesApi } from '../../../src/extension';
import { activateExtension } from './extension';

/**
 * An emulator started inside the extension host for one suite, with the extension pointed at it
 * (user setting) and holding a token. stop() puts everything back.
 */
export interface EmulatorSession {
  readonly api: CloudflareCertificatesApi;
  readonly emulator: Emulator;
  /** GET through the emulator's public API, the way any client sees it. */
  get<T>(path: string, token?: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startEmulatorSession(options: EmulatorOptions = {}, token = 'demo-token'): Promise<EmulatorSession> {
  const api = await activateExtension();
  // Each suite is a Cloudflare account of its own: it starts with the whole rate-limit budget, as a
  // new token would, rather than what the suites before it (and their background scans) left of it.
  api.clients.limiter.setWindow(1_100);
  const emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: 200, ...options });
  const config = vscode.workspace.getConfiguration('cloudflareCertificates');
  await config.update('apiBaseUrl', emulator.baseUrl, vscode.ConfigurationTarget.Global);
  // The expiry watch's notifications are tested on their own; elsewhere they would be messages no test expects.
  await config.update('expiryCheckIntervalHours', 0, vscode.ConfigurationTarget.Global);
  // The token's change event reaches the extension a moment after set() (in code-server the secret is
  // stored by the browser); its handler then reloads everything. Wait for that reload, so it cannot
  // land in the middle of the suite's first test and empty the data that test is counting.
  const handled = new Promise<void>((resolve) => {
    let changed = false;
    const subscriptions = [
      api.tokens.onDidChange(() => {
        changed = true;
      }),
      api.data.onDidChange((change) => {
        if (changed && change.cause === 'reload' && change.zoneId === undefined) {
          done();
        }
      }),
    ];
    const fallback = setTimeout(() => done(), 5_000);
    function done(): void {
      clearTimeout(fallback);
      subscriptions.forEach((subscription) => subscription.dispose());
      resolve();
    }
  });
  await api.tokens.set(token);
  await handled;
  api.tree.reloadAll();
  return {
    api,
    emulator,
    get: async <T>(path: string, as = token) => {
      const response = await fetch(`${emulator.baseUrl}${path}`, { headers: { Authorization: `Bearer ${as}` } });
      const body = (await response.json()) as { result: T };
      return body.result;
    },
    stop: async () => {
      await api.tokens.clear();
      await config.update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
      await config.update('expiryCheckIntervalHours', undefined, vscode.ConfigurationTarget.Global);
      await emulator.close();
    },
  };
}

/** Waits until check() returns a value (not undefined), or fails after timeoutMs saying what it waited for. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    // A poll interval, not a wait for time to pass: the condition is asked again.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
