import * as assert from 'node:assert/strict';
import { days, TEST_NOW } from '../../fixtures/testClock';
import { expiryPhrase } from '../../../src/x509/certificateSummary';
import { useTranslations } from '../../../src/x509/translations';

/**
 * The vscode-free folders word their sentences through @vscode/l10n: once activation hands it the
 * display language's bundle, they speak that language, placeholders filled in.
 */
describe('translations of the vscode-free folders', () => {
  afterEach(() => useTranslations({}));

  it('says the words of the bundle it was given, with the placeholders filled in', () => {
    useTranslations({ 'expires in {0} days': 'läuft in {0} Tagen ab', 'expires tomorrow': 'läuft morgen ab' });
    assert.equal(expiryPhrase(days(5), TEST_NOW), 'läuft in 5 Tagen ab');
    assert.equal(expiryPhrase(days(1), TEST_NOW), 'läuft morgen ab');
  });

  it('keeps its own English words for what the bundle lacks, or with no bundle at all', () => {
    useTranslations({ 'expires tomorrow': 'läuft morgen ab' });
    assert.equal(expiryPhrase(days(5), TEST_NOW), 'expires in 5 days');
    useTranslations(undefined);
    useTranslations({});
    assert.equal(expiryPhrase(days(1), TEST_NOW), 'expires tomorrow');
  });
});
