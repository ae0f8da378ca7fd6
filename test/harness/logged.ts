import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface LoggedOptions {
  logFile: string;
  /** Shown in the progress line, e.g. "code-server install". */
  label: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Add to the log instead of starting it afresh. */
  append?: boolean;
  /** Aborting kills the command's whole process group. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Where the progress goes; a test passes its own. */
  out?: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): boolean };
  /** How often a non-terminal gets a "still running" line. */
  everyMs?: number;
}

/**
 * Runs a noisy installer with its output in a log file and one progress line on the console: the
 * elapsed seconds rewritten in place on a terminal, a line every so often in a CI log. Resolves to
 * the exit code (or -1 when it was stopped, timed out or could not start).
 */
export function runLogged(command: string, args: readonly string[], options: LoggedOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const log = fs.openSync(options.logFile, options.append ? 'a' : 'w');
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  // Its own process group, so stopping it also stops the compilers and scripts it started.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // A runner without signal handlers of its own would die on Ctrl+C and leave the installer running.
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup();
    if (process.listenerCount(signal) === 1) {
      removeSignalHandlers();
      process.kill(process.pid, signal);
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const removeSignalHandlers = () => signals.forEach((signal) => process.off(signal, onSignal));
  signals.forEach((signal) => process.on(signal, onSignal));
  options.signal?.addEventListener('abort', killGroup, { once: true });
  const timeout = options.timeoutMs ? setTimeout(killGroup, options.timeoutMs) : undefined;
  const ticker = out.isTTY
    ? setInterval(() => out.write(`\r  ${options.label}: ${seconds()} s`), 1000)
    : setInterval(() => out.write(`  ${options.label}: still running after ${seconds()} s\n`), options.everyMs ?? 20_000);
  return new Promise((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) {
        return; // 'error' and 'exit' can both arrive
      }
      finished = true;
      clearInterval(ticker);
      clearTimeout(timeout);
      removeSignalHandlers();
      options.signal?.removeEventListener('abort', killGroup);
      const outcome = code === 0 ? 'done' : `failed (${code})`;
      out.write(`${out.isTTY ? '\r' : ''}  ${options.label}: ${outcome} after ${seconds()} s\n`);
      resolve(code);
    };
    child.once('error', () => finish(-1));
    child.once('exit', (code) => finish(code ?? -1));
  });
}

/** The last lines of a log, for the one moment they matter: a failed install. */
export function tailOf(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
