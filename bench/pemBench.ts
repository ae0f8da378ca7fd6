import { createCertificate, createChain, days, sharedKey } from '../test/fixtures/certificateFactory';
import { certificateMarkdown } from '../src/format/certificateMarkdown';
import { analysePemDocument } from '../src/x509/documentAnalysis';
import { displayName } from '../src/x509/certificateInfo';

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

/** A hover with no cached analysis: parse the document, then build the Markdown for one block. */
export function coldHover(text: string, offset: number): string {
  return warmHover(analysePemDocument(text, new Date(), 30), offset);
}

/** A hover on a document whose analysis is cached (the editor caches per document version). */
export function warmHover(analysis: ReturnType<typeof analysePemDocument>, offset: number): string {
  const certificate = analysis.certificates.find((entry) => entry.block.start <= offset && offset <= entry.block.end);
  const info = certificate?.info;
  if (!info) {
    return '';
  }
  return certificateMarkdown({ title: displayName(info), subject: info.subject, sans: info.sans, issuer: info.issuer, serialNumber: info.serialNumber, notAfter: info.notAfter, sha256Fingerprint: info.sha256Fingerprint }, new Date());
}

export function diagnoseBundle(text: string): number {
  return analysePemDocument(text, new Date(), 30).findings.length;
}
