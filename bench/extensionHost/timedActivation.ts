import type * as vscode from 'vscode';
import { waitForQuiet } from '../quietMachine';

export interface ActivationTiming {
  /** Wall time of extension.activate(), as a caller of the API sees it. */
  readonly ms: number;
  /** The extension host's CPU time meanwhile (every thread of the process). */
  readonly cpuMs: number;
  /** VS Code's own marks around require() of the main module and the activate() call (1 ms resolution). */
  readonly codeLoadingMs?: number;
  readonly activateCallMs?: number;
  /** The host's CPU time from activate() resolving until its event loop is quiet again: work left behind (firstUse's not counted). */
  readonly afterCpuMs: number;
  /** firstUse, timed: called as soon as activate() resolves, before anything the activation started can answer. */
  readonly firstUseMs?: number;
  readonly firstUseCpuMs?: number;
  readonly value?: unknown;
}

interface PerformanceMarks {
  getMarks(): { name: string; startTime: number }[];
}

/** The extension host keeps its performance marks (Date.now() based) on this global. */
function markTime(name: string): number | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks;
  return marks
    ?.getMarks()
    .filter((mark) => mark.name === name)
    .pop()?.startTime;
}

function between(id: string, from: string, to: string): number | undefined {
  const start = markTime(`code/extHost/${from}/${id}`);
  const end = markTime(`code/extHost/${to}/${id}`);
  return start === undefined || end === undefined ? undefined : end - start;
}

/**
 * Times extension.activate(), then waits until the host's event loop is quiet again, so that what
 * an activation leaves behind (its own timers and VS Code's bookkeeping in the host and the
 * workbench) is counted for it, not added to the next activation timed.
 */
export async function timedActivation(
  extension: vscode.Extension<unknown>,
  id: string,
  firstUse?: (value: unknown) => void,
): Promise<ActivationTiming> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await extension.activate();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const use = firstUse && timed(() => firstUse(value));
  await waitForQuiet({ busyBelow: 0.3, loopBusyBelow: 0.05, windowMs: 100, maxWaitMs: 10_000 });
  const after = process.cpuUsage(cpu);
  return {
    ms,
    cpuMs,
    codeLoadingMs: between(id, 'willLoadExtensionCode', 'didLoadExtensionCode'),
    activateCallMs: between(id, 'willActivateExtension', 'didActivateExtension'),
    afterCpuMs: (after.user + after.system) / 1000 - cpuMs - (use?.cpuMs ?? 0),
    firstUseMs: use?.ms,
    firstUseCpuMs: use?.cpuMs,
    value,
  };
}

function timed(run: () => void): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}
