import { ContractValidator } from '../contract/openapiValidator';
import { startEmulator } from './emulator';

/**
 * `npm run emulator -- --port 8787 [--seed demo|empty] [--scale Z,C,A,H] [--latency MS] [--transition MS]
 * [--association-transition MS] [--rate-limit N] [--empty-lists-null] [--no-zone-conflicts] [--no-validate]`: the emulator on its own, on 127.0.0.1, validating every request and
 * answer against Cloudflare's schema unless told not to (benchmarks measure the client, not ajv).
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const seed = (option('seed') ?? 'demo') as 'demo' | 'empty';
  if (seed !== 'demo' && seed !== 'empty') {
    throw new Error(`--seed must be demo or empty, not ${seed}`);
  }
  const scale = option('scale')?.split(',').map(Number);
  if (scale && (scale.length !== 4 || scale.some((value) => !Number.isInteger(value) || value < 0))) {
    throw new Error('--scale takes zones,certificatesPerZone,associationsPerCertificate,customHostnamesPerZone');
  }
  const validator = process.argv.includes('--no-validate') ? undefined : new ContractValidator();
  const rateLimit = option('rate-limit');
  const emulator = await startEmulator({
    port: Number(option('port') ?? 8787),
    seed: scale
      ? { zones: scale[0], certificatesPerZone: scale[1], associationsPerCertificate: scale[2], customHostnamesPerZone: scale[3] }
      : seed,
    rateLimit: rateLimit ? { requests: Number(rateLimit), windowMs: 300_000 } : undefined,
    latencyMs: Number(option('latency') ?? 0),
    transitionMs: option('transition') ? Number(option('transition')) : undefined,
    associationTransitionMs: option('association-transition') ? Number(option('association-transition')) : undefined,
    emptyListsAsNull: process.argv.includes('--empty-lists-null'),
    zoneWriteConflicts: !process.argv.includes('--no-zone-conflicts'),
    validator,
  });
  console.log(`Cloudflare API emulator (${scale ? `scale ${scale.join(',')}` : seed} seed) at ${emulator.baseUrl}`);
  console.log('Tokens: demo-token (every permission), demo-readonly-token (read only), demo-account-token (account-owned)');
  console.log(`Control: ${emulator.baseUrl.replace('/client/v4', '')}/__emulator/{faults,log,stats,reset,state,quirks,associations}`);
  let reported = 0;
  const timer = setInterval(() => {
    for (const violation of emulator.contractViolations.slice(reported)) {
      console.warn(
        `Contract violation: ${violation.kind} ${violation.method} ${violation.template} ${violation.status ?? ''}: ${violation.errors}`,
      );
    }
    reported = emulator.contractViolations.length;
  }, 1000);
  const stop = () => {
    clearInterval(timer);
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
