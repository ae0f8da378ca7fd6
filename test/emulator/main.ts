import { ContractValidator } from '../contract/openapiValidator';
import { startEmulator } from './emulator';

/**
 * `npm run emulator -- --port 8787 [--seed demo|empty] [--latency MS] [--transition MS]`: the emulator
 * on its own, on 127.0.0.1, validating every request and answer against Cloudflare's schema.
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
  const validator = new ContractValidator();
  const emulator = await startEmulator({
    port: Number(option('port') ?? 8787),
    seed,
    latencyMs: Number(option('latency') ?? 0),
    transitionMs: option('transition') ? Number(option('transition')) : undefined,
    validator,
  });
  console.log(`Cloudflare API emulator (${seed} seed) at ${emulator.baseUrl}`);
  console.log('Tokens: demo-token (every permission), demo-readonly-token (read only), demo-account-token (account-owned)');
  console.log(`Control: ${emulator.baseUrl.replace('/client/v4', '')}/__emulator/{faults,log,stats,reset,state}`);
  let reported = 0;
  const timer = setInterval(() => {
    for (const violation of emulator.contractViolations.slice(reported)) {
      console.warn(`Contract violation: ${violation.kind} ${violation.method} ${violation.template} ${violation.status ?? ''}: ${violation.errors}`);
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
