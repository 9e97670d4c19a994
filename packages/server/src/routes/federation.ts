import type { Domain } from '../domain/index.js';
import type { HandlerTable } from './handler.js';

type FederationOperations =
  | 'EnableFederation'
  | 'DisableFederation'
  | 'ShowFederationProgress'
  | 'CreateFederationConnection'
  | 'CreateFederationCert'
  | 'DownloadFederationKubeconfig';

export function federationHandlers({ federation, kubeconfigs }: Domain): Pick<HandlerTable, FederationOperations> {
  return {
    EnableFederation: async ({ caller, params }) => ({ status: 201, body: await federation.enable(caller, params.clustergroupid) }),
    DisableFederation: async ({ caller, params }) => ({ status: 200, body: await federation.disable(caller, params.clustergroupid) }),
    ShowFederationProgress: async ({ caller, params }) => ({
      status: 200,
      body: await federation.progress(caller, params.clustergroupid),
    }),
    CreateFederationConnection: async ({ caller, params, body }) => ({
      status: 201,
      body: await federation.connect(caller, params.clustergroupid, body),
    }),
    CreateFederationCert: async ({ caller, params, body }) => {
      const { duration, ...connection } = body;
      await kubeconfigs.requireDurationWithinCa(caller, params.clustergroupid, duration);
      await federation.ensureConnection(caller, params.clustergroupid, connection);
      return { status: 201, body: await kubeconfigs.issue(caller, params.clustergroupid, duration) };
    },
    DownloadFederationKubeconfig: async ({ caller, params, body }) => ({
      status: 201,
      body: await kubeconfigs.issue(caller, params.clustergroupid, body.duration),
    }),
  };
}
