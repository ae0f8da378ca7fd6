import * as path from 'node:path';

/** Where hostProbe (inside the extension host) leaves its figures for the outer runner. */
export const RESULT_FILE = path.resolve(__dirname, '..', '..', '..', '.cache', 'bench', 'extension-host.json');

/** Written by the outer runner before each sample: whether the empty extension is activated second (after ours) this time. */
export const ORDER_FILE = path.resolve(__dirname, '..', '..', '..', '.cache', 'bench', 'extension-host-order.json');

/** BENCH_PROFILE=1: the CPU profile of our activation in the last sample. */
export const PROFILE_FILE = path.resolve(__dirname, '..', '..', '..', '.cache', 'bench', 'our-activation.cpuprofile');
