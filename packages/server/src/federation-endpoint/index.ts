/** The federation API endpoints of federated fleets: HTTPS, client certificates, a slice of the Kubernetes API. */
export { FederationEndpoints, type FederationEndpointsOptions, type ListeningEndpoint } from './endpoints.js';
export { reconcilingAfterFederationChanges } from './store-hook.js';
