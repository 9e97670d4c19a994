// Run by the benchmark (compiled to JavaScript first, like the ceiling server): startStub() of the
// built @ucs-fleet/server, as a consumer's test suite calls it, then one kubeconfig POST. Prints
// "201" once the first 201 is in, closes the stub and exits; the bench times spawn → that line.
import { startStub } from '@ucs-fleet/server';

const stub = await startStub();
const res = await fetch(`${stub.url}/v1/clustergroups/${stub.fleetId}/kubeconfig`, {
  method: 'POST',
  headers: { 'x-auth-token': stub.token, 'content-type': 'application/json' },
  body: JSON.stringify({ duration: 30 }),
});
await res.arrayBuffer();
process.stdout.write(`${res.status}\n`);
await stub.close();
