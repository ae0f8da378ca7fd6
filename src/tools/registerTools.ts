import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { ToolImplementations } from './toolImplementations';

export type ToolServices = Pick<ExtensionServices, 'account' | 'operations' | 'prompts' | 'log' | 'clients'>;

/** The tool names, as package.json's languageModelTools declares them. */
export const ToolName = {
  listExpiring: 'cloudflareCertificates_listExpiring',
  describeCertificate: 'cloudflareCertificates_describeCertificate',
  findCustomHostname: 'cloudflareCertificates_findCustomHostname',
  checkPem: 'cloudflareCertificates_checkPem',
  rotateCertificate: 'cloudflareCertificates_rotateCertificate',
} as const;

export type ToolNameValue = (typeof ToolName)[keyof typeof ToolName];

/**
 * Registers the extension's language-model tools (toolImplementations.ts says what each does). The
 * registration is all activation pays: the implementations are imported on the first call of any
 * tool, which esbuild's lazy initialiser makes the first time that code runs.
 */
export function registerTools(services: ToolServices): vscode.Disposable[] {
  let loaded: Promise<ToolImplementations> | undefined;
  const implementation = async (name: ToolNameValue) =>
    (await (loaded ??= import('./toolImplementations.js').then((module) => module.toolImplementations(services))))[name];
  const register = (name: ToolNameValue, prepares = false) =>
    vscode.lm.registerTool<never>(name, {
      invoke: async (options, token) => (await implementation(name)).invoke(options, token),
      // Only a tool that has its own invocation message answers here, as when it was registered whole.
      ...(prepares && {
        prepareInvocation: async (options, token) => (await implementation(name)).prepareInvocation?.(options, token),
      }),
    });
  return [
    register(ToolName.listExpiring),
    register(ToolName.describeCertificate),
    register(ToolName.findCustomHostname),
    register(ToolName.checkPem),
    register(ToolName.rotateCertificate, true),
  ];
}
