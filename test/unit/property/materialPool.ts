import {
  createCertificate,
  createChain,
  generateKey,
  type GeneratedCertificate,
  type GeneratedKey,
} from '../../fixtures/certificateFactory';

/**
 * A few real certificates and keys, made once per process: RSA generation takes tens of milliseconds
 * per key, so properties draw from this pool and combine its parts instead of generating per case.
 */
export interface MaterialPool {
  /** Leaves with their own keys: one RSA, one ECDSA. */
  readonly leaves: readonly GeneratedCertificate[];
  /** A leaf under two intermediates and a self-signed root. */
  readonly chain: {
    readonly leaf: GeneratedCertificate;
    readonly intermediates: readonly GeneratedCertificate[];
    readonly root: GeneratedCertificate;
  };
  /** A CA certificate with its own key. */
  readonly ca: GeneratedCertificate;
  /** A key that belongs to none of the certificates above. */
  readonly stranger: GeneratedKey;
}

let pool: Promise<MaterialPool> | undefined;

export function materialPool(): Promise<MaterialPool> {
  pool ??= (async () => {
    const rsa = await createCertificate({ commonName: 'prop-rsa.example.test', keyKind: 'RSA' });
    const ec = await createCertificate({ commonName: 'prop-ec.example.test', keyKind: 'ECDSA' });
    const chain = await createChain({ commonName: 'prop-chain.example.test', key: await generateKey('ECDSA') }, 3);
    const ca = await createCertificate({ commonName: 'Prop CA', isCA: true, key: await generateKey('ECDSA') });
    return { leaves: [rsa, ec], chain, ca, stranger: await generateKey('ECDSA') };
  })();
  return pool;
}

/** Every PEM in the pool with its label, for properties that only need "some valid block". */
export function poolBlocks(material: MaterialPool): { label: string; pem: string }[] {
  const certificates = [...material.leaves, material.chain.leaf, ...material.chain.intermediates, material.chain.root, material.ca];
  return [
    ...certificates.map((certificate) => ({ label: 'CERTIFICATE', pem: certificate.certPem })),
    ...material.leaves.map((leaf) => ({ label: 'PRIVATE KEY', pem: leaf.key.pkcs8Pem })),
    ...material.leaves.map((leaf) => ({
      label: leaf.key.kind === 'RSA' ? 'RSA PRIVATE KEY' : 'EC PRIVATE KEY',
      pem: leaf.key.traditionalPem,
    })),
  ];
}
