// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.
export interface paths {
    "/v1/clustergroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the fleets of the account */
        get: operations["ListClusterGroup"];
        put?: never;
        /**
         * Create a fleet
         * @description Creates a fleet in the caller's account. The name starts with a lowercase letter,
         *     holds only lowercase letters, digits and `-`, does not end with `-`, and is unique in
         *     the account. An account holds at most 50 fleets (`UCS.00000017` beyond that).
         *     `spec.clusterIds` makes registered clusters of the account members at once, as
         *     UpdateClusterGroupAssociatedClusters does (the same refusals).
         *
         *     The official Go SDK sends this body as `multipart/form-data` and the Python SDK as
         *     `application/x-www-form-urlencoded`, each with the form fields `metadata` and `spec`
         *     holding JSON text; both encodings are accepted beside JSON.
         */
        post: operations["RegisterClusterGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        /** Show a fleet */
        get: operations["ShowClusterGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a fleet
         * @description Only a fleet whose federation is disabled (`UCS.00000003` otherwise) and that has no
         *     registered clusters (`UCS.01100002` otherwise: remove them with LeaveGroup) may be
         *     deleted. IDs in `spec.clusterIds` that name no registered cluster do not keep it.
         */
        delete: operations["DeleteClusterGroup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/federations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable cluster federation for a fleet
         * @description Starts enabling federation and answers at once with the job that does it; follow it
         *     with `ShowFederationProgress`. Enabling a fleet whose federation is enabled or being
         *     enabled is refused with `UCS.00000003`. The answer is never an empty body (the Go SDK
         *     fails to parse one).
         */
        post: operations["EnableFederation"];
        /**
         * Disable cluster federation for a fleet
         * @description Disables federation, removes the federation connection and destroys the fleet's CA,
         *     so every kubeconfig issued for the fleet stops working. Refused with `UCS.00000003`
         *     when federation is not enabled.
         */
        delete: operations["DisableFederation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/federations/progress": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        /**
         * Show the progress of the fleet's latest federation job
         * @description The latest federation job of the fleet with its sub-jobs. A fleet that never had a
         *     federation job answers 404 `UCS.00000013`.
         */
        get: operations["ShowFederationProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the federation connection of a fleet
         * @description Connects the federation API server to a VPC through a VPC endpoint. Federation must be
         *     enabled (not only being enabled) and the fleet must not be connected yet
         *     (`UCS.00000003` otherwise).
         */
        post: operations["CreateFederationConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/cert": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the federation connection and download a kubeconfig in one call
         * @description Creates the federation connection like `CreateFederationConnection` (or keeps the
         *     existing one when it names the same VPC and subnet) and answers with a kubeconfig like
         *     `DownloadFederationKubeconfig`. A `duration` the fleet's CA does not outlive is refused
         *     (400 `UCS.00000003`) before the connection is created.
         */
        post: operations["CreateFederationCert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/kubeconfig": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download the federation kubeconfig
         * @description Downloads a kubeconfig for the federation API server of the fleet. Only available after
         *     cluster federation is enabled for the fleet and the federation connection is created
         *     (`UCS.00000003` naming what is missing otherwise).
         *
         *     Each call mints a fresh client key and an X.509 client certificate signed by the
         *     fleet's CA, valid for exactly `duration` days, with the caller's user name as CN and
         *     its groups as O. The private key is sent once and never stored. The server URL is the
         *     fleet's path on the federation endpoint, and certificate-authority-data the CA of that
         *     endpoint's serving certificate (see ClusterCert).
         *
         *     A certificate never outlives the CA that signs it (the fleet's CA is valid for 10
         *     years from enabling federation): when `duration` days from now would end after the
         *     CA's `notAfter`, the request is refused with 400 `UCS.00000003`, naming the longest
         *     duration the CA still allows, rather than shortened behind the caller's back. Disabling
         *     and enabling federation makes a new CA.
         */
        post: operations["DownloadFederationKubeconfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/description": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change a fleet's description
         * @description Replaces the fleet's `spec.description` (and its `metadata.updateTimestamp`); nothing
         *     else changes. An empty string clears it. Any federation state allows it.
         */
        put: operations["UpdateClusterGroup"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/serverconfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The service's configuration per cluster type, with the federation upgrade map
         * @description `federations.versionsInfo` says, for each federation version, which versions
         *     `UpgradeFederation` may take it to; a fleet's version is its `spec.federationVersion`.
         *     The version strings are the reference server's own catalogue (the UCS documents show
         *     the structure but not the values). The same for every account.
         */
        get: operations["ListServerConfigs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/quota/{domainid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account (domain) ID; it must be the caller's own account (403 `UCS.00000004` otherwise). */
                domainid: string;
            };
            cookie?: never;
        };
        /**
         * The quotas of the account and how much of each is used
         * @description One entry per quota type. `clustergroup` is the fleet quota the server enforces
         *     (`UCS.00000017` beyond it) with the number of fleets of the account. The other limits
         *     are the UCS defaults: `rule` counts the distinct permission policies bound to the
         *     account's fleets (enforced by `UpdateClusterGroupAssociatedRules`); `federation`, the
         *     fleets whose federation is enabled or being enabled, and `cluster`, the distinct cluster
         *     IDs in the account's fleets, are shown but not enforced. The numbers are strings, as the Go SDK
         *     reads them (the Python SDK takes either).
         */
        get: operations["ShowQuota"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/associatedclusters": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Add clusters to a fleet
         * @description Adds the clusters to the fleet's `spec.clusterIds` (a cluster already in it stays once);
         *     it cannot remove one. A fleet holds at most 50 clusters: a call that would take it
         *     beyond is refused whole with `UCS.01100006`. Each ID must be a registered cluster of the
         *     account (`UCS.01100007` otherwise) in no other fleet (`UCS.01100002` otherwise): each
         *     becomes a member as with JoinGroup. IDs listed before clusters were registered stay.
         */
        put: operations["UpdateClusterGroupAssociatedClusters"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/associatedrules": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Bind permission policies (rules) to namespaces of a fleet
         * @description Replaces the fleet's bindings with `ruleIDNamespaces`, kept as sent; the fleet's
         *     `spec.ruleNamespaces` then lists every namespace they name. An empty list unbinds all.
         *     The account may bind at most 50 distinct rules over all its fleets (`rule` in
         *     `ShowQuota`; `UCS.00000017` beyond).
         */
        put: operations["UpdateClusterGroupAssociatedRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/associatedzones": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change the root domains of the federation's domain-name access
         * @description Replaces the fleet's `spec.dnsSuffix`. It belongs to the federation: refused with
         *     `UCS.00000003` while federation is not enabled (or still being enabled), and disabling
         *     federation keeps it for the next one.
         */
        put: operations["UpdateClusterGroupAssociatedZones"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/federations/upgrade": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upgrade the fleet's federation to another version
         * @description Starts upgrading the federation to `targetVersion` (one of the versions
         *     `ListServerConfigs` lists for the fleet's `spec.federationVersion`; without it, the
         *     newest of them) and answers at once with the job, which `ShowFederationProgress` then
         *     shows (type `UpgradeFederation`). While it runs the fleet's federation condition is
         *     `Upgrading` and `spec.federationVersion` the version it started from; once done it is
         *     the target. Refused with `UCS.00000003` when federation is not enabled (or still being
         *     enabled), is already being upgraded, or is at the newest version; a `targetVersion` the
         *     fleet's version cannot be upgraded to is refused with `UCS.00000012`, naming those it can.
         */
        post: operations["UpgradeFederation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/federations/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll the fleet's federation back to the version before its last upgrade
         * @description Starts taking the federation back to the version it ran before its last
         *     `UpgradeFederation` and answers at once with the job, which `ShowFederationProgress`
         *     then shows (type `RollbackFederation`). While it runs the fleet's federation condition is
         *     `Rollback` and `spec.federationVersion` the version it started from; once done it is the
         *     version before the upgrade. No body. Refused with `UCS.00000003` when federation is not
         *     enabled (or still being enabled), while an upgrade or a rollback runs, and when there is
         *     nothing to roll back: the federation was never upgraded, or its last change already was
         *     a rollback (a rollback is not undone by another one; upgrade again instead).
         */
        post: operations["RollbackFederation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn on the policy center of a fleet
         * @description Starts enabling the fleet's policy center and answers at once with the job (`jobID`,
         *     spelled as the UCS documents spell it for policy jobs). While it runs the fleet's
         *     `Policy` condition is `Reconciling`; then `Running`, with `spec.policyId` set. Refused
         *     with `UCS.00150004` when the policy center is already enabled and with `UCS.01130006`
         *     while it is being enabled. Federation is not needed.
         */
        post: operations["EnableClusterGroupPolicy"];
        /**
         * Turn off the policy center of a fleet
         * @description Turns the policy center off and drops the fleet's policy instances; `spec.policyId` and
         *     the `Policy` condition go. Refused with `UCS.00150006` when the policy center is not
         *     enabled and with `UCS.01130006` while it is being enabled.
         */
        delete: operations["DisableClusterGroupPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/policyinstance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a policy instance (a constraint) for a fleet
         * @description Applies a policy definition (`constraintTemplateID`) to namespaces of the fleet, with
         *     the template's `parameters` kept as sent. The policy center must be enabled and done
         *     enabling (`UCS.00150006` otherwise). The fleet's `Policy` condition message counts the
         *     instances; disabling the policy center drops them.
         */
        post: operations["CreateClusterGroupPolicyInstance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clustergroups/{clustergroupid}/unitedworkload": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        /**
         * Show a federated workload
         * @description The workload of that kind, namespace and name, as it was last created or updated. The
         *     SDK marks `name` optional, but the answer is one workload (as the SDK reads it), so the
         *     reference server needs it: without it, `UCS.00000011`. A workload that does not exist
         *     is 404 `UCS.00000013`; a fleet whose federation is not enabled is `UCS.01080006`.
         */
        get: operations["ShowProxyUnitedWorkload"];
        /**
         * Replace a federated workload
         * @description Replaces the workload that the body's `kind`, `metadata.namespace` and `metadata.name`
         *     identify with the body (what it leaves out is gone); `metadata.uid` and
         *     `creationTimestamp` stay, `generation` and `resourceVersion` go up by one. A workload that
         *     does not exist is 404 `UCS.00000013` (create it first); a fleet whose federation is not
         *     enabled is `UCS.01080006`. The UCS documents do not show the status codes: the reference
         *     server answers 200 with the workload, as the other UCS updates answer 200.
         */
        put: operations["UpdateProxyUnitedWorkload"];
        /**
         * Create a federated workload in a fleet's federation
         * @description Stores a federated workload: the manifest (`template`) with the PropagationPolicy,
         *     OverridePolicy and ResourceBinding that place it on member clusters, each kept as sent.
         *     A workload is identified by `kind`, `metadata.namespace` (`default` when absent) and
         *     `metadata.name`; the server sets `metadata.uid`, `creationTimestamp`, `updateTimestamp`,
         *     `resourceVersion` and `generation` (ignored in a request). The fleet's federation must be
         *     enabled and done enabling: `UCS.01080006` (the fleet is not federated) otherwise.
         *     Disabling federation deletes the fleet's workloads with the federation's control plane,
         *     so a fleet never keeps workloads without one (and a fleet is deleted only without
         *     federation). A workload of the same kind, namespace and name is refused with
         *     `UCS.00000012`, as a taken fleet name is.
         *     The UCS documents do not show this operation's status codes: the reference server answers
         *     201 with the workload, as the other UCS creates answer 201.
         */
        post: operations["CreateProxyUnitedWorkload"];
        /**
         * Delete a federated workload
         * @description Deletes the workload of that kind, namespace and name (`name` is needed, as for
         *     `ShowProxyUnitedWorkload`). A workload that does not exist is 404 `UCS.00000013`; a fleet
         *     whose federation is not enabled is `UCS.01080006`. The UCS documents answer 200 without
         *     a body; the reference server answers `{}`, as the Go SDK cannot parse an empty body.
         */
        delete: operations["DeleteProxyUnitedWorkload"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the registered clusters of the account */
        get: operations["ShowClusterList"];
        put?: never;
        /**
         * Register a cluster
         * @description Registers (attaches or imports) a cluster in the caller's account and answers its new ID.
         *     `category`, `type` and `provider` must form a combination UCS knows (`UCS.01030011`
         *     otherwise): `self` with `cce`, `turbo` or `turbopro` (provider `huaweicloud`);
         *     `attachedcluster` with `ack`, `aks`, `eks`, `gke`, `tke`, `openshift` or `privatek8s`;
         *     `onpremise` with `baremetal`. An attached cluster carries its kubeconfig in the
         *     annotation `kubeconfig` (YAML or JSON text; `UCS.01030008` when it is missing or names no
         *     API server); the server reads the API server's address from it and does not keep it,
         *     since it holds the cluster's credentials. Names are unique in the account (409
         *     `UCS.01030003`), and an account holds at most 50 clusters (`UCS.00000017`).
         *     `manageType` `grouped` puts the cluster into the fleet `clusterGroupID` at once, as
         *     JoinGroup does; `discrete` needs `clusterGroupID` empty or absent. The reference server
         *     makes every cluster ID itself; `metadata.uid` is accepted and not used.
         *
         *     The Python SDK sends this body form-encoded. Fields holding JSON text are taken
         *     (`metadata` and `spec` as JSON, `kind` and `apiVersion` as plain values); the SDK's own
         *     encoding sends only the keys of `metadata` and `spec` (`metadata=name&metadata=labels`),
         *     which loses their values: that is refused with 400 `UCS.00000012` saying to send JSON.
         */
        post: operations["RegisterCluster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clusters/{clusterid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        /**
         * Show a registered cluster
         * @description The cluster, with its fleet (`spec.clusterGroupID`, `spec.manageType` `grouped`) while it
         *     is a member, and a `Federation` condition while that fleet's federation is on. A cluster
         *     of another account answers exactly like one that does not exist.
         */
        get: operations["ShowCluster"];
        /**
         * Update a registered cluster
         * @description Changes the country and city of an attached or on-premises cluster and, from the
         *     annotation `kubeconfig`, its API server address (the kubeconfig is read, not kept). Other
         *     annotations are kept as sent. A Huawei Cloud (`self`) cluster cannot be changed
         *     (`UCS.01030011`).
         */
        put: operations["UpdateCluster"];
        post?: never;
        /**
         * Deregister a cluster
         * @description Deregisters a cluster that is in no fleet. A member of a fleet is refused with
         *     `UCS.01030009`: remove it from its fleet first (LeaveGroup).
         */
        delete: operations["DeleteCluster"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/managedclusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the CCE clusters of the account
         * @description A top-level array of the account's Huawei Cloud (`self`) clusters. The reference server
         *     has no CCE service behind it: the CCE clusters it knows are the ones registered, so
         *     `unimported=true` (only clusters not yet imported into UCS) is always empty.
         */
        get: operations["ListManagedClusters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clusters/{clusterid}/accessinfo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        /**
         * Download the agent manifests of an attached or on-premises cluster
         * @description A top-level array of strings, each the JSON text of one Kubernetes manifest of the
         *     cluster's proxy agent (a `Deployment` in `kube-system`). Once per activation: a second
         *     download is 410 `UCS.00000013` until RetryClusterActivation; afterwards the cluster shows
         *     `spec.IsDownloadedCert: true`. A Huawei Cloud (`self`) cluster has no agent
         *     (`UCS.01030011`). The reference server runs no proxy server, so the manifests carry no
         *     credentials.
         */
        get: operations["ShowClusterAccessInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clusters/{clusterid}/join": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a cluster into a fleet
         * @description Makes the cluster a member of the fleet `clusterGroupID`: it is appended to the fleet's
         *     `spec.clusterIds`, and shows `spec.clusterGroupID` and `spec.manageType` `grouped`. A
         *     cluster is in at most one fleet: a member of another fleet is refused with
         *     `UCS.01100002` (LeaveGroup first); joining its own fleet again changes nothing. A fleet
         *     holds at most 50 clusters (`UCS.01100006`). An unknown fleet, or one of another account,
         *     is 404. The Python SDK sends the body form-encoded (`clusterGroupID=<id>`), which is
         *     accepted.
         */
        post: operations["JoinGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clusters/{clusterid}/unjoin": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a cluster from its fleet
         * @description The cluster leaves its fleet's `spec.clusterIds` and shows `spec.manageType` `discrete`.
         *     A cluster in no fleet is refused with `UCS.01100002`.
         */
        post: operations["LeaveGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clusters/{clusterid}/activation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Retry the activation of an attached or on-premises cluster
         * @description Starts the cluster's activation again: its agent manifests can be downloaded once more
         *     (ShowClusterAccessInfo), and `spec.IsDownloadedCert` is `false` until they are. A Huawei
         *     Cloud (`self`) cluster has no agent to activate (`UCS.01030011`).
         */
        put: operations["RetryClusterActivation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/config/registeredclusterversions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the Kubernetes versions a registered cluster may run */
        get: operations["ListRegisteredClusterVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clusters/{clusterid}/kubeconfig": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a kubeconfig for one registered cluster
         * @description Issues a kubeconfig for one registered cluster of the account, whether or not it is a
         *     member of a fleet. Takes no body (the SDKs send none). A cluster of another account, or
         *     none, is 404 `UCS.00000013`; a cluster whose phase is not `Available` is refused with 400
         *     `UCS.01030004`.
         *
         *     Each call mints a fresh client key and an X.509 client certificate, valid for 365 days
         *     (the UCS documents name no validity; the reference server's choice), with the caller's
         *     user name as CN and its groups as O, signed by **the cluster's own CA**, as a member
         *     cluster's API server trusts its own client CA: the reference server makes that CA at the
         *     cluster's first kubeconfig, keeps it with the cluster, and drops it when the cluster is
         *     deleted, so that every kubeconfig of the cluster stops working then and a cluster
         *     registered again under the same id trusts none of the old ones. The private key is sent
         *     once and never stored. The server URL is the cluster's path on the federation endpoint
         *     (`https://host:port/clusters/<cluster id>`, which answers `/version` with the cluster's
         *     Kubernetes version, discovery and `selfsubjectreviews`), and certificate-authority-data
         *     the CA of that endpoint's serving certificate, as in the fleets' kubeconfigs.
         */
        post: operations["CreateClusterKubeconfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health of the reference server
         * @description Answers 200 while the server can reach its store. Needs no credentials.
         */
        get: operations["ShowHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This contract, as YAML
         * @description The `openapi.yaml` the reference server was built from, byte for byte. Needs no
         *     credentials. `x-ucs-static` marks the operations that the server answers as files,
         *     before request validation, instead of through a typed JSON handler.
         */
        get: operations["ShowOpenApiYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This contract, as JSON
         * @description The same document as `/openapi.yaml`, converted to JSON. Needs no credentials.
         */
        get: operations["ShowOpenApiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This contract, rendered for a browser
         * @description An HTML page that renders the contract with Redoc. Every asset it loads is served by the
         *     reference server itself (no CDN), so it works on a machine without internet access.
         *     Needs no credentials.
         */
        get: operations["ShowApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/redoc.standalone.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The renderer of the docs page
         * @description Redoc's standalone bundle (MIT), an ES module loaded by `/docs`. Answers 404
         *     `UCS.00000013` when the server was installed without it. Needs no credentials.
         */
        get: operations["ShowApiDocsScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The error body of every UCS error. */
        UcsError: {
            error_code: components["schemas"]["UcsErrorCode"];
            /** @description What went wrong, naming the field or the state. */
            error_msg: string;
        };
        /**
         * @description The UCS error codes this API answers with (from the UCS error code table); what each
         *     means is in `x-enumDescriptions`. Which codes an error response may carry is in that
         *     response's `x-ucs-error-codes` (the first is the one the server answers with unless a
         *     more precise one applies): the generated operation table reads both, nothing parses
         *     this text. `UCS.00000003` answers every federation state that does not allow the
         *     operation (not enabled, still being enabled, already enabled, no connection, connection
         *     exists): the UCS table has no dedicated "already enabled" code. The answers given
         *     before any operation are listed in `x-ucs-connection-answers` (at the root), each
         *     response with its `x-ucs-error-codes` too.
         * @enum {string}
         */
        UcsErrorCode: "UCS.00000003" | "UCS.00000004" | "UCS.00000005" | "UCS.00000006" | "UCS.00000011" | "UCS.00000012" | "UCS.00000013" | "UCS.00000016" | "UCS.00000017" | "UCS.00000018" | "UCS.01100006" | "UCS.00150004" | "UCS.00150006" | "UCS.01130006" | "UCS.01080006" | "UCS.01030003" | "UCS.01030008" | "UCS.01030009" | "UCS.01030011" | "UCS.01100002" | "UCS.01100007" | "UCS.01030004";
        DownloadKubeconfigRequest: {
            duration: components["schemas"]["CertificateDuration"];
        };
        /**
         * Format: int32
         * @description Validity period of the certificate in the kubeconfig, in days. It must also end before
         *     the fleet's CA expires (400 `UCS.00000003` otherwise, naming the longest it may be).
         * @example 30
         */
        CertificateDuration: number;
        FederationConnectionRequest: {
            /** @description Project ID. */
            projectID: string;
            /** @description ID of a VPC of the project. */
            vpcID: string;
            /** @description Network ID of a subnet of the VPC. */
            subnetID: string;
        };
        FederationCertRequest: {
            /** @description Project ID. */
            projectID: string;
            /** @description ID of a VPC of the project. */
            vpcID: string;
            /** @description Network ID of a subnet of the VPC. */
            subnetID: string;
            duration: components["schemas"]["CertificateDuration"];
        };
        FederationConnectionResponse: {
            /**
             * @description ID of the VPC endpoint of the connection.
             * @example b8c9c1dc-b10f-4644-bc5f-e557efa63782
             */
            id: string;
        };
        RegisterClusterGroupRequest: {
            metadata: {
                name: components["schemas"]["FleetName"];
            };
            spec?: {
                /** @description Clusters to associate with the fleet. */
                clusterIds?: string[];
                /** @description Description of the fleet. */
                description?: string;
            };
        };
        /** @description The form the official SDKs send; each field holds the JSON text of the field of the same name in the JSON body. */
        RegisterClusterGroupForm: {
            /** @description JSON text of `metadata`. */
            metadata: string;
            /** @description JSON text of `spec`. */
            spec?: string;
        };
        /**
         * @description Starts with a lowercase letter, holds only lowercase letters, digits and `-`, and does not end with `-`.
         * @example demo
         */
        FleetName: string;
        RegisterClusterGroupResponse: {
            /** @description ID of the new fleet. */
            uid: string;
        };
        DeleteClusterGroupResponse: {
            clusterGroupId: string;
            /** @example The cluster group has been deleted. */
            message: string;
        };
        ClusterGroupList: {
            items: components["schemas"]["ClusterGroup"][];
            /**
             * Format: int32
             * @description Number of fleets in the account, whatever limit and offset say.
             */
            total: number;
        };
        ClusterGroup: {
            /** @enum {string} */
            kind: "ClusterGroup";
            /** @enum {string} */
            apiVersion: "v1";
            metadata: components["schemas"]["ClusterGroupMetadata"];
            spec: components["schemas"]["ClusterGroupSpec"];
            status: components["schemas"]["ClusterGroupStatus"];
        };
        /**
         * @description The fleet's ObjectMeta as the SDKs model it, with the fields the reference server sets.
         *     `labels` and `annotations` are absent: no fleet operation of the SDKs sets them
         *     (RegisterClusterGroup's metadata has only `name`).
         */
        ClusterGroupMetadata: {
            resourceVersion: components["schemas"]["ResourceVersion"];
            generation: components["schemas"]["Generation"];
            uid: string;
            name: components["schemas"]["FleetName"];
            /**
             * Format: date-time
             * @description RFC 3339.
             */
            creationTimestamp: string;
            /**
             * Format: date-time
             * @description RFC 3339.
             */
            updateTimestamp: string;
        };
        ClusterGroupSpec: {
            description?: string;
            clusterIds?: string[];
            /** @description Set once federation is enabled (or being enabled). */
            federationId?: string;
            /**
             * Format: date-time
             * @description When the federation expires (RFC 3339), set while federation is on: its CA's notAfter,
             *     ten years after enabling. No kubeconfig of the federation outlives it (DownloadFederationKubeconfig).
             */
            federationExpirationTimestamp?: string;
            /**
             * @description The federation's version (the one an upgrade started from, until it is done); set while federation is on.
             * @example v1.7.0-t1109
             */
            federationVersion?: string;
            /** @description Root domains of the federation's domain-name access (UpdateClusterGroupAssociatedZones); absent when none. */
            dnsSuffix?: string[];
            /** @description ID of the fleet's policy center, while it is enabled (or being enabled). */
            policyId?: string;
            /** @description Every namespace the fleet's permission policies are bound to (UpdateClusterGroupAssociatedRules), sorted; absent when none. */
            ruleNamespaces?: string[];
            /** @description The VPC endpoints of the federation connection, once connected. */
            connectGatewayEndpoints?: components["schemas"]["ConnectEndpoint"][];
        };
        ConnectEndpoint: {
            /** @enum {string} */
            type: "VPCEP";
            name: string;
            id: string;
            region: string;
        };
        ClusterGroupStatus: {
            conditions: components["schemas"]["ClusterGroupCondition"][];
        };
        ClusterGroupCondition: {
            /**
             * @description `Federation` always; `Policy` while the policy center is enabled or being enabled.
             * @enum {string}
             */
            type: "Federation" | "Policy";
            /**
             * @description `Rollback` while a RollbackFederation runs, as the UCS documents name that state.
             * @enum {string}
             */
            status: "Available" | "Unavailable" | "Enabling" | "Upgrading" | "Rollback" | "Reconciling" | "Running";
            /** @enum {string} */
            reason: "FederationAvailable" | "FederationUnavailable" | "FederationEnabling" | "FederationUpgrading" | "FederationRollingBack" | "PolicyReconciling" | "PolicyRunning";
            message: string;
            /**
             * Format: date-time
             * @description RFC 3339 (`YYYY-MM-DDTHH:MM:SSZ`), a form the Go SDK parses.
             */
            lastTransitionTime: string;
        };
        JobAccepted: {
            jobId: string;
            message: string;
        };
        /**
         * @description A federation job. Sub-jobs run one after the other; a job's phase is `Pending` until
         *     it starts, `Running` while it runs and `Success` when done. (`Success` is the only phase
         *     the UCS documents show; the others are the reference server's.)
         */
        Job: {
            /** @enum {string} */
            kind: "Job";
            /**
             * @description v3, as in the UCS example (the UCS table says v1).
             * @enum {string}
             */
            apiVersion: "v3";
            metadata: components["schemas"]["JobMetadata"];
            spec: components["schemas"]["JobSpec"];
            status: components["schemas"]["JobStatus"];
        };
        JobMetadata: {
            uid: string;
            /** Format: date-time */
            creationTimestamp: string;
            /** Format: date-time */
            updateTimestamp?: string;
        };
        JobSpec: {
            /** @enum {string} */
            type: "CreateFederation" | "DeleteFederation" | "UpgradeFederation" | "RollbackFederation" | "InstallFederationChart" | "CreateFederationCertificates" | "StartFederationApiServer" | "JoinFederationClusters";
            federationUID?: string;
            resourceID?: string;
            resourceName?: string;
            /**
             * @description The job's extra parameter (the UCS documents show no value): for `UpgradeFederation` and
             *     `RollbackFederation`, the version the job takes the federation to; absent otherwise.
             * @example v1.11.3
             */
            extendparam?: string;
            subJobs?: components["schemas"]["Job"][];
        };
        JobStatus: {
            /** @enum {string} */
            phase: "Pending" | "Running" | "Success" | "Failed";
            reason?: string;
            /** Format: date-time */
            startTime?: string;
            /** Format: date-time */
            completionTime?: string;
        };
        /** @description An empty JSON object, `{}`, as the UCS examples answer. */
        EmptyObject: Record<string, never>;
        UpdateClusterGroupDescriptionRequest: {
            /** @description The new description of the fleet; an empty string clears it. */
            description: string;
        };
        ServerConfigs: {
            onpremises: {
                versionsInfo: components["schemas"]["OnPremisesVersionInfo"][];
            };
            federations: {
                versionsInfo: components["schemas"]["FederationVersionInfo"][];
            };
        };
        OnPremisesVersionInfo: {
            /** @example 1.28.5 */
            kubernetesVersion?: string;
            /** @example 25.3.0 */
            releaseVersion?: string;
            ucsctlDownloadURL?: string;
            /** @example amd64 */
            arch?: string;
            obsEndpoint?: string;
            packagePath?: string;
        };
        FederationVersionInfo: {
            currentVersion: components["schemas"]["FederationVersionRef"];
            /** @description The versions a fleet at `currentVersion` may be upgraded to (empty for the newest). */
            targetVersions: components["schemas"]["FederationVersionRef"][];
        };
        FederationVersionRef: {
            /**
             * @description A federation version (the key starts with a capital F, as in the UCS documents).
             * @example v1.10.7
             */
            FederationVersion: string;
        };
        ShowQuotaResponse: {
            quotas: {
                resources: components["schemas"]["QuotaResource"][];
            };
        };
        QuotaResource: {
            /** @enum {string} */
            type: "cluster" | "clustergroup" | "rule" | "federation";
            /** @description The limit, a decimal number as a string. */
            quota: string;
            /** @description How much of it the account uses, a decimal number as a string. */
            used: string;
            /** @description The lowest the limit may be set to. */
            min?: string;
            /** @description The highest the limit may be set to. */
            max?: string;
        };
        UpdateAssociatedClustersRequest: {
            /** @description Clusters to add to the fleet. */
            clusterIds: string[];
        };
        UpdateAssociatedRulesRequest: {
            ruleIDNamespaces: components["schemas"]["RuleIDNamespaces"][];
        };
        RuleIDNamespaces: {
            /** @description Permission policies (rules) to bind. */
            ruleIDs: string[];
            /** @description Namespaces they apply to. */
            namespaces: string[];
        };
        UpdateAssociatedZonesRequest: {
            /** @description Root domains (lowercase DNS names); an empty list removes them. */
            dnsSuffix: string[];
        };
        UpgradeFederationRequest: {
            /**
             * @description The version to upgrade to; the newest allowed when absent.
             * @example v1.11.3
             */
            targetVersion?: string;
        };
        PolicyJobAccepted: {
            /** @description ID of the policy job (`jobID`, where federation jobs say `jobId`). */
            jobID: string;
        };
        PolicyInstanceRequest: {
            /** @description ID of the policy definition (constraint template). */
            constraintTemplateID: string;
            /**
             * @description What a violation does.
             * @default deny
             * @enum {string}
             */
            enforcementAction: "warn" | "deny";
            /** @description Namespaces the instance applies to; all of them when absent. */
            namespaces?: string[];
            /** @description The template's parameters, kept as sent. */
            parameters?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description The kinds of workload the UCS documents list.
         * @enum {string}
         */
        WorkloadKind: "Deployment" | "Service" | "Ingress" | "ConfigMap" | "Secret" | "Job" | "StatefulSet" | "DaemonSet" | "PersistentVolumeClaim";
        /**
         * @description A Kubernetes object name (DNS-1123 subdomain).
         * @example web
         */
        WorkloadName: string;
        /**
         * @description A Kubernetes namespace (DNS-1123 label).
         * @example default
         */
        WorkloadNamespace: string;
        /** @description Kubernetes labels, at most 100. */
        Labels: {
            [key: string]: string;
        };
        /** @description Kubernetes annotations, at most 100. */
        Annotations: {
            [key: string]: string;
        };
        /**
         * @description Set by the server; it changes on every change of the object. Ignored in a request.
         * @example 3
         */
        ResourceVersion: string;
        /**
         * @description Set by the server: 1 when created, one more on every change. A string, as the Go and
         *     Python SDKs type it (a UCS table says Integer; Go would fail on a number). Ignored in a request.
         * @example 3
         */
        Generation: string;
        WorkloadMetadata: {
            name: components["schemas"]["WorkloadName"];
            namespace?: components["schemas"]["WorkloadNamespace"];
            labels?: components["schemas"]["Labels"];
            annotations?: components["schemas"]["Annotations"];
            /** @description Set by the server; ignored in a request. */
            uid?: string;
            /**
             * Format: date-time
             * @description Set by the server (RFC 3339); ignored in a request.
             */
            creationTimestamp?: string;
            /**
             * Format: date-time
             * @description Set by the server (RFC 3339); ignored in a request.
             */
            updateTimestamp?: string;
            resourceVersion?: components["schemas"]["ResourceVersion"];
            generation?: components["schemas"]["Generation"];
        };
        /** @description The metadata of the policies of a workload, kept as sent. */
        ObjectMeta: {
            name?: components["schemas"]["WorkloadName"];
            namespace?: components["schemas"]["WorkloadNamespace"];
            uid?: string;
            labels?: components["schemas"]["Labels"];
            annotations?: components["schemas"]["Annotations"];
        };
        /**
         * @description A federated workload (the SDK's model name, spelled as it is): the manifest and the
         *     Karmada policies that place it, each kept as sent. In an answer `metadata.namespace`,
         *     `uid`, `creationTimestamp`, `updateTimestamp`, `resourceVersion` and `generation` are set.
         */
        MutiWorkload: {
            kind: components["schemas"]["WorkloadKind"];
            /** @example apps/v1 */
            apiVersion?: string;
            metadata: components["schemas"]["WorkloadMetadata"];
            /** @description The application manifest, kept as sent. */
            template?: {
                [key: string]: unknown;
            };
            propagationPolicy?: components["schemas"]["PropagationPolicy"];
            overridePolicy?: components["schemas"]["OverridePolicy"];
            resourceBinding?: components["schemas"]["ResourceBinding"];
        };
        PropagationPolicy: {
            /** @enum {string} */
            kind?: "PropagationPolicy";
            apiVersion?: string;
            metadata?: components["schemas"]["ObjectMeta"];
            spec?: components["schemas"]["PropagationSpec"];
        };
        PropagationSpec: {
            resourceSelectors?: components["schemas"]["ResourceSelector"][];
            propagateDeps?: boolean;
            placement?: components["schemas"]["Placement"];
            /** Format: int32 */
            priority?: number;
            schedulerName?: string;
        };
        ResourceSelector: {
            apiVersion?: string;
            kind?: string;
            namespace?: string;
            name?: string;
        };
        Placement: {
            clusterAffinity?: components["schemas"]["ClusterAffinity"];
            clusterTolerations?: components["schemas"]["Toleration"][];
            /** @description How replicas are split among member clusters, kept as sent. */
            replicaScheduling?: {
                [key: string]: unknown;
            };
        };
        ClusterAffinity: {
            clusterNames?: string[];
            exclude?: string[];
        };
        Toleration: {
            key?: string;
            /** @enum {string} */
            operator?: "Exists" | "Equal";
            value?: string;
            /** @enum {string} */
            effect?: "" | "NoSchedule" | "PreferNoSchedule" | "NoExecute";
            /** Format: int64 */
            tolerationSeconds?: number;
        };
        /** @description As in the SDK, without metadata. */
        OverridePolicy: {
            /** @enum {string} */
            kind?: "OverridePolicy";
            apiVersion?: string;
            spec?: {
                resourceSelectors?: components["schemas"]["ResourceSelector"][];
                /** @description The override rules, kept as sent. */
                overriders?: {
                    [key: string]: unknown;
                };
            };
        };
        ResourceBinding: {
            /** @enum {string} */
            kind?: "ResourceBinding";
            apiVersion?: string;
            metadata?: components["schemas"]["ObjectMeta"];
            spec?: {
                resource?: {
                    [key: string]: unknown;
                };
                propagateDeps?: boolean;
                replicaRequirements?: {
                    [key: string]: unknown;
                };
                /** Format: int32 */
                replicas?: number;
                placement?: components["schemas"]["Placement"];
                clusters?: {
                    name?: string;
                    /** @description A string, as the SDK types it. */
                    replicas?: string;
                }[];
            };
            status?: {
                /** Format: int64 */
                schedulerObservedGeneration?: number;
                conditions?: {
                    type?: string;
                    status?: string;
                    /** Format: int64 */
                    observedgeneration?: number;
                    lastTransitionTime?: string;
                    reason?: string;
                    message?: string;
                }[];
            };
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        /** @description A kubeconfig (the JSON form of `~/.kube/config`). */
        Kubeconfig: {
            /**
             * @description API type. The value is fixed at Config.
             * @enum {string}
             */
            kind: "Config";
            /**
             * @description API version. The value is fixed at v1.
             * @enum {string}
             */
            apiVersion: "v1";
            /** @description Cluster list. */
            clusters: components["schemas"]["NamedCluster"][];
            /** @description Certificate information and client key information of specified users. */
            users: components["schemas"]["NamedAuthInfo"][];
            /** @description Context list. */
            contexts: components["schemas"]["NamedContext"][];
            /** @description Current context. */
            "current-context": string;
        };
        NamedCluster: {
            /** @description Cluster name. */
            name: string;
            cluster: components["schemas"]["ClusterCert"];
        };
        ClusterCert: {
            /**
             * @description Server address. The reference server names its one federation endpoint with the
             *     fleet's path under it, `https://HOST:PORT/clustergroups/{clustergroupid}`; kubectl,
             *     client-go, python-kubernetes and client-node keep a server URL's path.
             */
            server: string;
            /**
             * @description Certificate authorization data: base64 of the PEM of the CA that signs the federation
             *     endpoint's serving certificate. On the reference server that is the endpoint's CA, the
             *     same for every fleet, and not the fleet's CA (which signs the client certificate in
             *     `users`): one endpoint serves every fleet, and its TLS handshake, which happens before
             *     the URL path is sent, cannot choose a certificate by that path; SNI cannot tell fleets
             *     apart either, since the server URL names an IP address, for which clients send no SNI.
             *     The client certificate is checked against the CA of the fleet the path names.
             */
            "certificate-authority-data"?: string;
            /**
             * @description Whether to skip server certificate verification. The UCS documents type this field
             *     as a string, but kubectl reads a boolean here and rejects a string; the reference
             *     server never sends it (it always sends `certificate-authority-data`), so neither
             *     kubectl nor the Go SDK (which reads it as a string) ever meets a value it rejects.
             */
            "insecure-skip-tls-verify"?: boolean;
        };
        NamedAuthInfo: {
            /** @description Username. */
            name: string;
            user: components["schemas"]["AuthInfo"];
        };
        AuthInfo: {
            /** @description Client certificate (base64 of the PEM). */
            "client-certificate-data"?: string;
            /** @description PEM encoding data from the TLS client key file (base64 of the PEM). */
            "client-key-data"?: string;
            /** @description Authentication token. */
            token?: string;
        };
        NamedContext: {
            /** @description Context name. */
            name: string;
            context: components["schemas"]["Context"];
        };
        Context: {
            /** @description Cluster context. */
            cluster: string;
            /** @description User context. */
            user: string;
        };
        /**
         * @description Starts with a lowercase letter, holds only lowercase letters, digits and `-`, and does
         *     not end with `-`: the name is also the cluster's name in the fleet's Karmada federation.
         * @example prod-1
         */
        ClusterName: string;
        RegisterClusterRequest: {
            /** @enum {string} */
            kind: "Cluster";
            /** @enum {string} */
            apiVersion: "v1";
            metadata: {
                /** @description The CCE cluster's ID when importing one; accepted and not used (the server makes every cluster ID). */
                uid?: string;
                name: components["schemas"]["ClusterName"];
                labels?: {
                    [key: string]: string;
                };
                /** @description An attached cluster's `kubeconfig` (the whole file as one string) goes here; every other annotation is kept. */
                annotations?: {
                    [key: string]: string;
                };
            };
            spec: components["schemas"]["RegisterClusterSpec"];
        };
        RegisterClusterSpec: {
            /** @description The fleet to put the cluster in (with `manageType` `grouped`); empty or absent for none. */
            clusterGroupID?: string;
            /** @description `self` (Huawei Cloud), `attachedcluster` or `onpremise`. */
            category: string;
            /** @description `cce`, `turbo`, `turbopro`; `ack`, `aks`, `eks`, `gke`, `tke`, `openshift`, `privatek8s`; `baremetal`. */
            type: string;
            /** @description `huaweicloud` for `self` clusters; any provider name for the others. */
            provider: string;
            /** @description Two-letter country code. */
            country: string;
            /** @description City code (China only), e.g. `110000`. */
            city?: string;
            /** @description Region of an imported CCE cluster. */
            region?: string;
            /** @description Project of an imported CCE cluster. */
            projectID?: string;
            /** @enum {string} */
            manageType: "grouped" | "discrete";
        };
        /**
         * @description The form the Python SDK sends: `kind` and `apiVersion` as plain values, `metadata` and
         *     `spec` each holding the JSON text of the field of the same name in the JSON body.
         */
        RegisterClusterForm: {
            kind: string;
            apiVersion: string;
            /** @description JSON text of `metadata`. */
            metadata: string;
            /** @description JSON text of `spec`. */
            spec: string;
        };
        RegisterClusterResponse: {
            /** @description ID of the new cluster. */
            uid: string;
        };
        UpdateClusterRequest: {
            /** @enum {string} */
            kind: "Cluster";
            /** @enum {string} */
            apiVersion: "v1";
            metadata?: {
                /** @description Replace the cluster's annotations; `kubeconfig` replaces its API server address and is not kept. */
                annotations?: {
                    [key: string]: string;
                };
            };
            spec?: {
                country?: string;
                city?: string;
            };
        };
        ClusterJoinGroupRequest: {
            /** @description The fleet to join. */
            clusterGroupID: string;
        };
        RegisteredClusterVersions: {
            versions: string[];
        };
        ClusterList: {
            items: components["schemas"]["Cluster"][];
            /**
             * Format: int32
             * @description Number of clusters that match the filters, whatever limit and offset say.
             */
            total: number;
        };
        Cluster: {
            /** @enum {string} */
            kind: "Cluster";
            /** @enum {string} */
            apiVersion: "v1";
            metadata: components["schemas"]["ClusterMetadata"];
            spec: components["schemas"]["ClusterSpec"];
            status?: components["schemas"]["ClusterStatus"];
        };
        ClusterMetadata: {
            uid: string;
            name: components["schemas"]["ClusterName"];
            /**
             * Format: date-time
             * @description RFC 3339.
             */
            creationTimestamp: string;
            /**
             * Format: date-time
             * @description RFC 3339.
             */
            updateTimestamp: string;
            labels?: {
                [key: string]: string;
            };
            annotations?: {
                [key: string]: string;
            };
        };
        ClusterSpec: {
            /** @description The fleet the cluster is a member of; absent while it is in none. */
            clusterGroupID?: string;
            /** @enum {string} */
            manageType: "grouped" | "discrete";
            category: string;
            type: string;
            provider: string;
            /** @description The API server's address, when known (from an attached cluster's kubeconfig). */
            apiEndpoint?: string;
            region?: string;
            country: string;
            city?: string;
            projectID?: string;
            /** @description Whether the agent manifests of this activation were downloaded (ShowClusterAccessInfo). */
            IsDownloadedCert: boolean;
            /** @description The owner account's domain ID. */
            operatorNamespace: string;
        };
        ClusterStatus: {
            /** @example v1.31 */
            kubernetesVersion: string;
            /** @enum {string} */
            phase: "Available" | "Unavailable";
            conditions: components["schemas"]["ClusterCondition"][];
            /** @description The API server's address, when known. */
            endpoints?: components["schemas"]["ClusterEndpoint"][];
            /** @enum {string} */
            arrearFreeze: "true" | "false";
            /** @enum {string} */
            policeFreeze: "true" | "false";
        };
        ClusterEndpoint: {
            url: string;
            /** @enum {string} */
            type: "External";
        };
        ClusterCondition: {
            /**
             * @description `Ready` and `Cluster` always; `Federation` while the cluster's fleet has federation on.
             * @enum {string}
             */
            type: "Ready" | "Cluster" | "Federation";
            /** @enum {string} */
            status: "True" | "False" | "Available" | "Unavailable" | "Federalizing" | "Federalized";
            reason: string;
            message: string;
            /**
             * Format: date-time
             * @description RFC 3339 (`YYYY-MM-DDTHH:MM:SSZ`), a form both SDKs parse.
             */
            lastTransitionTime: string;
        };
    };
    responses: {
        /**
         * @description As `BadRequest`, and what a cluster's state or kind refuses: `UCS.01030008` a kubeconfig
         *     that is missing or names no API server, `UCS.01030009` deregistering a member of a fleet,
         *     `UCS.01030011` a category/type/provider combination UCS does not know or an operation a
         *     cluster of its category does not have, `UCS.01100002` a cluster already in another fleet
         *     or in none, `UCS.01100006` a fleet that would hold more than 50 clusters,
         *     `UCS.00000017` an account that would hold more than 50 clusters.
         */
        ClusterBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.01100002",
                 *       "error_msg": "Associate cluster with clustergroup error: cluster prod-1 is in fleet demo; remove it from that fleet first"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /** @description A cluster of that name is already registered in the account (`UCS.01030003`). */
        ClusterConflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.01030003",
                 *       "error_msg": "The same cluster already exists: a cluster named prod-1 is registered"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The cluster's agent manifests were already downloaded in this activation
         *     (`UCS.00000013`); RetryClusterActivation allows one more download.
         */
        AgentAlreadyDownloaded: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000013",
                 *       "error_msg": "No requested resources found: the agent manifests of cluster prod-1 were already downloaded"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description As `BadRequest`, and the fleet's members: `UCS.01100002` a fleet that still has
         *     registered clusters (deleting it), or a cluster already in another fleet (adding it),
         *     `UCS.01100007` an ID that is not a registered cluster of the account, `UCS.01100006` a
         *     fleet that would hold more than 50 clusters.
         */
        FleetMembershipBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.01100002",
                 *       "error_msg": "Associate cluster with clustergroup error: fleet demo still has 2 clusters; remove them first (LeaveGroup)"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The request is invalid: a malformed body (`UCS.00000012`), a bad query parameter
         *     (`UCS.00000011`), a bad header (`UCS.00000016`), a federation state that does not
         *     allow the operation (`UCS.00000003`) or an exhausted quota (`UCS.00000017`).
         *     `error_msg` names the field or the state.
         */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000012",
                 *       "error_msg": "Invalid request body: duration must be >= 1"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description As `BadRequest`, and `UCS.01100006` when the fleet would hold more than 50 clusters,
         *     `UCS.01100007` an ID that is not a registered cluster of the account, `UCS.01100002` a
         *     cluster already in another fleet.
         */
        AssociationBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.01100006",
                 *       "error_msg": "Cluster number in fleet exceed limit: fleet demo would hold 51 clusters, at most 50"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /** @description As `BadRequest`, and `UCS.01030004` when the cluster's phase is not `Available`. */
        ClusterKubeconfigBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.01030004",
                 *       "error_msg": "Cluster status is unavailable, fix the cluster first: cluster prod is Unavailable; its kubeconfig is issued while it is Available (RetryClusterActivation)"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description As `BadRequest`, and the policy center's state: `UCS.00150004` already enabled,
         *     `UCS.00150006` not enabled, `UCS.01130006` being enabled.
         */
        PolicyBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00150006",
                 *       "error_msg": "ClusterGroup not enable policy: the policy center of fleet demo is not enabled"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description As `BadRequest`, and `UCS.01080006` when the fleet's federation is not enabled (or still
         *     being enabled): federated workloads live in the federation's control plane.
         */
        WorkloadBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.01080006",
                 *       "error_msg": "ClusterGroup is not federated: federation of fleet demo is not enabled"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /** @description No credentials, or credentials that are not valid (`UCS.00000018`). */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000018",
                 *       "error_msg": "Authorization failed: the X-Auth-Token is not known"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /** @description The credentials are valid but may not make this request (`UCS.00000004`). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000004",
                 *       "error_msg": "Request forbidden: X-Domain-Id is not the account of the access key"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description No such fleet, job or route (`UCS.00000013`). A fleet of another account answers
         *     exactly like a fleet that does not exist.
         */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000013",
                 *       "error_msg": "No requested resources found: fleet 0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The path exists but not with this method (`UCS.00000013`); before any operation, a
         *     `CONNECT` request, which this server never tunnels.
         */
        MethodNotAllowed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000013",
                 *       "error_msg": "No requested resources found: GET is not allowed on this path"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The request body is larger than the server accepts (`UCS.00000012`): refused as soon
         *     as its headers declare it, or, for a chunked body, as soon as it passes the limit; the
         *     connection is then closed.
         */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000012",
                 *       "error_msg": "Invalid request body: larger than 65536 bytes"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description Not valid HTTP/1.1, refused by the HTTP parser before any operation: a request line
         *     that is not `METHOD /path HTTP/1.x` (an unknown method, a space or a control character
         *     in the path), a malformed header, `Content-Length` beside `Transfer-Encoding` or a bad
         *     `Content-Length` (`UCS.00000016`); a malformed chunked body (`UCS.00000012`). The
         *     connection is closed.
         */
        MalformedRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000016",
                 *       "error_msg": "Invalid header value: the request line is not valid HTTP/1.1 (invalid method)"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The request headers did not arrive within 5 s of the connection opening (or of the
         *     request's first byte on a kept-alive connection), or the whole request within 30 s
         *     (`UCS.00000016`). The connection is closed. A kept-alive connection idle for 5 s after
         *     an answer is closed without one.
         */
        RequestTimeout: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000016",
                 *       "error_msg": "Invalid header value: the request did not arrive in time (headers within 5 s, the whole request within 30 s)"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /** @description An `Expect` header other than `100-continue` (`UCS.00000016`). The connection is closed. */
        ExpectationFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000016",
                 *       "error_msg": "Invalid header value: Expect 200-ok is not supported; only 100-continue is"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The request line and headers together are larger than 16 KB (`UCS.00000016`): a long
         *     path, a long token or thousands of headers. The connection is closed.
         */
        RequestHeaderFieldsTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000016",
                 *       "error_msg": "Invalid header value: the request line and headers are larger than 16384 bytes"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The server holds as many connections as it takes (`--max-connections`, `UCS.00000006`):
         *     answered at once on the new connection, which is then closed. Retry later.
         */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000006",
                 *       "error_msg": "Server internal error: too many connections (900); retry later"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /** @description The request body is not in a media type the operation accepts (`UCS.00000016`). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000016",
                 *       "error_msg": "Invalid header value: Content-Type must be application/json"
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
        /**
         * @description The server failed (`UCS.00000005` for the store, `UCS.00000006` otherwise). The message
         *     never carries internals; quote the `X-Request-Id`.
         */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000006",
                 *       "error_msg": "Server internal error."
                 *     }
                 */
                "application/json": components["schemas"]["UcsError"];
            };
        };
    };
    parameters: {
        /** @description Fleet ID. */
        ClusterGroupId: string;
        /** @description Kind of the workload. */
        WorkloadKind: components["schemas"]["WorkloadKind"];
        /** @description Namespace of the workload; `default` when absent. */
        WorkloadNamespace: components["schemas"]["WorkloadNamespace"];
        /** @description Name of the workload (optional in the SDK; see the operation). */
        WorkloadName: components["schemas"]["WorkloadName"];
        /** @description Cluster ID. */
        ClusterId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request, to quote when reporting a problem. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListClusterGroup: {
        parameters: {
            query?: {
                /** @description Number of fleets to return; -1 returns all of them. */
                limit?: number;
                /** @description Number of fleets to skip. */
                offset?: number;
                /** @description Field to sort by. */
                order_by?: "create_at" | "update_at";
                /** @description Sort direction. */
                order?: "desc" | "asc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fleets of the account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterGroupList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    RegisterClusterGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "metadata": {
                 *         "name": "demo"
                 *       },
                 *       "spec": {
                 *         "description": "fleet of the demo clusters"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RegisterClusterGroupRequest"];
                "multipart/form-data": components["schemas"]["RegisterClusterGroupForm"];
                "application/x-www-form-urlencoded": components["schemas"]["RegisterClusterGroupForm"];
            };
        };
        responses: {
            /** @description The fleet was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uid": "6efb4a18-2fa4-11ee-ad1d-0255ac1001c4"
                     *     }
                     */
                    "application/json": components["schemas"]["RegisterClusterGroupResponse"];
                };
            };
            400: components["responses"]["FleetMembershipBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowClusterGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fleet. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterGroup"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    DeleteClusterGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fleet was deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteClusterGroupResponse"];
                };
            };
            400: components["responses"]["FleetMembershipBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    EnableFederation: {
        parameters: {
            query?: {
                /** @description Retry adding the fleet's clusters to the federation. */
                retryjoinall?: boolean;
            };
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabling has started. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "70b5a14f-2fa4-11ee-ad1d-0255ac1001c4",
                     *       "message": "The federation is being created"
                     *     }
                     */
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    DisableFederation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Federation is disabled. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "80c5a14f-2fa4-11ee-ad1d-0255ac1001c4",
                     *       "message": "The federation is being disabled"
                     *     }
                     */
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowFederationProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest federation job. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    CreateFederationConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "projectID": "0e2b5d2c6f8049e7b1c2d3e4f5a6b7c8",
                 *       "vpcID": "3f1e5c7a-8b9d-4e2f-a1b3-c5d7e9f1a2b4",
                 *       "subnetID": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
                 *     }
                 */
                "application/json": components["schemas"]["FederationConnectionRequest"];
            };
        };
        responses: {
            /** @description The connection was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FederationConnectionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    CreateFederationCert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "projectID": "0e2b5d2c6f8049e7b1c2d3e4f5a6b7c8",
                 *       "vpcID": "3f1e5c7a-8b9d-4e2f-a1b3-c5d7e9f1a2b4",
                 *       "subnetID": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                 *       "duration": 30
                 *     }
                 */
                "application/json": components["schemas"]["FederationCertRequest"];
            };
        };
        responses: {
            /** @description kubeconfig file */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kubeconfig"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    DownloadFederationKubeconfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "duration": 30
                 *     }
                 */
                "application/json": components["schemas"]["DownloadKubeconfigRequest"];
            };
        };
        responses: {
            /** @description kubeconfig file */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "Config",
                     *       "apiVersion": "v1",
                     *       "clusters": [
                     *         {
                     *           "name": "cluster-demo",
                     *           "cluster": {
                     *             "server": "https://ip:port/clustergroups/0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f",
                     *             "certificate-authority-data": ""
                     *           }
                     *         }
                     *       ],
                     *       "users": [
                     *         {
                     *           "name": "user",
                     *           "user": {
                     *             "client-certificate-data": "",
                     *             "client-key-data": "",
                     *             "token": ""
                     *           }
                     *         }
                     *       ],
                     *       "contexts": [
                     *         {
                     *           "name": "demo",
                     *           "context": {
                     *             "cluster": "cluster-demo",
                     *             "user": "user"
                     *           }
                     *         }
                     *       ],
                     *       "current-context": "demo"
                     *     }
                     */
                    "application/json": components["schemas"]["Kubeconfig"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateClusterGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "payments clusters, EU"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateClusterGroupDescriptionRequest"];
            };
        };
        responses: {
            /** @description The description was changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ListServerConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerConfigs"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowQuota: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account (domain) ID; it must be the caller's own account (403 `UCS.00000004` otherwise). */
                domainid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quotas. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "quotas": {
                     *         "resources": [
                     *           {
                     *             "type": "clustergroup",
                     *             "quota": "50",
                     *             "used": "1",
                     *             "min": "20",
                     *             "max": "100"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ShowQuotaResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateClusterGroupAssociatedClusters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clusterIds": [
                 *         "b0d1ecb5-7947-11ee-9467-0255ac1001bf"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdateAssociatedClustersRequest"];
            };
        };
        responses: {
            /** @description The clusters are in the fleet. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["AssociationBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateClusterGroupAssociatedRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ruleIDNamespaces": [
                 *         {
                 *           "ruleIDs": [
                 *             "f6434332-60d6-11ed-a847-0255ac10003f"
                 *           ],
                 *           "namespaces": [
                 *             "default",
                 *             "kube-system"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdateAssociatedRulesRequest"];
            };
        };
        responses: {
            /** @description The bindings are replaced. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateClusterGroupAssociatedZones: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dnsSuffix": [
                 *         "example.com"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdateAssociatedZonesRequest"];
            };
        };
        responses: {
            /** @description The root domains are replaced. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    UpgradeFederation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "targetVersion": "v1.11.3"
                 *     }
                 */
                "application/json": components["schemas"]["UpgradeFederationRequest"];
            };
        };
        responses: {
            /** @description Upgrading has started. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "90d5a14f-2fa4-11ee-ad1d-0255ac1001c4",
                     *       "message": "The federation is being upgraded"
                     *     }
                     */
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    RollbackFederation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rolling back has started. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "a0e5a14f-2fa4-11ee-ad1d-0255ac1001c4",
                     *       "message": "The federation is being rolled back"
                     *     }
                     */
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    EnableClusterGroupPolicy: {
        parameters: {
            query?: {
                /**
                 * @description Retry starting policy management. The reference server's enabling never fails, so
                 *     there is nothing to retry: the parameter is accepted and changes nothing.
                 */
                retry?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabling has started. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobID": "19053556-483f-4f54-808d-af633690131d"
                     *     }
                     */
                    "application/json": components["schemas"]["PolicyJobAccepted"];
                };
            };
            400: components["responses"]["PolicyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    DisableClusterGroupPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy center is off. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobID": "88320b1d-b98e-4299-96fa-b0aacbb3582c"
                     *     }
                     */
                    "application/json": components["schemas"]["PolicyJobAccepted"];
                };
            };
            400: components["responses"]["PolicyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    CreateClusterGroupPolicyInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "constraintTemplateID": "f1519ae2-adf8-11ed-9f9c-0255ac100186",
                 *       "enforcementAction": "warn",
                 *       "namespaces": [
                 *         "default"
                 *       ],
                 *       "parameters": {
                 *         "volumes": [
                 *           "configMap"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PolicyInstanceRequest"];
            };
        };
        responses: {
            /** @description The instance is being created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobID": "4882f643-6bb3-48c9-870e-b2a092cf155e"
                     *     }
                     */
                    "application/json": components["schemas"]["PolicyJobAccepted"];
                };
            };
            400: components["responses"]["PolicyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowProxyUnitedWorkload: {
        parameters: {
            query: {
                /** @description Kind of the workload. */
                kind: components["parameters"]["WorkloadKind"];
                /** @description Namespace of the workload; `default` when absent. */
                namespace?: components["parameters"]["WorkloadNamespace"];
                /** @description Name of the workload (optional in the SDK; see the operation). */
                name: components["parameters"]["WorkloadName"];
            };
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workload. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutiWorkload"];
                };
            };
            400: components["responses"]["WorkloadBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateProxyUnitedWorkload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MutiWorkload"];
            };
        };
        responses: {
            /** @description The workload is replaced. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutiWorkload"];
                };
            };
            400: components["responses"]["WorkloadBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    CreateProxyUnitedWorkload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "Deployment",
                 *       "apiVersion": "apps/v1",
                 *       "metadata": {
                 *         "name": "web",
                 *         "namespace": "default",
                 *         "labels": {
                 *           "app": "web"
                 *         }
                 *       },
                 *       "template": {
                 *         "apiVersion": "apps/v1",
                 *         "kind": "Deployment",
                 *         "metadata": {
                 *           "name": "web",
                 *           "namespace": "default"
                 *         },
                 *         "spec": {
                 *           "replicas": 2,
                 *           "selector": {
                 *             "matchLabels": {
                 *               "app": "web"
                 *             }
                 *           },
                 *           "template": {
                 *             "metadata": {
                 *               "labels": {
                 *                 "app": "web"
                 *               }
                 *             },
                 *             "spec": {
                 *               "containers": [
                 *                 {
                 *                   "name": "web",
                 *                   "image": "nginx:1.27"
                 *                 }
                 *               ]
                 *             }
                 *           }
                 *         }
                 *       },
                 *       "propagationPolicy": {
                 *         "kind": "PropagationPolicy",
                 *         "apiVersion": "policy.karmada.io/v1alpha1",
                 *         "metadata": {
                 *           "name": "web",
                 *           "namespace": "default"
                 *         },
                 *         "spec": {
                 *           "resourceSelectors": [
                 *             {
                 *               "apiVersion": "apps/v1",
                 *               "kind": "Deployment",
                 *               "name": "web",
                 *               "namespace": "default"
                 *             }
                 *           ],
                 *           "placement": {
                 *             "clusterAffinity": {
                 *               "clusterNames": [
                 *                 "member-1",
                 *                 "member-2"
                 *               ]
                 *             }
                 *           }
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MutiWorkload"];
            };
        };
        responses: {
            /** @description The workload is stored. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutiWorkload"];
                };
            };
            400: components["responses"]["WorkloadBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    DeleteProxyUnitedWorkload: {
        parameters: {
            query: {
                /** @description Kind of the workload. */
                kind: components["parameters"]["WorkloadKind"];
                /** @description Namespace of the workload; `default` when absent. */
                namespace?: components["parameters"]["WorkloadNamespace"];
                /** @description Name of the workload (optional in the SDK; see the operation). */
                name: components["parameters"]["WorkloadName"];
            };
            header?: never;
            path: {
                /** @description Fleet ID. */
                clustergroupid: components["parameters"]["ClusterGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workload is deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["WorkloadBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowClusterList: {
        parameters: {
            query?: {
                /** @description Only clusters of this category. */
                category?: string;
                /** @description `false` leaves out each cluster's `status`. */
                enablestatus?: boolean;
                /** @description Only the members of this fleet. */
                clustergroupid?: string;
                /** @description Number of clusters to return; -1 returns all of them. */
                limit?: number;
                /** @description Number of clusters to skip. */
                offset?: number;
                /** @description Field to sort by. */
                order_by?: "create_at" | "update_at";
                /** @description Sort direction. */
                order?: "desc" | "asc";
                /** @description `grouped`: only members of a fleet; `discrete`: only clusters in none. */
                managetype?: "all" | "grouped" | "discrete";
                /** @description Only these clusters, comma-separated IDs (the comma sent as it is, or as `%2C` as the SDKs send it). */
                clusterids?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clusters of the account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    RegisterCluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "Cluster",
                 *       "apiVersion": "v1",
                 *       "metadata": {
                 *         "name": "cce-cluster"
                 *       },
                 *       "spec": {
                 *         "category": "self",
                 *         "type": "turbo",
                 *         "provider": "huaweicloud",
                 *         "region": "cn-north-4",
                 *         "manageType": "discrete",
                 *         "country": "CN",
                 *         "city": "110000"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RegisterClusterRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["RegisterClusterForm"];
            };
        };
        responses: {
            /** @description The cluster is registered. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uid": "b0d1ecb5-7947-11ee-9467-0255ac1001bf"
                     *     }
                     */
                    "application/json": components["schemas"]["RegisterClusterResponse"];
                };
            };
            400: components["responses"]["ClusterBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["ClusterConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cluster. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "Cluster",
                 *       "apiVersion": "v1",
                 *       "spec": {
                 *         "country": "CN",
                 *         "city": "150900"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["UpdateClusterRequest"];
            };
        };
        responses: {
            /** @description The cluster is updated. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["ClusterBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    DeleteCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cluster is deregistered. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["ClusterBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    ListManagedClusters: {
        parameters: {
            query?: {
                /** @description `true`: only the CCE clusters not imported into UCS. */
                unimported?: boolean;
                /** @description Number of clusters to return; -1 returns all of them. */
                limit?: number;
                /** @description Number of clusters to skip. */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CCE clusters. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowClusterAccessInfo: {
        parameters: {
            query?: {
                /** @description IP address of the VPC endpoint that reaches an off-cloud cluster over a private network. */
                vpcendpoint?: string;
                /** @description Access region, for private-network access. */
                region?: string;
            };
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent manifests. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[];
                };
            };
            400: components["responses"]["ClusterBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            410: components["responses"]["AgentAlreadyDownloaded"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    JoinGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clusterGroupID": "49077339-f1cd-11ec-a2be-0255ac1001c2"
                 *     }
                 */
                "application/json": components["schemas"]["ClusterJoinGroupRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["ClusterJoinGroupRequest"];
            };
        };
        responses: {
            /** @description The cluster is a member of the fleet. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["ClusterBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    LeaveGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cluster is in no fleet. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["ClusterBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    RetryClusterActivation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Activation is started again. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            400: components["responses"]["ClusterBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    ListRegisteredClusterVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "versions": [
                     *         "v1.19",
                     *         "v1.20",
                     *         "v1.21"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RegisteredClusterVersions"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    CreateClusterKubeconfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster ID. */
                clusterid: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description kubeconfig file */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "Config",
                     *       "apiVersion": "v1",
                     *       "clusters": [
                     *         {
                     *           "name": "ucs-cluster-prod-b0d1ecb5",
                     *           "cluster": {
                     *             "server": "https://ip:port/clusters/b0d1ecb5-7947-11ee-9467-0255ac1001bf",
                     *             "certificate-authority-data": ""
                     *           }
                     *         }
                     *       ],
                     *       "users": [
                     *         {
                     *           "name": "ucs-cluster-prod-b0d1ecb5-alice",
                     *           "user": {
                     *             "client-certificate-data": "",
                     *             "client-key-data": ""
                     *           }
                     *         }
                     *       ],
                     *       "contexts": [
                     *         {
                     *           "name": "ucs-cluster-prod-b0d1ecb5",
                     *           "context": {
                     *             "cluster": "ucs-cluster-prod-b0d1ecb5",
                     *             "user": "ucs-cluster-prod-b0d1ecb5-alice"
                     *           }
                     *         }
                     *       ],
                     *       "current-context": "ucs-cluster-prod-b0d1ecb5"
                     *     }
                     */
                    "application/json": components["schemas"]["Kubeconfig"];
                };
            };
            400: components["responses"]["ClusterKubeconfigBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is healthy. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowOpenApiYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/yaml": string;
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowOpenApiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowApiDocsScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
}
