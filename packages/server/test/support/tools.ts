import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { kubeconfigToYaml } from '@ucs-fleet/client';
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
  const decode = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');
  const files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'client.pem'), key: join(dir, 'client.key') };
  writeFileSync(files.ca, decode(kubeconfig.clusters[0]?.cluster['certificate-authority-data']));
  writeFileSync(files.cert, decode(kubeconfig.users[0]?.user['client-certificate-data']));
  writeFileSync(files.key, decode(kubeconfig.users[0]?.user['client-key-data']), { mode: 0o600 });
  return files;
}
