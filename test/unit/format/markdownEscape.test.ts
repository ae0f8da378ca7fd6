import * as assert from 'node:assert/strict';
import { escapeMarkdown, inlineCode } from '../../../src/format/markdownEscape';

describe('markdownEscape', () => {
  it('turns a command link into inert text', () => {
    const escaped = escapeMarkdown('[click](command:workbench.action.terminal.new)');
    assert.equal(escaped, '\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)');
    assert.doesNotMatch(escaped, /(^|[^\\])\[/);
  });

  it('escapes HTML, emphasis, autolinks and line breaks', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert\\(1\\)\\>');
    assert.equal(escapeMarkdown('*bold* _it_'), '\\*bold\\* \\_it\\_');
    assert.equal(escapeMarkdown('https://evil.test'), 'https\\://evil\\.test');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
  });

  it('leaves ordinary hostnames readable', () => {
    assert.equal(escapeMarkdown('api example com'), 'api example com');
  });

  it('fences inline code longer than any backtick run inside it', () => {
    assert.equal(inlineCode('abc'), '`abc`');
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('``x'), '``` ``x ```');
  });
});
