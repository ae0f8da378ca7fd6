import * as vscode from 'vscode';
import type { FileReader, OpenDocuments, UploadIo } from '../../model/upload/uploadIo';
import { planUpload, type UploadOptions, type UploadPlan, type UploadStart } from '../../model/upload/uploadPlanner';
import type { Prompts } from '../../ui/prompts';
import { promptUploadQuestions } from './promptUploadQuestions';

/** Locations are URI strings: what a document's `uri.toString()` gives, so the two compare equal. */
const uriOf = (location: string) => vscode.Uri.parse(location, true);

const workspaceFiles: FileReader = {
  nameOf: (location) => uriOf(location).path.split('/').pop() ?? location,
  beside: (location, fileName) => vscode.Uri.joinPath(uriOf(location), '..', fileName).toString(),
  size: async (location) => (await vscode.workspace.fs.stat(uriOf(location))).size,
  read: async (location) => vscode.workspace.fs.readFile(uriOf(location)),
};

const openDocuments: OpenDocuments = {
  textAt: (location) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === location)?.getText(),
  all: () =>
    vscode.workspace.textDocuments
      .filter((document) => document.uri.scheme !== 'output')
      .map((document) => ({ location: document.uri.toString(), text: document.getText() })),
};

/** The upload planner's files, open editors and questions, through the VS Code API. */
export function workspaceUploadIo(prompts: Prompts): UploadIo {
  return { files: workspaceFiles, documents: openDocuments, questions: promptUploadQuestions(prompts) };
}

/** The upload's pre-flight with this window's files, editors and questions. */
export function planWorkspaceUpload(prompts: Prompts, start: UploadStart, options: UploadOptions): Promise<UploadPlan | undefined> {
  return planUpload(workspaceUploadIo(prompts), start, options);
}
