import { browserTestEnvironment } from './environment';
import { WorkbenchPage } from './workbenchPage';

export interface WorkbenchSessionOptions {
  /** Runs before the page opens, with the workspace folder: files a person would already have. */
  readonly prepare?: (folder: string) => Promise<void> | void;
  /** Runs once the token is set. */
  readonly afterToken?: (workbench: WorkbenchPage) => Promise<void>;
  /** Runs before the page closes: settings a suite changed are put back while the page can still do it. */
  readonly beforeClose?: (workbench: WorkbenchPage) => Promise<void>;
}

/**
 * One workbench for a describe block, signed in with the demo token: opened before its tests, a
 * screenshot of any failed test, closed after. Returns a getter, since the page exists only once the
 * `before` hook has run.
 */
export function workbenchWithToken(options: WorkbenchSessionOptions = {}): () => WorkbenchPage {
  let workbench: WorkbenchPage | undefined;

  before(async () => {
    const environment = browserTestEnvironment();
    await options.prepare?.(environment.folder);
    workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder);
    await workbench.setToken('demo-token');
    await options.afterToken?.(workbench);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await workbench.screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
    }
  });

  after(async () => {
    if (workbench) {
      await options.beforeClose?.(workbench);
      await workbench.close();
    }
  });

  return () => {
    if (!workbench) {
      throw new Error('The workbench opens in the before hook: use it inside a test.');
    }
    return workbench;
  };
}
