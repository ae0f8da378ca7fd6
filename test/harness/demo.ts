import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../emulator/emulator';
import { freePort, REPO_ROOT, startCodeServer } from './codeServer';
import { createDemoWorkspace } from './demoWorkspace';

/**
 * `npm run demo`: the emulator with its demo seed and code-server with the packaged extension pointed
 * at it, both on 127.0.0.1. Prints the URL and the demo tokens, and runs until Ctrl+C.
 */
async function main(): Promise<void> {
  const vsix = path.join(REPO_ROOT, 'out', 'cloudflare-certificates.vsix');
  const emulatorPort = Number(process.env.DEMO_EMULATOR_PORT ?? 0) || (await freePort());
  const workbenchPort = Number(process.env.DEMO_PORT ?? 0) || (await freePort());
  const emulator = await startEmulator({ port: emulatorPort, seed: 'demo' });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-demo-'));
  await createDemoWorkspace(folder);
  const server = await startCodeServer({
    folder,
    vsix,
    port: workbenchPort,
    settings: { 'cloudflareCertificates.apiBaseUrl': emulator.baseUrl },
  });
  console.log(`
Cloudflare Certificates demo
  Workbench:  ${server.url}/?folder=${encodeURIComponent(folder)}
  Emulator:   ${emulator.baseUrl}
  Tokens:     demo-token (every permission), demo-readonly-token (read only)

Open the workbench, click "Cloudflare Certificates" in the activity bar, then "Set API Token" and paste demo-token.
Press Ctrl+C to stop.`);
  const stop = async () => {
    await server.stop();
    await emulator.close();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
