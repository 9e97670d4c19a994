/**
 * Kubernetes client libraries other than kubectl load a fleet's kubeconfig as downloaded and
 * reach its path on the federation endpoint: python-kubernetes (Debian's python3-kubernetes)
 * and @kubernetes/client-node 1.x both keep the path of the server URL.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { AuthenticationV1Api, KubeConfig, VersionApi } from '@kubernetes/client-node';
import { createUcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { writeKubeconfig } from './support/tools.js';

const dir = tempDir('fed-clients');
/** Debian's interpreter, the one python3-kubernetes installs into (a python3 earlier on PATH may be another). */
const debianPython = '/usr/bin/python3';

const pythonScript = `
import json, sys
from kubernetes import client, config
config.load_kube_config(config_file=sys.argv[1])
version = client.VersionApi().get_code()
groups = client.ApisApi().get_api_versions()
print(json.dumps({"gitVersion": version.git_version, "groups": [g.name for g in groups.groups]}))
`;

describe('Kubernetes client libraries with a downloaded kubeconfig', { concurrency: true }, () => {
  let server: RunningServer;
  let file: string;
  before(async () => {
    server = await startTestServer();
    const kc = await createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch }).downloadFederationKubeconfig(readyFleetId, { duration: 1 });
    file = writeKubeconfig(dir, 'demo.yaml', kc);
  });
  after(() => server.close());

  test('python-kubernetes loads the kubeconfig and reaches /version and discovery', async () => {
    const script = join(dir, 'version.py');
    writeFileSync(script, pythonScript);
    const { stdout } = await promisify(execFile)(debianPython, [script, file], { timeout: 60_000 });
    const answer = JSON.parse(stdout);
    assert.match(answer.gitVersion, /^v1\.31\.\d+$/);
    assert.deepEqual(answer.groups, ['authentication.k8s.io', 'cluster.karmada.io']);
  });

  test('@kubernetes/client-node loads the kubeconfig, reaches /version and reviews itself as alice', async () => {
    const config = new KubeConfig();
    config.loadFromFile(file);
    assert.equal(config.getCurrentCluster()?.server, server.federationEndpoint.fleetUrl(readyFleetId));
    const version = await config.makeApiClient(VersionApi).getCode();
    assert.match(version.gitVersion, /^v1\.31\.\d+$/);
    const review = await config.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    assert.equal(review.status?.userInfo?.username, 'alice');
  });
});
