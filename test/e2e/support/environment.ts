import type { Emulator } from '../../emulator/emulator';

/** What the browser-test runner started, for the test files it loads into the same process. */
export interface BrowserTestEnvironment {
  readonly workbenchUrl: string;
  readonly folder: string;
  readonly emulator: Emulator;
  readonly userDataDir: string;
  /** The second, unrelated extension installed beside ours, and the file its report lands in. */
  readonly probe?: { readonly id: string; readonly commandTitle: string; readonly reportFile: string };
}

let current: BrowserTestEnvironment | undefined;

export function setBrowserTestEnvironment(environment: BrowserTestEnvironment): void {
  current = environment;
}

export function browserTestEnvironment(): BrowserTestEnvironment {
  if (!current) {
    throw new Error('Browser tests run through out/test/harness/runBrowserTests.js (npm run test:e2e).');
  }
  return current;
}
