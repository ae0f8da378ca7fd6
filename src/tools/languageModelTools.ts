import * as vscode from 'vscode';
import { expiryWindow } from '../config/settings';
import type { ExtensionServices } from '../extensionServices';
import { StoppedError } from '../model/operations/operationContext';
import { describeError } from '../format/describeError';
import { MATCHES_PER_ZONE, zonesToSearch } from '../model/hostnameSearch';
import { checkPem, describeCertificate, hostnameMatchesText, listExpiring, type ReadToolContext } from './readTools';
import { planRotation } from './rotatePlan';
import { checkInput, quoted } from './toolText';
import { ToolName } from './toolNames';

type ToolServices = Pick<ExtensionServices, 'account' | 'operations' | 'prompts' | 'log' | 'clients'>;

const text = (value: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);

function readContext(services: ToolServices): ReadToolContext {
  return { account: services.account, now: new Date(), warningDays: expiryWindow().warningDays };
}

/** A workspace file named by the agent: relative to a workspace folder, or absolute inside one; nothing outside. */
async function readWorkspaceFile(file: string): Promise<{ uri: vscode.Uri; text: string } | string> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const candidates = file.startsWith('/') ? [vscode.Uri.file(file)] : folders.map((folder) => vscode.Uri.joinPath(folder.uri, file));
  for (const uri of candidates) {
    if (!folders.some((folder) => uri.path === folder.uri.path || uri.path.startsWith(`${folder.uri.path}/`))) {
      return `${quoted(file)} is outside the workspace; only workspace files are read.`;
    }
    try {
      return { uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
    } catch {
      // Try the next folder.
    }
  }
  return `${quoted(file)} was not found in the workspace.`;
}

/** The key beside a certificate file: the same name with .key, as the upload command looks. */
async function keyBeside(uri: vscode.Uri): Promise<string | undefined> {
  const keyUri = uri.with({ path: uri.path.replace(/\.(pem|crt|cer)$/i, '.key') });
  if (keyUri.path === uri.path) {
    return undefined;
  }
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(keyUri));
  } catch {
    return undefined;
  }
}

async function rotationPlan(services: ToolServices, input: { certificate: string; file: string }) {
  const file = await readWorkspaceFile(input.file);
  if (typeof file === 'string') {
    return { ok: false as const, refusal: `${file} Nothing was sent.` };
  }
  const keyText = /PRIVATE KEY-----/.test(file.text) ? undefined : await keyBeside(file.uri);
  return planRotation(services.account, input, { certificateText: file.text, keyText }, new Date());
}

/**
 * The extension's language-model tools, by name: four that only read (what the account model knows,
 * or GETs), and one that rotates a client certificate after the person confirms. Each validates its
 * input and answers a refusal in words an agent can relay. Activation registers the names (src/main.ts).
 */
