/**
 * Server-side printing, as kube-apiserver does it: a client that asks for
 * `application/json;as=Table;v=v1;g=meta.k8s.io` (kubectl get does) gets a meta.k8s.io Table
 * whose cells it prints as they are; any other client gets the plain object or list.
 */
import type { IncomingMessage } from 'node:http';
import { acceptsJson, mediaRanges } from './media-ranges.js';

export type Representation = { table: 'v1' | 'v1beta1' } | 'json';

export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** A Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  [field: string]: unknown;
}

export interface TableRow {
  cells: string[];
  /** The object the row shows, in full; the row carries what `includeObject` asks of it. */
  object: KubeObject;
}

/**
 * The first media range of the Accept header this server can answer, in the client's order
 * (kubectl lists Table v1, then Table v1beta1, then application/json); undefined when none is.
 */
export function acceptedRepresentation(accept: string | undefined): Representation | undefined {
  if (!accept?.trim()) return 'json';
  for (const range of mediaRanges(accept).filter(acceptsJson)) {
    if (!range.params.has('as')) return 'json';
    const version = range.params.get('v');
    if (range.params.get('as') === 'Table' && range.params.get('g') === 'meta.k8s.io' && (version === 'v1' || version === 'v1beta1')) return { table: version };
  }
  return undefined;
}

export function tableContentType(version: 'v1' | 'v1beta1'): string {
  return `application/json;as=Table;v=${version};g=meta.k8s.io`;
}

/** A Table of `rows`; each row's object as `includeObject` asks (default Metadata, as kube-apiserver's). */
export function kubeTable(version: 'v1' | 'v1beta1', columns: readonly TableColumn[], rows: readonly TableRow[], req: IncomingMessage): Record<string, unknown> {
  const include = new URL(req.url ?? '/', 'https://x').searchParams.get('includeObject') ?? 'Metadata';
  const apiVersion = `meta.k8s.io/${version}`;
  return {
    kind: 'Table',
    apiVersion,
    metadata: {},
    columnDefinitions: columns,
    rows: rows.map((row) => ({
      cells: row.cells,
      ...(include === 'None' ? {} : { object: include === 'Object' ? row.object : { kind: 'PartialObjectMetadata', apiVersion, metadata: row.object.metadata } }),
    })),
  };
}
