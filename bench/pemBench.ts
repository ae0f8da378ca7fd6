import { createCertificate, createChain, days, sharedKey } from '../test/fixtures/certificateFactory';
import { certificateMarkdown } from '../src/format/certificateMarkdown';
import { inspectCertificate, type CertificateInfo } from '../src/x509/certificateInfo';
import { analysePemDocument, type PemAnalysis } from '../src/x509/documentAnalysis';
import { displayName } from '../src/x509/displayName';

/** Scenario 4 inputs, made once: a 10-certificate chain and a 500-certificate CA bundle. */
export async function pemInputs(): Promise<{ chain10: string; bundle500: string }> {
  const { leaf, intermediates, root } = await createChain({ commonName: 'bench.example.com' }, 9);
  const chain10 = [leaf, ...intermediates, root].map((certificate) => certificate.certPem).join('');
  const key = await sharedKey('ECDSA');
  const bundle: string[] = [];
  for (let index = 0; index < 500; index += 1) {
    bundle.push((await createCertificate({ commonName: `CA ${index}`, isCA: true, key, notAfter: days(365 + index) })).certPem);
  }
  return { chain10, bundle500: bundle.join('') };
}

/**
 * The hover's own steps, as src/editor/pemHoverProvider does them: the document's analysis (cached per
 * version), the full details of the hovered block (cached per block), then the Markdown.
 */
export function hover(analysis: PemAnalysis, details: WeakMap<object, CertificateInfo>, offset: number): string {
  const certificate = analysis.certificates.find((entry) => entry.block.start <= offset && offset <= entry.block.end);
  if (!certificate?.block.der) {
    return '';
  }
  let info = details.get(certificate.block);
  if (!info) {
    info = inspectCertificate(certificate.block.der);
    details.set(certificate.block, info);
  }
  return certificateMarkdown(
    {
      title: displayName(info),
      subject: info.subject,
      sans: info.sans,
      issuer: info.issuer,
      serialNumber: info.serialNumber,
      signature: info.signatureAlgorithm,
      notAfter: info.notAfter,
      sha256Fingerprint: info.sha256Fingerprint,
    },
    new Date(),
  );
}

/** A hover on a document seen for the first time: analyse, parse the block, build the Markdown. */
export function coldHover(text: string, offset: number): string {
  return hover(analysePemDocument(text, new Date(), 30), new WeakMap(), offset);
}

export function diagnoseBundle(text: string): number {
  return analysePemDocument(text, new Date(), 30).findings.length;
}