export function languageModelTools(services: ToolServices): Record<ToolName, vscode.LanguageModelTool<never>> {
  const checked = <T>(
    fields: Parameters<typeof checkInput>[1],
    run: (input: T, token: vscode.CancellationToken, options: vscode.LanguageModelToolInvocationOptions<T>) => Promise<string> | string,
  ) => ({
    invoke: async (options: vscode.LanguageModelToolInvocationOptions<T>, token: vscode.CancellationToken) => {
      const problem = checkInput(options.input, fields);
      if (problem) {
        return text(`Invalid input: ${problem}`);
      }
      await services.account.settled();
      try {
        return text(await run(options.input, token, options));
      } catch (error) {
        if (error instanceof StoppedError) {
          return text(error.message);
        }
        return text(`Failed: ${describeError(error)}`);
      }
    },
  });

  return {
    [ToolName.listExpiring]: checked<{ withinDays?: number }>({ withinDays: 'optional number' }, (input) =>
      listExpiring(readContext(services), input.withinDays ?? expiryWindow().warningDays),
    ),
    [ToolName.describeCertificate]: checked<{ query: string }>({ query: 'string' }, (input) =>
      describeCertificate(readContext(services), input.query),
    ),
    [ToolName.findCustomHostname]: checked<{ hostname?: string; sslStatus?: string }>(
      { hostname: 'optional string', sslStatus: 'optional string' },
      async (input, token) => {
        if (!input.hostname && !input.sslStatus) {
          return 'Invalid input: give "hostname" (part of a name) or "sslStatus", or both.';
        }
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort());
        try {
          // On the server (GET only), one request per zone that may have custom hostnames.
          const zones = zonesToSearch(await services.account.zones(), services.account.data.loaded().customHostnames);
          const client = await services.clients.client();
          const search = {
            hostname: input.hostname ? { match: 'contain' as const, value: input.hostname } : undefined,
            sslStatus: input.sslStatus,
          };
          const answers = await Promise.allSettled(
            zones.map((zone) => client.searchCustomHostnames(zone.id, search, 1, MATCHES_PER_ZONE, controller.signal)),
          );
          const matches = answers.flatMap((answer, index) =>
            answer.status === 'fulfilled' ? answer.value.items.map((hostname) => ({ zone: zones[index], hostname })) : [],
          );
          const total = answers.reduce(
            (sum, answer) =>
              sum + (answer.status === 'fulfilled' ? (answer.value.resultInfo?.total_count ?? answer.value.items.length) : 0),
            0,
          );
          const failedZones = zones.filter((_, index) => answers[index].status === 'rejected');
          return hostnameMatchesText(readContext(services), input, { matches, total, failedZones });
        } finally {
          listener.dispose();
        }
      },
    ),
    [ToolName.checkPem]: checked<{ file: string; startLine?: number; endLine?: number }>(
      { file: 'string', startLine: 'optional number', endLine: 'optional number' },
      async (input) => {
        const file = await readWorkspaceFile(input.file);
        if (typeof file === 'string') {
          return file;
        }
        const range = input.startLine !== undefined ? lineRange(file.text, input.startLine, input.endLine ?? input.startLine) : undefined;
        return checkPem(readContext(services), input.file, file.text, range);
      },
    ),
    [ToolName.rotateCertificate]: {
      prepareInvocation: async (options: vscode.LanguageModelToolInvocationPrepareOptions<{ certificate: string; file: string }>) => {
        if (checkInput(options.input, { certificate: 'string', file: 'string' })) {
          return { invocationMessage: vscode.l10n.t('Checking the rotation input') };
        }
        await services.account.settled();
        const plan = await rotationPlan(services, options.input);
        // Nothing is sent before the person confirms; a refusal needs no confirmation, it sends nothing.
        return plan.ok
          ? { invocationMessage: vscode.l10n.t('Rotating {0}', plan.oldLabel), confirmationMessages: plan.confirmation }
          : { invocationMessage: vscode.l10n.t('Checking the rotation (refused, nothing sent)') };
      },
      ...checked<{ certificate: string; file: string }>({ certificate: 'string', file: 'string' }, async (input, token, options) => {
        const plan = await rotationPlan(services, input);
        if (!plan.ok) {
          return plan.refusal;
        }
        // In a chat the person confirmed prepareInvocation's message; called outside one, the same
        // modal as the command asks here.
        if (options.toolInvocationToken === undefined) {
          const rotate = 'Rotate';
          if ((await services.prompts.confirm(plan.confirmation.title, plan.confirmation.message, rotate)) !== rotate) {
            return 'The person declined the rotation. Nothing was sent.';
          }
        }
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort());
        try {
          const outcome = await services.operations.rotateClientCertificate(plan.target, plan.replacement, { signal: controller.signal });
          const moved = outcome.moved.length;
          return outcome.complete
            ? `Rotated: ${moved} hostname${moved === 1 ? '' : 's'} moved to ${quoted(plan.replacement.name)} (id ${quoted(outcome.newCertificate.id)}), each active on it. The old certificate (id ${quoted(plan.target.oldCertificateId)}) is kept and used by no hostname; delete it in the Certificates view when ready.`
            : `Rotation incomplete: ${moved} of ${plan.hostnames.length} hostnames on ${quoted(plan.replacement.name)}; ${outcome.stillOnOld.length} still on the old certificate. It is resumable: Finish Rotation on the old certificate in the Certificates view, or run this tool again.`;
        } finally {
          listener.dispose();
        }
      }),
    },
  };
}

/** Offsets of whole lines startLine..endLine (1-based), for checkPem's optional range. */
function lineRange(textOf: string, startLine: number, endLine: number): { start: number; end: number } {
  const starts = [0];
  for (let index = textOf.indexOf('\n'); index >= 0; index = textOf.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  const start = starts[Math.max(0, Math.min(starts.length - 1, startLine - 1))];
  const end = starts[Math.min(starts.length - 1, Math.max(0, endLine))] ?? textOf.length;
  return { start, end };
}
