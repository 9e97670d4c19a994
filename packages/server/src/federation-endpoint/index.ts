/** The federation endpoint of every federated fleet: one HTTPS listener, a path per fleet, client certificates checked per fleet. */
export { openFederationEndpoint, type FederationEndpoint, type FederationEndpointOptions } from './endpoint.js';
export { endpointCa } from './endpoint-ca.js';
export { clusterPath, clusterPathPattern, fleetPath, fleetPathPattern } from './endpoint-paths.js';
export { registeredMembers, type FleetMembers, type MemberCluster } from './member-clusters.js';
