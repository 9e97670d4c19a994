// The static kubeconfig the ceiling servers answer with: the shape and about the size
// (~2.6 kB of JSON) of what the reference server issues for the seed's ready fleet, so the
// ceilings serialise, validate and send as many bytes as ours does.

/** A PEM block of `derBytes` deterministic bytes (not a real certificate or key). */
function fakePem(label: string, derBytes: number, seed: number): string {
  const der = Buffer.alloc(derBytes);
  for (let i = 0; i < derBytes; i++) der[i] = (i * 131 + seed * 17 + 7) & 0xff;
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

const base = 'ucs-demo-0f3c2d8e';

/** Sizes match an ECDSA P-256 fleet CA, client certificate and PKCS#8 key. */
export const staticKubeconfig = {
  kind: 'Config',
  apiVersion: 'v1',
  clusters: [{ name: base, cluster: { server: 'https://127.0.0.1:44535', 'certificate-authority-data': b64(fakePem('CERTIFICATE', 485, 1)) } }],
  users: [
    {
      name: `${base}-alice`,
      user: {
        'client-certificate-data': b64(fakePem('CERTIFICATE', 520, 2)),
        'client-key-data': b64(fakePem('PRIVATE KEY', 138, 3)),
      },
    },
  ],
  contexts: [{ name: base, context: { cluster: base, user: `${base}-alice` } }],
  'current-context': base,
} as const;
