import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', '..', 'src');

/**
 * Calls whose string arguments a person reads: messages, questions, progress titles and steps, pick
 * titles, tree rows, and the model's refusals and upload problems (`refusal`, `fail`).
 */
const SAID = new Set([
  'info',
  'warning',
  'error',
  'confirm',
  'confirmRisky',
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'withOperationProgress',
  'pickZone',
  'pickCertificate',
  'chooseSource',
  'onProgress',
  'say',
  'refusal',
  'fail',
  'TreeItem',
]);

/** Fields whose text a person reads, set in an object literal or assigned (`item.tooltip = …`). */
const SHOWN = new Set(['message', 'detail', 'title', 'text', 'tooltip', 'description', 'placeHolder', 'prompt', 'proceed', 'cancel']);

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const callee = node.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
}

/** A literal with words in it, as a person would read it (not an id, a code or a path). */
function isWords(node: ts.Node): node is ts.StringLiteralLike | ts.TemplateExpression {
  const text = ts.isTemplateExpression(node)
    ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
    : ts.isStringLiteralLike(node)
      ? node.text
      : '';
  return /[A-Za-z]{2,}\s+[A-Za-z]/.test(text);
}

/** Literal sentences handed to a person without vscode.l10n.t / l10n.t, as "file:line text". */
export function unlocalizedSentences(file: string, source: string): string[] {
  const found: string[] = [];
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const report = (text: ts.Node) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(text.getStart());
    found.push(`${file}:${line + 1} ${text.getText().slice(0, 80)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && SHOWN.has(node.name.getText()) && isWords(node.initializer)) {
      report(node.initializer);
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      SHOWN.has(node.left.name.text) &&
      isWords(node.right)
    ) {
      report(node.right);
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !/(^|\.)log\./.test(node.expression.getText())) {
      const name = calleeName(node);
      if (SAID.has(name) || (ts.isNewExpression(node) && /Error$/.test(name))) {
        for (const argument of node.arguments ?? []) {
          if (isWords(argument)) {
            report(argument);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('code localization', () => {
  it('hands every message, question, error and progress title in src/ to a person through l10n.t', () => {
    const files = fs
      .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .map((name) => name.split(path.sep).join('/'))
      .filter((name) => name.endsWith('.ts'));
    const found = files.flatMap((name) => unlocalizedSentences(name, fs.readFileSync(path.join(SRC, name), 'utf8')));
    assert.deepEqual(found, [], found.join('\n'));
  });

  it('finds a sentence typed into a message or an error, and passes one that goes through l10n.t', () => {
    const source = [
      'void prompts.error(`Deleted ${name} from the zone.`);',
      "throw new UserError('Choose a certificate first.');",
      "void prompts.info(vscode.l10n.t('Deleted {0}.', name));",
      "log.info('Request budget spent again.');",
    ].join('\n');
    assert.deepEqual(unlocalizedSentences('x.ts', source), [
      'x.ts:1 `Deleted ${name} from the zone.`',
      "x.ts:2 'Choose a certificate first.'",
    ]);
  });

  it('finds a sentence put in a field a person reads, a progress step or a refusal, and passes the localized ones', () => {
    const source = [
      "questions.push({ kind: 'question', message: 'Replace it anyway?', proceed: 'Replace Anyway' });",
      'item.tooltip = `Cloudflare account ${name}`;',
      "options.onProgress?.('waiting for Cloudflare to deploy it…');",
      "return refusal('sameCertificate', 'That is the same certificate.');",
      "const node = { kind: 'message', text: l10n.t('No certificates found in the workspace') };",
      "item.description = vscode.l10n.t('{0} certificates', count);",
      "const entry = { kind: 'file', uri: 'file:///a b.pem', code: 'no certificate' };",
    ].join('\n');
    assert.deepEqual(unlocalizedSentences('x.ts', source), [
      "x.ts:1 'Replace it anyway?'",
      "x.ts:1 'Replace Anyway'",
      'x.ts:2 `Cloudflare account ${name}`',
      "x.ts:3 'waiting for Cloudflare to deploy it…'",
      "x.ts:4 'That is the same certificate.'",
    ]);
  });
});
