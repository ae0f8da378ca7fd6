import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../../src/extension';

export const EXTENSION_ID = 'cfcerts.cloudflare-certificates';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
  };
}

export function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  return JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as Manifest;
}

export async function activateExtension(): Promise<CloudflareCertificatesApi> {
  const extension = vscode.extensions.getExtension<CloudflareCertificatesApi | undefined>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  const api = await extension.activate();
  if (!api) {
    throw new Error(
      `${EXTENSION_ID} returned no test handle: the integration tests must run in an extension-test host (ExtensionMode.Test).`,
    );
  }
  return api;
}
