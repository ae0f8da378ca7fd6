import * as vscode from 'vscode';
import { redact } from './redact';

/** The extension's log: a LogOutputChannel whose every line passes through redact() first. */
export class Logger implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private secrets: readonly string[] = [];
  private errors = 0;

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Values to scrub from every line even if they do not look like a token (the current token). */
  setKnownSecrets(secrets: readonly (string | undefined)[]): void {
    this.secrets = secrets.filter((secret): secret is string => Boolean(secret));
  }

  info(message: string): void {
    this.channel.info(redact(message, this.secrets));
  }

  warn(message: string): void {
    this.channel.warn(redact(message, this.secrets));
  }

  /** Errors logged so far: the soak test checks that faults it injects log none. */
  get errorCount(): number {
    return this.errors;
  }

  error(message: string): void {
    this.errors += 1;
    this.channel.error(redact(message, this.secrets));
  }

  debug(message: string): void {
    this.channel.debug(redact(message, this.secrets));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
