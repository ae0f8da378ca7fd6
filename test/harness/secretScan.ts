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

export interface ScanOptions {
  /** Only files changed at or after this time (ms since the epoch): for shared folders such as /tmp. */
  readonly modifiedSince?: number;
  /** Paths left out, with everything under them. */
  readonly exclude?: readonly (string | RegExp)[];
}

export function scanForSecrets(roots: readonly string[], options: ScanOptions = {}): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const excluded = (file: string) =>
    (options.exclude ?? []).some((rule) =>
      typeof rule === 'string' ? file === rule || file.startsWith(`${rule}${path.sep}`) : rule.test(file),
    );
  const visit = (file: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      return;
    }
    if (excluded(file)) {
      return;
    }
    if (stat.isDirectory()) {
      let entries: string[] = [];
      try {
        entries = fs.readdirSync(file);
      } catch {
        return;
      }
      for (const entry of entries) {
        visit(path.join(file, entry));
      }
      return;
    }
    if (!stat.isFile() || stat.size > 20 * 1024 * 1024 || SKIPPED.some((part) => file.includes(part))) {
      return;
    }
    if (options.modifiedSince !== undefined && stat.mtimeMs < options.modifiedSince) {
      return;
    }
    let text: string;
    try {
      text = fs.readFileSync(file).toString('latin1');
    } catch {
      return;
    }
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
