import * as vscode from 'vscode';
import type { EmulatorOptions } from '../../emulator/emulator';
import type { PollTiming } from '../../../src/model/operations/operationContext';
import { startEmulatorSession, type EmulatorSession } from './emulatorSession';
import { ScriptedPrompts } from './scriptedPrompts';

export interface EmulatorSuite {
  readonly session: EmulatorSession;
  /** Fresh for each test: the questions it asked and the messages it showed. */
  readonly prompts: ScriptedPrompts;
}

/**
 * The hooks every operations suite repeats: an emulator session for the suite with short polling,
 * scripted prompts and a clear request log for each test, faults and editors cleared after it.
 */
export function emulatorSuite(
  options: EmulatorOptions,
  pollTiming: PollTiming,
  beforeEachTest?: (suite: EmulatorSuite) => Promise<void> | void,
): EmulatorSuite {
  let session: EmulatorSession | undefined;
  let prompts: ScriptedPrompts | undefined;
  const suite: EmulatorSuite = {
    get session() {
      return session!;
    },
    get prompts() {
      return prompts!;
    },
  };
  before(async () => {
    session = await startEmulatorSession(options);
    session.api.pollTiming = pollTiming;
  });
  beforeEach(async () => {
    prompts = new ScriptedPrompts(session!.api);
    await beforeEachTest?.(suite);
    session!.emulator.log.clear();
  });
  afterEach(async () => {
    prompts?.restore();
    session?.emulator.faults.clear();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await session?.stop();
  });
  return suite;
}
