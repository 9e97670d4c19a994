import { createUcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';

/** A fleet with federation enabled and connected, made through the typed client (setup, not under test). */
export async function connectedFleet(server: RunningServer, name: string, token = 'dev-token'): Promise<string> {
  const client = createUcsClient({ endpoint: server.url, token });
  const { uid } = await client.createFleet({ metadata: { name } });
  await client.enableFederation(uid);
  for (let i = 0; ; i++) {
    const job = await client.federationProgress(uid);
    if (job.status.phase === 'Success') break;
    if (i > 200) throw new Error(`federation of ${name} did not finish`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await client.createConnection(uid, { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' });
  return uid;
}

/** The context name UCS gives a fleet's kubeconfig: ucs-<name>-<first 8 id characters>. */
export function contextName(name: string, id: string): string {
  return `ucs-${name}-${id.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8)}`;
}
