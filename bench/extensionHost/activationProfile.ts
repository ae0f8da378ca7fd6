import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';

/**
 * BENCH_PROFILE=1: a CPU profile of whatever `run` does, written beside the results for Chrome's
 * DevTools or `node --cpu-prof`-style tools. Off by default: the profiler slows what it watches.
 */
export async function profiled<T>(file: string, run: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_PROFILE) {
    return run();
  }
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
