import * as l10n from '@vscode/l10n';
import type { AccountModel } from '../model/accountModel';
import { findCertificates } from '../model/certificateLookup';
import { clientCertificateInfo, clientCertificateName } from '../model/clientCertificateInfo';
import type { RotationTarget } from '../model/operations/rotateClientCertificate';
import type { ClientCertificateUpload } from '../model/operations/uploadClientCertificate';
import { checkReplacement, isRefusal } from '../model/replacementRules';
import { hostnamesOn } from '../model/rotationState';
import { expiryPhrase } from '../x509/certificateSummary';
import { loadX509 } from '../x509/lazy';
import { quoted } from './toolText';

/** What the rotation tool would do, worked out before anything is sent; or why it will not. */
export type RotatePlan =
  | { readonly ok: false; readonly refusal: string }
  | {
      readonly ok: true;
      readonly target: RotationTarget;
      readonly replacement: ClientCertificateUpload;
      readonly oldLabel: string;
      readonly hostnames: readonly string[];
      /** Questions the command would ask (different names): said in the confirmation. */
      readonly notes: readonly string[];
      readonly confirmation: { readonly title: string; readonly message: string };
    };

/**
 * Plans a zero-downtime rotation from a workspace file to a client certificate, with the model's own
 * rules: the file's certificate and key must pass the upload pre-flight (parses, leaf, key found and
 * matching), and the replacement must expire later. Sends nothing.
 */
export function planRotation(
  account: AccountModel,
  input: { certificate: string; file: string },
  files: { certificateText: string; keyText?: string },
  now: Date,
): RotatePlan {
  const targets = findCertificates(account.data, input.certificate).flatMap((found) => (found.kind === 'aop' ? [found] : []));
  if (targets.length === 0) {
    return {
      ok: false,
      refusal: `No client certificate Cloudflare holds matches ${quoted(input.certificate)} (an id, a serial or a hostname that uses it). Nothing was sent.`,
    };
  }
  if (targets.length > 1) {
    return {
      ok: false,
      refusal: `${quoted(input.certificate)} names ${targets.length} client certificates (${targets.map((target) => quoted(target.certificate.id)).join(', ')}); give one id. Nothing was sent.`,
    };
  }
  const [{ zoneId, zoneName, certificate }] = targets;
  const checked = loadX509().prepareUpload({ certificateText: files.certificateText, keyText: files.keyText, purpose: 'aop', now });
  if (!checked.ok) {
    return { ok: false, refusal: `${checked.message} Nothing was sent.` };
  }
  const { material } = checked;
  const oldLabel = clientCertificateName(certificate);
  const name = loadX509().displayName(material.leaf);
  const info = clientCertificateInfo(certificate);
  const verdict = checkReplacement({
    currentLabel: oldLabel,
    current: {
      subject: info?.subject,
      sans: info?.sans,
      notAfter: certificate.expires_on ? new Date(certificate.expires_on) : info?.notAfter,
      serialNumber: certificate.serial_number,
    },
    replacementLabel: name,
    replacement: material.leaf,
    now,
    mustExpireLater: true,
  });
  if (isRefusal(verdict)) {
    return { ok: false, refusal: verdict.message };
  }
  const aop = account.data.loaded().aop.get(zoneId);
  const hostnames = aop ? hostnamesOn(aop.associations, certificate.id) : [];
  const notes = verdict.map((question) => `${question.message} ${question.detail}`);
  const message = [
    l10n.t(
      'Rotate the client certificate {0} (id {1}) in {2} to {3} from {4} ({5}).',
      quoted(oldLabel),
      certificate.id,
      quoted(zoneName),
      quoted(name),
      quoted(input.file),
      expiryPhrase(material.leaf.notAfter, now),
    ),
    l10n.t('1. Upload it and wait until Cloudflare has deployed it.'),
    hostnames.length === 1
      ? l10n.t('2. Move 1 hostname to it ({0}); each keeps the old certificate until the new one serves it.', quoted(hostnames[0]))
      : l10n.t(
          '2. Move {0} hostnames to it ({1}); each keeps the old certificate until the new one serves it.',
          hostnames.length,
          hostnames.map((hostname) => quoted(hostname)).join(', ') || l10n.t('none'),
        ),
    l10n.t('3. Keep the old certificate: delete it in the Certificates view when you are ready.'),
    ...notes,
  ].join('\n');
  return {
    ok: true,
    target: { zoneId, zoneName, oldCertificateId: certificate.id },
    replacement: {
      zoneId,
      zoneName,
      name,
      certificatePem: material.certificatePem,
      privateKeyPem: material.privateKeyPem,
      serialNumber: material.leaf.serialNumber,
    },
    oldLabel,
    hostnames,
    notes,
    confirmation: { title: l10n.t('Rotate {0} in {1}?', oldLabel, zoneName), message },
  };
}
