import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What VS Code's extension host writes when a promise rejection goes unhandled: a warning, then the
 * reason's stack in a message of its own ("stack trace: …").
 */
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

/** A log file as messages: each starts at a line with a timestamp and runs until the next one. */
export function logMessages(file: string): string[] {
  const messages: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (/^\d{4}-\d{2}-\d{2}/.test(line) || messages.length === 0) {
      messages.push(line);
    } else {
      messages[messages.length - 1] += `\n${line}`;
    }
  }
  return messages;
}

/**
 * The unhandled-rejection reports among messages (from a log file, or the extension host's console as
 * the workbench forwards it) whose text or stack mentions one of the markers.
 */
export function unhandledRejections(messages: readonly string[], markers: readonly string[]): string[] {
  return messages.flatMap((message, index) => {
    if (!UNHANDLED.test(message)) {
      return [];
    }
    const next = messages[index + 1] ?? '';
    const entry = /stack trace:/.test(next) ? `${message}\n${next}` : message;
    return markers.some((marker) => entry.includes(marker)) ? [message.split('\n')[0]] : [];
  });
}
