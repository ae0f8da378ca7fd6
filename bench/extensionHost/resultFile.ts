import * as path from 'node:path';

/** Where hostProbe (inside the extension host) leaves its figures for the outer runner. */
export const RESULT_FILE = path.resolve(__dirname, '..', '..', '..', '.cache', 'bench', 'extension-host.json');
