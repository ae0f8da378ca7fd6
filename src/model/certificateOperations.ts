import type { CloudflareClient } from '../cloudflare/cloudflareClient';
import type { AccountData } from './accountData';
import type { ActivityTracker } from './activityTracker';
import { setAssociation, setZoneAop } from './operations/associations';
import { deleteClientCertificate, hostnamesUsing } from './operations/deleteClientCertificate';
import type { OperationContext, PollTiming } from './operations/operationContext';
import { deletePackCertificate, replacePackCertificate } from './operations/packCertificates';
import { refreshCustomHostname } from './operations/refreshCustomHostname';
import { finishRotation, rotateClientCertificate, undoRotation } from './operations/rotateClientCertificate';
import { checkRoomForClientCertificate, uploadClientCertificate } from './operations/uploadClientCertificate';

/**
 * Every change the extension makes at Cloudflare, and the rules checked before one. Each is a plain
 * function of an OperationContext (src/model/operations/), so it runs in Node against a fake client.
 */
const OPERATIONS = {
  checkRoomForClientCertificate,
  uploadClientCertificate,
  hostnamesUsing,
  deleteClientCertificate,
  replacePackCertificate,
  deletePackCertificate,
  setAssociation,
  setZoneAop,
  rotateClientCertificate,
  finishRotation,
  undoRotation,
  refreshCustomHostname,
};

type Operations = typeof OPERATIONS;
/** An operation with its context already given. */
type Bound<F> = F extends (context: OperationContext, ...args: infer A) => infer R ? (...args: A) => R : never;

/**
 * The operations bound to the one context activate() builds: the client factory, the loaded data
 * they update, the activity the tree shows, the poll timing (read at each use, so tests can shorten
 * it) and the log. Commands and agent tools call these and only ask, show progress and report; the
 * tree and the status bar hear of the result through AccountData.onDidChange.
 */
export type CertificateOperations = { readonly [K in keyof Operations]: Bound<Operations[K]> };

export function certificateOperations(
  client: () => Promise<CloudflareClient>,
  data: AccountData,
  activity: ActivityTracker,
  timing: () => PollTiming,
  log: (line: string) => void,
): CertificateOperations {
  const context: OperationContext = {
    client,
    data,
    activity,
    get timing() {
      return timing();
    },
    log,
  };
  const bound = Object.entries(OPERATIONS).map(([name, operation]) => [
    name,
    (...args: unknown[]) => (operation as (context: OperationContext, ...rest: unknown[]) => unknown)(context, ...args),
  ]);
  return Object.freeze(Object.fromEntries(bound)) as CertificateOperations;
}
