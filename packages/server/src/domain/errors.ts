import type { UcsErrorCode } from '@ucs-fleet/types';

/** An error the API answers with: a status, a UCS code from openapi.yaml and a message for the caller. */
export class UcsError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 500,
    readonly code: UcsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UcsError';
  }
}

/** Nothing at this path: no route, a file this installation lacks, a fleet the caller cannot see. */
export const resourceNotFound = (detail: string): UcsError => new UcsError(404, 'UCS.00000013', `No requested resources found: ${detail}`);

export const fleetNotFound = (fleetId: string): UcsError => resourceNotFound(`fleet ${fleetId}`);

export const clusterNotFound = (clusterId: string): UcsError => resourceNotFound(`cluster ${clusterId}`);

export const agentAlreadyDownloaded = (detail: string): UcsError => new UcsError(410, 'UCS.00000013', `No requested resources found: ${detail}`);

export const clusterExists = (detail: string): UcsError => new UcsError(409, 'UCS.01030003', `The same cluster already exists: ${detail}`);

export const clusterKubeconfigError = (detail: string): UcsError => new UcsError(400, 'UCS.01030008', `Cluster kubeconfig format error: ${detail}`);

export const clusterNotUnregistrable = (detail: string): UcsError => new UcsError(400, 'UCS.01030009', `This cluster does not support unregister: ${detail}`);

export const clusterCategoryUnsupported = (detail: string): UcsError => new UcsError(400, 'UCS.01030011', `Cluster category not supported: ${detail}`);

export const membershipError = (detail: string): UcsError => new UcsError(400, 'UCS.01100002', `Associate cluster with clustergroup error: ${detail}`);

export const associatedClustersInvalid = (detail: string): UcsError => new UcsError(400, 'UCS.01100007', `Update associated clusters validate failed: ${detail}`);

export const methodNotAllowed = (method: string): UcsError =>
  new UcsError(405, 'UCS.00000013', `No requested resources found: ${method} is not allowed on this path`);

export const bodyTooLarge = (detail: string): UcsError => new UcsError(413, 'UCS.00000012', `Invalid request body: ${detail}`);

export const federationStateError = (detail: string): UcsError =>
  new UcsError(400, 'UCS.00000003', `Failed to obtain the federation information: ${detail}`);

export const invalidBody = (detail: string): UcsError => new UcsError(400, 'UCS.00000012', `Invalid request body: ${detail}`);

export const invalidQuery = (detail: string): UcsError => new UcsError(400, 'UCS.00000011', `Bad query parameter value: ${detail}`);

export const invalidHeader = (detail: string, status: 400 | 415 = 400): UcsError =>
  new UcsError(status, 'UCS.00000016', `Invalid header value: ${detail}`);

export const fleetClusterLimit = (detail: string): UcsError => new UcsError(400, 'UCS.01100006', `Cluster number in fleet exceed limit: ${detail}`);

export const policyAlreadyEnabled = (detail: string): UcsError => new UcsError(400, 'UCS.00150004', `ClusterGroup already enable policy: ${detail}`);

export const policyNotEnabled = (detail: string): UcsError => new UcsError(400, 'UCS.00150006', `ClusterGroup not enable policy: ${detail}`);

export const policyBusy = (detail: string): UcsError => new UcsError(400, 'UCS.01130006', `ClusterGroup policy management is installing or closing: ${detail}`);

/** UCS.01080006 of the UCS error table: the operation needs the fleet's federation. */
export const notFederated = (detail: string): UcsError => new UcsError(400, 'UCS.01080006', `ClusterGroup is not federated: ${detail}`);

export const quotaExceeded = (detail: string): UcsError => new UcsError(400, 'UCS.00000017', `Insufficient quota: ${detail}`);

export const unauthorized = (detail: string): UcsError => new UcsError(401, 'UCS.00000018', `Authorization failed: ${detail}`);

export const forbidden = (detail: string): UcsError => new UcsError(403, 'UCS.00000004', `Request forbidden: ${detail}`);

export const internalError = (): UcsError => new UcsError(500, 'UCS.00000006', 'Server internal error.');

export const storeError = (): UcsError => new UcsError(500, 'UCS.00000005', 'Database operation failed.');

export const clusterUnavailable = (detail: string): UcsError => new UcsError(400, 'UCS.01030004', `Cluster status is unavailable, fix the cluster first: ${detail}`);
