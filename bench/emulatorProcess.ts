import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../test/harness/codeServer';
import { EmulatorControl } from './fullScan';

const ROOT = path.resolve(__dirname, '..', '..');

export interface EmulatorScale {
  readonly zones: number;
  readonly certificatesPerZone: number;
  readonly associationsPerCertificate: number;
  readonly customHostnamesPerZone: number;
}

/**
 * The emulator in its own process, seeded at `scale`, so the client's CPU time and event loop are
 * measured without the emulator's share in them.
 */
export async function startEmulatorProcess(
  scale: EmulatorScale,
  latencyMs: number,
): Promise<{ control: EmulatorControl; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'out', 'test', 'emulator', 'main.js'),
      '--port',
      String(port),
      '--scale',
      [scale.zones, scale.certificatesPerZone, scale.associationsPerCertificate, scale.customHostnamesPerZone].join(','),
      '--latency',
      String(latencyMs),
      // The SDK's walk alone makes ~2,600 requests: above Cloudflare's 1,200 per 5 minutes. The
      // benchmark compares walking speed, so the emulator's rate limit is lifted for both.
      '--rate-limit',
      '10000000',
      '--no-validate',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/client\/v4)/.exec(chunk.toString());
      if (match) {
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  return { control: new EmulatorControl(baseUrl), stop: () => child.kill('SIGTERM') };
}
