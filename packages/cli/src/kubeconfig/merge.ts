/**
 * The pure merge of a downloaded kubeconfig into the text of an existing one: text in, text out.
 * The existing file is edited as a YAML document, not rebuilt from data, so every unrelated
 * entry, top-level key and comment stays as it was. It is read as YAML 1.1, like kubectl
 * (go-yaml), so that `yes`, `on` or `0123` keep the meaning kubectl gives them.
 */
import type { Kubeconfig } from '@ucs-fleet/client';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, type Pair, type ParsedNode, YAMLMap, YAMLSeq } from 'yaml';

export class KubeconfigParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigParseError';
  }
}

export type Section = 'cluster' | 'user' | 'context';

export type Change =
  | { action: 'added' | 'replaced'; kind: Section; name: string }
  | { action: 'set'; kind: 'current-context'; name: string; previous: string | undefined };

export interface MergeOptions {
  /** Name the new context this instead of the name UCS gave it. */
  contextName?: string;
  /** Make the new context the current one (default true). */
  setCurrentContext?: boolean;
}

export interface MergeResult {
  /** The merged file's text. */
  text: string;
  changes: Change[];
  /** The existing and the merged kubeconfig as data (for a diff). */
  before: unknown;
  after: unknown;
}

const sections: readonly { kind: Section; key: 'clusters' | 'users' | 'contexts' }[] = [
  { kind: 'cluster', key: 'clusters' },
  { kind: 'user', key: 'users' },
  { kind: 'context', key: 'contexts' },
];

const yamlVersion = '1.1' as const;
const stringifyOptions = { lineWidth: 0, indentSeq: false } as const;

/**
 * Parses an existing kubeconfig and checks it has the shape kubectl expects, or throws
 * KubeconfigParseError saying what is wrong. Empty text is an empty kubeconfig.
 */
