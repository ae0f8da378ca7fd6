import type { CloudflareClient } from '../cloudflare/cloudflareClient';
import type { AccountData } from './accountData';
import type { ActivityTracker } from './activityTracker';
import { setAssociation, setZoneAop, type AssociationChangeRequest } from './operations/associations';
import { deleteClientCertificate, hostnamesUsing, type ClientCertificateRef } from './operations/deleteClientCertificate';
import type { OperationContext, OperationOptions, PollTiming } from './operations/operationContext';
import {
  deletePackCertificate,
  replacePackCertificate,
  type PackCertificateRef,
  type PackReplacement,
} from './operations/packCertificates';
import { refreshCustomHostname } from './operations/refreshCustomHostname';
import { finishRotation, rotateClientCertificate, undoRotation, type RotationTarget } from './operations/rotateClientCertificate';
import { checkRoomForClientCertificate, uploadClientCertificate, type ClientCertificateUpload } from './operations/uploadClientCertificate';

/**
 * Every change the extension makes at Cloudflare, bound to the loaded data they update. Commands call
 * these and only ask, show progress and report; the tree and the status bar hear of the result
 * through AccountData.onDidChange.
 */
export class CertificateOperations {
  private readonly context: OperationContext;

  constructor(
    client: () => Promise<CloudflareClient>,
    readonly data: AccountData,
    readonly activity: ActivityTracker,
    timing: () => PollTiming,
    log: (line: string) => void,
  ) {
    this.context = {
      client,
      data,
      activity,
      get timing() {
        return timing();
      },
      log,
    };
  }

  checkRoomForClientCertificate(upload: Parameters<typeof checkRoomForClientCertificate>[1]) {
    return checkRoomForClientCertificate(this.context, upload);
  }

  uploadClientCertificate(upload: ClientCertificateUpload, options?: OperationOptions) {
    return uploadClientCertificate(this.context, upload, options);
  }

  hostnamesUsing(zoneId: string, certificateId: string, signal?: AbortSignal) {
    return hostnamesUsing(this.context, zoneId, certificateId, signal);
  }

  deleteClientCertificate(target: ClientCertificateRef, users: Parameters<typeof deleteClientCertificate>[2], options?: OperationOptions) {
    return deleteClientCertificate(this.context, target, users, options);
  }

  replacePackCertificate(target: PackCertificateRef, material: PackReplacement, options?: OperationOptions) {
    return replacePackCertificate(this.context, target, material, options);
  }

  deletePackCertificate(target: PackCertificateRef, options?: OperationOptions) {
    return deletePackCertificate(this.context, target, options);
  }

  setAssociation(change: AssociationChangeRequest, options?: OperationOptions) {
    return setAssociation(this.context, change, options);
  }

  setZoneAop(zoneId: string, enabled: boolean, options?: OperationOptions) {
    return setZoneAop(this.context, zoneId, enabled, options);
  }

  rotateClientCertificate(target: RotationTarget, replacement: ClientCertificateUpload, options?: OperationOptions) {
    return rotateClientCertificate(this.context, target, replacement, options);
  }

  finishRotation(target: RotationTarget, newCertificateId: string, options?: OperationOptions) {
    return finishRotation(this.context, target, newCertificateId, options);
  }

  undoRotation(target: RotationTarget, newCertificateId: string, options?: OperationOptions) {
    return undoRotation(this.context, target, newCertificateId, options);
  }

  refreshCustomHostname(zoneId: string, hostnameId: string) {
    return refreshCustomHostname(this.context, zoneId, hostnameId);
  }
}
