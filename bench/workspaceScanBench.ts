import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WorkspaceIndex, type WorkspaceFiles } from '../src/workspace/workspaceIndex';
import { createCertificate, days } from '../test/fixtures/certificateFactory';
import { kubernetesTlsSecret } from '../test/fixtures/kubernetesSecret';
import { median } from './figures';

export interface WorkspaceScanFigures {
  readonly files: number;
  readonly certificates: number;
  readonly scanWallMs: number;
  readonly scanCpuMs: number;
  /** The longest the event loop was held at once during the scan: what an editor would wait. */
  readonly longestStallMs: number;
  readonly updates: number;
  readonly updateCpuMs: number;
  readonly updateWallMs: number;
  /** The most files one update read (the goal: only the file that changed). */
  readonly readsPerUpdate: number;
}

const FILES = 10_000;
const CERTIFICATES = 500;
const UPDATES = 21;

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Files that hold no certificate, as a repository has many: manifests, configuration, Terraform. */
function ordinaryFile(index: number): [string, string] {
  const name = `service-${index}`;
  switch (index % 4) {
    case 0:
      return [
        'deployment.yaml',
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example/${name}:1.${index}\n          env:\n${Array.from({ length: 20 }, (_, i) => `            - name: SETTING_${i}\n              value: "${name}-${i}"`).join('\n')}\n`,
      ];
    case 1:
      return [
        'config.json',
        JSON.stringify({ name, port: 8000 + (index % 1000), features: Array.from({ length: 30 }, (_, i) => `f${i}`) }, null, 2),
      ];
    case 2:
      return [
        'main.tf',
        `resource "cloudflare_record" "${name}" {\n  zone_id = var.zone_id\n  name    = "${name}"\n  type    = "CNAME"\n  value   = "origin.example.com"\n  proxied = true\n}\n`.repeat(
          4,
        ),
      ];
    default:
      return ['.env', Array.from({ length: 15 }, (_, i) => `${name.toUpperCase().replace(/-/g, '_')}_${i}=value-${i}`).join('\n')];
  }
}

/**
 * A generated repository of FILES files, every one of a kind the scan reads, CERTIFICATES of them
 * holding a certificate (PEM files, base64 in Kubernetes Secrets, escaped in JSON).
 */
async function generateRepository(root: string): Promise<{ uris: string[]; withCertificates: string[] }> {
  const uris: string[] = [];
  const withCertificates: string[] = [];
  const write = (file: string, text: string) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    uris.push(pathToFileURL(full).toString());
  };
  for (let index = 0; index < CERTIFICATES; index += 1) {
    const leaf = await createCertificate({ commonName: `svc-${index}.bench.example`, notAfter: days(30 + index) });
    const folder = `services/svc-${String(index % 100).padStart(3, '0')}`;
    if (index % 5 < 3) {
      write(`${folder}/tls-${index}.pem`, `${leaf.certPem}${leaf.key.pkcs8Pem}`);
    } else if (index % 5 === 3) {
      write(
        `${folder}/secret-${index}.yaml`,
        kubernetesTlsSecret({ name: `tls-${index}`, certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem }),
      );
    } else {
      write(`${folder}/client-${index}.json`, JSON.stringify({ name: `svc-${index}`, certificate: leaf.certPem }, null, 2));
    }
    withCertificates.push(uris[uris.length - 1]);
  }
  for (let index = 0; uris.length < FILES; index += 1) {
    const [name, text] = ordinaryFile(index);
    write(`services/svc-${String(index % 100).padStart(3, '0')}/part-${index}/${name}`, text);
  }
  return { uris, withCertificates };
}

/** Node's file system behind the index, counting reads by file. */
function nodeFiles(root: string): WorkspaceFiles & { readonly reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    size: async (uri) => (await fs.promises.stat(fileURLToPath(uri))).size,
    read: async (uri) => {
      reads.push(uri);
      return fs.promises.readFile(fileURLToPath(uri));
    },
    relative: (uri) => path.relative(root, fileURLToPath(uri)),
  };
}

/**
 * The Workspace Certificates scan's own work (src/workspace/workspaceIndex.ts) in plain Node: the
 * first scan of the generated repository, then UPDATES changes of one certificate file each.
 */
export async function workspaceScanBench(): Promise<WorkspaceScanFigures> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-bench-workspace-'));
  try {
    const { uris, withCertificates } = await generateRepository(root);
    const files = nodeFiles(root);
    const index = new WorkspaceIndex(files);

    const stalls = monitorEventLoopDelay({ resolution: 1 });
    stalls.enable();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await index.scanAll(uris, () => false);
    const scanWallMs = performance.now() - started;
    const scanCpuMs = cpuMs(process.cpuUsage(cpuBefore));
    stalls.disable();
    const certificates = [...index.current.certificates.values()].reduce((sum, found) => sum + found.length, 0);
    if (certificates !== CERTIFICATES) {
      throw new Error(`the scan found ${certificates} certificates, not ${CERTIFICATES}`);
    }

    const updateCpu: number[] = [];
    const updateWall: number[] = [];
    let readsPerUpdate = 0;
    for (let run = 0; run < UPDATES; run += 1) {
      // A renewed certificate written over one that was found: the kind of change a commit makes.
      const uri = withCertificates[(run * 37) % withCertificates.length];
      const renewed = await createCertificate({ commonName: `renewed-${run}.bench.example`, notAfter: days(400 + run) });
      const text = fs.readFileSync(fileURLToPath(uri), 'utf8');
      fs.writeFileSync(
        fileURLToPath(uri),
        uri.endsWith('.json') ? JSON.stringify({ certificate: renewed.certPem }) : renewed.certPem + text,
      );
      files.reads.length = 0;
      const before = process.cpuUsage();
      const began = performance.now();
      const changed = await index.update(uri);
      updateWall.push(performance.now() - began);
      updateCpu.push(cpuMs(process.cpuUsage(before)));
      readsPerUpdate = Math.max(readsPerUpdate, files.reads.length);
      if (!changed || !index.current.certificates.get(uri)?.some((entry) => entry.facts.commonName === `renewed-${run}.bench.example`)) {
        throw new Error(`the update of ${uri} did not show the renewed certificate`);
      }
    }
    return {
      files: uris.length,
      certificates,
      scanWallMs,
      scanCpuMs,
      longestStallMs: stalls.max / 1e6,
      updates: UPDATES,
      updateCpuMs: median(updateCpu),
      updateWallMs: median(updateWall),
      readsPerUpdate,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// `node out/bench/workspaceScanBench.js` runs this scenario alone.
if (require.main === module) {
  workspaceScanBench().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
