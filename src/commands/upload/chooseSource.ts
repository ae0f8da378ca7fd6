import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import { hasPemBlock } from '../../x509/pemBlocks';
import { sourceFromEditor, sourceFromFile, type PemSource } from './pemSource';

/** Where the new certificate is: the PEM in the editor (when there is one), or a file. */
export async function chooseSource(services: Pick<ExtensionServices, 'prompts'>, title: string): Promise<PemSource | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor && hasPemBlock(editor.document.getText())) {
    const fromEditor = `From the editor: ${editor.document.uri.path.split('/').pop()}`;
    const picked = await services.prompts.quickPick([{ label: fromEditor }, { label: 'From a file…' }], {
      title,
      placeHolder: 'Where is the new certificate?',
    });
    if (!picked) {
      return undefined;
    }
    if (picked.label === fromEditor) {
      return sourceFromEditor(undefined);
    }
  }
  return sourceFromFile(services.prompts, undefined, title);
}
