import * as fs from 'node:fs';
import * as path from 'node:path';

/** What VS Code's extension host writes when a promise rejection goes unhandled. */
const UNHANDLED = /rejected promise not handled|unhandled(Rejection| promise rejection)/i;

/** Every extension-host log file under a code-server data folder. */
export function extensionHostLogs(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/exthost/i.test(path.relative(dataDir, full)) && entry.name.endsWith('.log')) {
        found.push(full);
      }
    }
  };
  if (fs.existsSync(dataDir)) {
    walk(dataDir);
  }
  return found;
}

/** Unhandled-rejection entries of the extension-host logs (with their stack lines) that mention a marker. */
export function unhandledRejectionLines(dataDir: string, markers: readonly string[]): string[] {
  return extensionHostLogs(dataDir).flatMap((file) => {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((line, index) => {
      if (!UNHANDLED.test(line)) {
        return [];
      }
      // An entry runs until the next line that starts with a timestamp.
      const end = lines.findIndex((next, at) => at > index && /^\d{4}-\d{2}-\d{2}/.test(next));
      const entry = lines.slice(index, end === -1 ? undefined : end).join('\n');
      return markers.some((marker) => entry.includes(marker)) ? [line] : [];
    });
  });
}
