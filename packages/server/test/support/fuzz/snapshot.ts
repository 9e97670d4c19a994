import type { Store } from '@ucs-fleet/server';

/**
 * Everything a request may change, read from the store: every fleet of the given accounts
 * (all columns, federation and connection included), how many certificates each has and the
 * highest serial, and its latest federation job; every registered cluster, whether it has its CA
 * and how many certificates it issued. Certificates are never deleted, so a count
 * and the top serial are enough to see one appear. Compared as text, taken once per request.
 * Fleets that were deleted are passed in, to watch their certificate records too.
 */
export async function storeSnapshot(store: Store, domains: readonly string[], deletedFleetIds: Iterable<string> = []): Promise<string> {
  const out: unknown[] = [];
  // A deleted fleet keeps its certificate records: none may be added to it.
  for (const id of deletedFleetIds) out.push({ deleted: id, certificates: (await store.listCertificates(id)).length });
  for (const domainId of domains) {
    const { items, total } = await store.listFleets(domainId, { limit: -1, offset: 0, orderBy: 'create_at', order: 'asc' });
    out.push({ domainId, total });
    for (const fleet of items) {
      const certificates = await store.listCertificates(fleet.id);
      let top = '';
      for (const c of certificates) if (c.serial > top) top = c.serial;
      const job = await store.latestJob(fleet.id);
      out.push({ fleet, certificates: certificates.length, top, job: job?.id });
    }
    for (const cluster of (await store.listClusters(domainId, { offset: 0, orderBy: 'create_at', order: 'asc' })).items) {
      const endpoint = await store.getClusterEndpoint(cluster.id);
      out.push({ cluster, ca: endpoint?.caCertPem !== undefined, certificates: (await store.listClusterCertificates(cluster.id)).length });
    }
  }
  return JSON.stringify(out);
}

/** The first entry that differs between two snapshots, for a failure message. */
export function snapshotDifference(before: string, after: string): string {
  const a = JSON.parse(before) as unknown[];
  const b = JSON.parse(after) as unknown[];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) return `before ${x?.slice(0, 600) ?? '(nothing)'}\n  after  ${y?.slice(0, 600) ?? '(nothing)'}`;
  }
  return '(none)';
}
