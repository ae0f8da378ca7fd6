import * as l10n from '@vscode/l10n';
import { expiryPhrase } from '../x509/certificateSummary';
import { Limits } from './limits';

/** The names a certificate is for: its subject's CN and its DNS SANs. */
export interface CertificateNames {
  readonly subject?: string;
  readonly sans?: readonly string[];
}

/** Something the model will not do; commands and tools show the message as it is. Nothing was sent. */
export interface Refusal {
  readonly kind: 'refusal';
  readonly code: 'notLater' | 'sameCertificate' | 'zoneFull' | 'hostnameLimit' | 'lastInPack' | 'keyType';
  readonly message: string;
}

/** Something the person must decide before the model goes on: a modal whose safe choice is `cancel`. */
export interface Question {
  readonly kind: 'question';
  readonly code: 'differentNames' | 'doesNotCoverHostname';
  readonly message: string;
  readonly detail: string;
  readonly proceed: string;
  readonly cancel: string;
}

export interface ReplacementCheck {
  /** How the current certificate is named in messages ("api.example.com", "the RSA certificate of shop.example"). */
  readonly currentLabel: string;
  readonly current: CertificateNames & { readonly notAfter?: Date; readonly serialNumber?: string };
  readonly replacementLabel: string;
  readonly replacement: CertificateNames & { readonly notAfter: Date; readonly serialNumber: string };
  readonly now: Date;
  readonly mustExpireLater: boolean;
  /** A custom hostname the replacement must cover (a pack certificate's hostname). */
  readonly hostname?: string;
}

/** Lower-case names, CN first: compared as names, so a different O= or the order of SANs is no difference. */
export function namesOf(certificate: CertificateNames): string[] {
  const commonName = /(?:^|,\s*)CN=([^,]+)/i.exec(certificate.subject ?? '')?.[1]?.trim();
  const names = [commonName, ...(certificate.sans ?? [])].filter((name): name is string => Boolean(name));
  return [...new Set(names.map((name) => name.toLowerCase()))];
}

/** Whether a certificate for `names` serves `hostname`: exactly, or through a wildcard for one label. */
export function coversHostname(names: readonly string[], hostname: string): boolean {
  const wanted = hostname.toLowerCase();
  return names.some((name) => name === wanted || (name.startsWith('*.') && wanted.slice(wanted.indexOf('.') + 1) === name.slice(2)));
}

/**
 * The rules of a replacement (Rotate, Replace on a pack), decided here for every caller: a refusal
 * when it must not go ahead, else the questions to ask first (possibly none).
 */
export function checkReplacement(check: ReplacementCheck): Refusal | Question[] {
  const { current, replacement, now } = check;
  if (current.serialNumber && replacement.serialNumber.toLowerCase() === current.serialNumber.toLowerCase()) {
    return refusal(
      'sameCertificate',
      l10n.t('That is "{0}" itself (same serial). Choose its replacement. Nothing was sent.', check.currentLabel),
    );
  }
  if (check.mustExpireLater && current.notAfter && replacement.notAfter.getTime() <= current.notAfter.getTime()) {
    return refusal(
      'notLater',
      // Each expiry stands in parentheses, a phrase of its own rather than a clause of this sentence.
      l10n.t(
        '"{0}" ({1}) expires no later than "{2}" ({3}). A replacement must expire later than the certificate it replaces. Nothing was sent.',
        check.replacementLabel,
        expiryPhrase(replacement.notAfter, now),
        check.currentLabel,
        expiryPhrase(current.notAfter, now),
      ),
    );
  }
  const questions: Question[] = [];
  const newNames = namesOf(replacement);
  if (check.hostname && !coversHostname(newNames, check.hostname)) {
    questions.push({
      kind: 'question',
      code: 'doesNotCoverHostname',
      message: l10n.t('"{0}" does not cover {1}.', check.replacementLabel, check.hostname),
      detail:
        newNames.length > 0
          ? l10n.t(
              'It is for {0}. Visitors of {1} would be served a certificate that does not match it, and their TLS connections would fail.',
              newNames.join(', '),
              check.hostname,
            )
          : l10n.t(
              'It is for no names. Visitors of {0} would be served a certificate that does not match it, and their TLS connections would fail.',
              check.hostname,
            ),
      proceed: l10n.t('Replace Anyway'),
      cancel: l10n.t('Choose Another'),
    });
  }
  const oldNames = namesOf(current);
  // Two certificates for the same name are told apart by their role, not by that name twice.
  const same = check.currentLabel === check.replacementLabel;
  const onlyOld = oldNames.filter((name) => !newNames.includes(name));
  const onlyNew = newNames.filter((name) => !oldNames.includes(name));
  if (oldNames.length > 0 && (onlyOld.length > 0 || onlyNew.length > 0)) {
    const lines = [
      onlyOld.length === 0
        ? undefined
        : same
          ? l10n.t('Only the current certificate is for: {0}.', onlyOld.join(', '))
          : l10n.t('Only "{0}" is for: {1}.', check.currentLabel, onlyOld.join(', ')),
      onlyNew.length === 0
        ? undefined
        : same
          ? l10n.t('Only the replacement is for: {0}.', onlyNew.join(', '))
          : l10n.t('Only "{0}" is for: {1}.', check.replacementLabel, onlyNew.join(', ')),
      l10n.t('What moves to it will present the new names.'),
    ];
    questions.push({
      kind: 'question',
      code: 'differentNames',
      message: same
        ? l10n.t('The replacement is not for the same names as the current "{0}".', check.currentLabel)
        : l10n.t('"{0}" is not for the same names as "{1}".', check.replacementLabel, check.currentLabel),
      detail: lines.filter(Boolean).join('\n'),
      proceed: check.hostname ? l10n.t('Replace Anyway') : l10n.t('Rotate Anyway'),
      cancel: l10n.t('Choose Another'),
    });
  }
  return questions;
}

export function refusal(code: Refusal['code'], message: string): Refusal {
  return { kind: 'refusal', code, message };
}

export function isRefusal(verdict: Refusal | Question[]): verdict is Refusal {
  return !Array.isArray(verdict);
}

/** Whether one more hostname may use a certificate that `label` names and `inUse` hostnames already use. */
export function checkRoomForHostname(label: string, inUse: number): Refusal | undefined {
  return inUse >= Limits.hostnamesPerCertificate
    ? refusal(
        'hostnameLimit',
        l10n.t(
          '"{0}" already serves {1} hostnames, the most Cloudflare allows for one certificate ({2}). Nothing was sent.',
          label,
          inUse,
          Limits.hostnamesPerCertificate,
        ),
      )
    : undefined;
}
