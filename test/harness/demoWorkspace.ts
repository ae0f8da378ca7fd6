import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCertificate, days } from '../fixtures/certificateFactory';

/**
 * A workspace to try the editor features on: a certificate with its key, one expiring soon, and a
 * chain. Generated fresh for each demo; the keys are throwaway and live in a temp folder.
 */
export async function createDemoWorkspace(folder: string): Promise<void> {
  const leaf = await createCertificate({ commonName: 'origin-pull.example.com', sans: ['origin-pull.example.com'], notAfter: days(200) });
  fs.writeFileSync(path.join(folder, 'origin-pull.example.com.pem'), leaf.certPem);
  fs.writeFileSync(path.join(folder, 'origin-pull.example.com.key'), leaf.key.pkcs8Pem);
  const soon = await createCertificate({ commonName: 'expiring.example.com', notAfter: days(5), keyKind: 'RSA' });
  fs.writeFileSync(path.join(folder, 'expiring.example.com.pem'), `${soon.certPem}${soon.key.traditionalPem}`);
  fs.writeFileSync(
    path.join(folder, 'README.txt'),
    'Right-click a .pem file (or inside it) and choose "Upload Certificate from Editor…". Hover a BEGIN CERTIFICATE line for details.\n',
  );
}
