import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCertificate, days } from '../fixtures/certificateFactory';

/**
 * A workspace to try the editor features on: certificates with their keys beside them (one expiring
 * soon), a certificate and its key in one file, and a chain signed by a demo CA. Generated fresh for
 * each demo; the keys are throwaway and live in a temp folder. The expiring one keeps its key in a
 * file of its own so its hover, the README's screenshot, shows no key material.
 */
export async function createDemoWorkspace(folder: string): Promise<void> {
  const leaf = await createCertificate({ commonName: 'origin-pull.example.com', sans: ['origin-pull.example.com'], notAfter: days(200) });
  fs.writeFileSync(path.join(folder, 'origin-pull.example.com.pem'), leaf.certPem);
  fs.writeFileSync(path.join(folder, 'origin-pull.example.com.key'), leaf.key.pkcs8Pem);
  const soon = await createCertificate({ commonName: 'expiring.example.com', notAfter: days(5), keyKind: 'RSA' });
  fs.writeFileSync(path.join(folder, 'expiring.example.com.pem'), soon.certPem);
  fs.writeFileSync(path.join(folder, 'expiring.example.com.key'), soon.key.traditionalPem);
  const combined = await createCertificate({ commonName: 'bundle.example.com', notAfter: days(90), keyKind: 'ECDSA' });
  fs.writeFileSync(path.join(folder, 'bundle.example.com.pem'), `${combined.certPem}${combined.key.pkcs8Pem}`);
  const ca = await createCertificate({ commonName: 'Demo Origin CA', isCA: true, notAfter: days(3650) });
  const issued = await createCertificate({ commonName: 'chained.example.com', notAfter: days(60), issuer: ca });
  fs.writeFileSync(path.join(folder, 'chained.example.com.pem'), `${issued.certPem}${ca.certPem}`);
  fs.writeFileSync(path.join(folder, 'chained.example.com.key'), issued.key.pkcs8Pem);
  fs.writeFileSync(
    path.join(folder, 'README.txt'),
    'Right-click a .pem file (or inside it) and choose "Upload Certificate from Editor…". Hover a BEGIN CERTIFICATE line for details.\n',
  );
}
