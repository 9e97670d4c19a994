import { execFile } from 'node:child_process';
import { readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { kubeconfigToYaml } from '@ucs-fleet/client';
import type { Store } from '@ucs-fleet/server';
import type { Kubeconfig } from '@ucs-fleet/types';

const run = promisify(execFile);

/** Runs the real kubectl installed on the machine. */
export async function kubectl(args: string[]): Promise<string> {
  const { stdout } = await run('kubectl', args, { timeout: 60_000 });
  return stdout;
}

export async function openssl(args: string[]): Promise<string> {
  const { stdout } = await run('openssl', args, { timeout: 30_000 });
  return stdout;
}

export function writeKubeconfig(dir: string, name: string, kubeconfig: Kubeconfig): string {
  const file = join(dir, name);
  writeFileSync(file, kubeconfigToYaml(kubeconfig), { mode: 0o600 });
  return file;
}

/** Writes the CA and client certificate of a kubeconfig as PEM files for openssl. */
export function writeCertificates(dir: string, kubeconfig: Kubeconfig): { ca: string; cert: string; key: string } {
  const files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'client.pem'), key: join(dir, 'client.key') };
  writeFileSync(files.ca, decodeBase64(kubeconfig.clusters[0]?.cluster['certificate-authority-data']));
  writeFileSync(files.cert, decodeBase64(kubeconfig.users[0]?.user['client-certificate-data']));
  writeFileSync(files.key, decodeBase64(kubeconfig.users[0]?.user['client-key-data']), { mode: 0o600 });
  return files;
}

/**
 * Writes the CA of a fleet's federation, as the store keeps it, to `dir/fleet-ca.pem`: the CA
 * that signs the fleet's client certificates (a kubeconfig's certificate-authority-data is the
 * federation endpoint's CA, which signs only its serving certificate).
 */
export async function writeFleetCa(dir: string, store: Store, domainId: string, fleetId: string): Promise<string> {
  const federation = (await store.getFleet(domainId, fleetId))?.federation;
  if (!federation) throw new Error(`fleet ${fleetId} of ${domainId} has no federation`);
  const file = join(dir, 'fleet-ca.pem');
  writeFileSync(file, federation.ca.certPem);
  return file;
}

export interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The kubectl clients the dispatcher on PATH holds, oldest first: the `kubectl.1.N` binaries
 * beside it, among which it picks the one matching the server's minor version. Running one of
 * them directly selects that client whatever version the server reports.
 */
export function kubectlClients(): { version: string; path: string }[] {
  const dir = dirname(realpathSync('/usr/bin/kubectl'));
  return readdirSync(dir)
    .map((name) => /^kubectl\.(1\.\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: m[1]!, path: join(dir, m[0]) }))
    .sort((a, b) => Number(a.version.split('.')[1]) - Number(b.version.split('.')[1]));
}

/** The real kubectl against a kubeconfig, with its stderr and exit code (kubectl() keeps stdout only); `client` picks one of kubectlClients(). */
export function kubectlRun(kubeconfig: string, args: string[], client = 'kubectl'): Promise<KubectlRun> {
  return new Promise((resolve) => {
    const argv = ['--kubeconfig', kubeconfig, '--cache-dir', `${kubeconfig}.cache`, '--request-timeout', '10s', ...args];
    const child = execFile(client, argv, { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    // kubectl prompts for a user name when a kubeconfig has no credentials; it then reads EOF.
    child.stdin?.end();
  });
}

/** kubectl's table output (`get` without -o) as one record per row, keyed by its header, cells trimmed. */
export function parseKubectlTable(stdout: string): Record<string, string>[] {
  const [header = '', ...lines] = stdout.trimEnd().split('\n');
  const starts = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], at: m.index! }));
  return lines.map((line) => Object.fromEntries(starts.map((c, i) => [c.name, line.slice(c.at, starts[i + 1]?.at ?? line.length).trim()])));
}

/** The PEM text of a kubeconfig's base64 field. */
export function decodeBase64(b64: string | undefined): string {
  return Buffer.from(b64 ?? '', 'base64').toString('utf8');
}

/** One HTTPS call with a kubeconfig's CA and client certificate, for what kubectl does not show; `path` goes under the server URL's own path. */
export function kubeRaw(kc: Kubeconfig, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  const cluster = kc.clusters[0]!.cluster;
  const user = kc.users[0]!.user;
  return new Promise((resolve, reject) => {
    const req = request(new URL(`${cluster.server.replace(/\/$/, '')}${path}`), {
      method,
      ca: decodeBase64(cluster['certificate-authority-data']),
      cert: decodeBase64(user['client-certificate-data']),
      key: decodeBase64(user['client-key-data']),
      agent: false,
      headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}
