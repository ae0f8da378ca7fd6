import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * The extension-host test entry, with the @vscode/test-electron contract: VS Code calls run() and
 * treats a rejection as failure. The same file serves code-server (runIntegrationTests) and desktop
 * VS Code (runElectronTests).
 */
export async function run(): Promise<void> {
  // Every rejection nobody handled while the suite ran: one from this extension or its tests fails the
  // run (VS Code would write it to the extension-host log as "rejected promise not handled").
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, forbidOnly: true, reporter: 'spec' });
  const grep = process.env.INTEGRATION_GREP;
  if (grep) {
    mocha.grep(grep);
    if (process.env.INTEGRATION_INVERT) {
      mocha.invert();
    }
  }
  for (const file of fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The plain closing line CI reads, whatever the reporter printed above it.
      console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      process.off('unhandledRejection', onUnhandled);
      const ours = unhandled.filter(isOurs);
      for (const reason of ours) {
        console.error('Unhandled rejection from the extension:', reason);
      }
      console.log(
        `unhandled rejections: ${ours.length === 0 ? 1 : 0} passed, ${ours.length === 0 ? 0 : 1} failed (${ours.length} from the extension, ${unhandled.length - ours.length} from others)`,
      );
      if (failures > 0 || ours.length > 0) {
        reject(new Error(`${failures} integration test(s) failed; ${ours.length} unhandled rejection(s).`));
      } else {
        resolve();
      }
    });
  });
}

/** Whether a rejection came from this repository's code (the bundle or the compiled tests). */
function isOurs(reason: unknown): boolean {
  const root = path.resolve(__dirname, '..', '..', '..');
  const stack = reason instanceof Error ? (reason.stack ?? '') : String(reason);
  return stack.includes(root) || /cloudflare|certificate/i.test(stack);
}
