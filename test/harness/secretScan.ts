import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Looks for secrets written to disk: PEM private keys and the API tokens the tests used. Run over
 * code-server's user-data, log and XDG folders after the integration suite (the workspace folder,
 * where the tests themselves put key files as a user would, is not part of it).
 */
export interface SecretFinding {
  readonly file: string;
  readonly what: string;
}

const TOKENS = ['demo-token', 'demo-readonly-token', 'demo-account-token', 'short-lived-token-0123456789', 'not-a-real-token-0123456789'];
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\\n[A-Za-z0-9+/]{64}\\n.*PRIVATE KEY/;
/**
 * VS Code's own copies of the user's documents: backups of untitled buffers and the Local History of
 * workspace files the tests edited. They hold what the user typed or saved, not what we wrote.
 */
const SKIPPED = [`${path.sep}Backups${path.sep}`, `${path.sep}User${path.sep}History${path.sep}`];

export function scanForSecrets(roots: readonly string[]): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const visit = (file: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) {
        visit(path.join(file, entry));
      }
      return;
    }
    if (!stat.isFile() || stat.size > 20 * 1024 * 1024 || SKIPPED.some((part) => file.includes(part))) {
      return;
    }
    const text = fs.readFileSync(file).toString('latin1');
    if (PRIVATE_KEY.test(text)) {
      findings.push({ file, what: 'a private key' });
    }
    for (const token of TOKENS) {
      if (text.includes(token)) {
        findings.push({ file, what: `the token "${token.slice(0, 4)}…"` });
      }
    }
  };
  roots.forEach(visit);
  return findings;
}