export function parseKubeconfigText(text: string): Document.Parsed {
  const doc = parseDocument(text, { version: yamlVersion, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new KubeconfigParseError(firstLine(doc.errors[0]!.message));
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return doc;
  if (!isMap(root)) throw new KubeconfigParseError('the top level is not a mapping (a kubeconfig has apiVersion, clusters, contexts, users...)');
  for (const { key } of sections) {
    const list = root.get(key, true);
    if (list === undefined || isNullScalar(list)) continue;
    if (!isSeq(list)) throw new KubeconfigParseError(`"${key}" is not a list`);
    list.items.forEach((item, i) => {
      if (!isMap(item)) throw new KubeconfigParseError(`${key}[${i}] is not a mapping`);
      const name = item.get('name', true);
      if (name !== undefined && !(isScalar(name) && typeof name.value === 'string')) throw new KubeconfigParseError(`${key}[${i}].name is not a string`);
    });
  }
  const current = root.get('current-context', true);
  if (current !== undefined && !isNullScalar(current) && !(isScalar(current) && typeof current.value === 'string')) {
    throw new KubeconfigParseError('"current-context" is not a string');
  }
  try {
    doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new KubeconfigParseError((err as Error).message);
  }
  return doc;
}

/** The incoming kubeconfig with its context renamed as asked. */
export function renameContext(incoming: Kubeconfig, contextName: string | undefined): Kubeconfig {
  if (!contextName) return incoming;
  const current = incoming['current-context'];
  const target = incoming.contexts.find((c) => c.name === current) ?? incoming.contexts[0];
  if (!target) return incoming;
  return {
    ...incoming,
    contexts: incoming.contexts.map((c) => (c === target ? { ...c, name: contextName } : c)),
    'current-context': current === target.name || !current ? contextName : current,
  };
}

/**
 * Merges `incoming` into `existingText`: clusters, users and contexts with the same names are
 * replaced in place, others added at the end; everything else is kept. Sets current-context
 * unless told not to. Throws KubeconfigParseError when the existing text is not a kubeconfig.
 */
export function mergeKubeconfig(existingText: string, incomingConfig: Kubeconfig, options: MergeOptions = {}): MergeResult {
  const incoming = renameContext(incomingConfig, options.contextName);
  const doc = parseKubeconfigText(existingText);
  const jsonIndent = jsonIndentOf(existingText);
  const before = doc.toJS() ?? {};
  if (!isMap(doc.contents)) doc.contents = emptyKubeconfigNode(doc) as unknown as ParsedNode;
  const root = doc.contents as unknown as YAMLMap;
  const changes: Change[] = [];

  for (const { kind, key } of sections) {
    const list = sectionList(doc, root, key);
    for (const incomingEntry of incoming[key]) {
      const index = list.items.findIndex((item) => isMap(item) && item.get('name') === incomingEntry.name);
      if (index < 0) {
        list.items.push(doc.createNode(incomingEntry));
        changes.push({ action: 'added', kind, name: incomingEntry.name });
        continue;
      }
      const current = (list.items[index] as YAMLMap).toJS(doc) as Record<string, unknown>;
      const entry = kind === 'context' ? keepUserContextSettings(incomingEntry as NamedContext, current) : incomingEntry;
      // An entry that stays the same is left as it is, comments and all, and is no change to report.
      if (isDeepStrictEqual(current, entry)) continue;
      list.items[index] = doc.createNode(entry);
      changes.push({ action: 'replaced', kind, name: incomingEntry.name });
    }
  }

  const newCurrent = incoming['current-context'];
  const previous = root.get('current-context');
  if (options.setCurrentContext !== false && newCurrent && previous !== newCurrent) {
    setCurrentContext(doc, root, newCurrent);
    changes.push({ action: 'set', kind: 'current-context', name: newCurrent, previous: typeof previous === 'string' && previous !== '' ? previous : undefined });
  }

  // A JSON file (what `curl -o` saves) stays JSON, so jq and JSON.parse still read it.
  const text = jsonIndent === undefined ? doc.toString(stringifyOptions) : `${JSON.stringify(doc.toJS(), null, jsonIndent)}\n`;
  // Read back what will be written: it must parse, or nothing is written.
  const after = parseKubeconfigText(text).toJS();
  return { text, changes, before, after };
}

type NamedContext = Kubeconfig['contexts'][number];

/**
 * The incoming context, keeping what the user set on the context it replaces and UCS does not
 * send: `kubectl config set-context --current --namespace=team-a` survives the next merge.
 */
function keepUserContextSettings(incoming: NamedContext, current: Record<string, unknown>): NamedContext {
  const was = current.context;
  if (typeof was !== 'object' || was === null) return incoming;
  return { ...incoming, context: { ...(was as Record<string, unknown>), ...incoming.context } as NamedContext['context'] };
}

/** The indent of a file written as JSON (an object, parsed by JSON.parse), or undefined for YAML. */
function jsonIndentOf(text: string): number | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const indent = /^\{\s*\n( +)"/.exec(text.trimStart());
  return indent ? indent[1]!.length : 2;
}

/** The list under `key`, created (block style) if missing or null. */
function sectionList(doc: Document, root: YAMLMap, key: string): YAMLSeq {
  const existing = root.get(key, true);
  if (isSeq(existing)) {
    // `contexts: []` would otherwise stay a one-line flow list holding whole certificates.
    if (existing.flow && existing.items.length === 0) existing.flow = false;
    return existing;
  }
  const list = doc.createNode([]) as YAMLSeq;
  if (existing === undefined) root.add(doc.createPair(key, list));
  else root.set(key, list);
  return list;
}

/** Sets current-context; a new key goes right after `contexts`, where kubectl writes it. */
function setCurrentContext(doc: Document, root: YAMLMap, name: string): void {
  if (root.has('current-context')) {
    root.set('current-context', name);
    return;
  }
  const pair = doc.createPair('current-context', name) as Pair;
  const at = root.items.findIndex((p) => isScalar(p.key) && p.key.value === 'contexts');
  if (at >= 0) root.items.splice(at + 1, 0, pair);
  else root.items.push(pair);
}

/** The skeleton kubectl writes for a new file, in kubectl's key order. */
function emptyKubeconfigNode(doc: Document): YAMLMap {
  return doc.createNode({ apiVersion: 'v1', clusters: [], contexts: [], kind: 'Config', preferences: {}, users: [] }) as YAMLMap;
}

function isNullScalar(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim().replace(/:$/, '');
}
