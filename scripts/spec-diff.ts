// `npm run spec:diff -- [--base REF | --previous] [--spec FILE]`: what a change of the contract
// does to the clients generated from it. Compares FILE (default openapi.yaml) with its version at
// REF using openapi-diff, prints the breaking and the non-breaking changes, and exits 1 on a
// breaking change unless the root info.version's major changed.
//   --base REF   a git ref; default: the last release tag (v*), else origin/main, else the previous commit
//   --previous   the version before the last commit that changed FILE (what CI checks); a shallow
//                clone is deepened to find it
// Exit codes: 0 compatible (or a major version change), 1 breaking, 2 the comparison could not be made.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiDiff from 'openapi-diff';
import { parse } from 'yaml';

type Difference = Pick<Awaited<ReturnType<typeof openapiDiff.diffSpecs>>['nonBreakingDifferences'][number], 'code' | 'sourceSpecEntityDetails' | 'destinationSpecEntityDetails'>;

export interface ContractDiff {
  baseVersion: string;
  headVersion: string;
  /** The root info.version's major differs: breaking changes are announced, not refused. */
  majorChanged: boolean;
  breaking: string[];
  nonBreaking: string[];
  unclassified: string[];
}

export class SpecDiffError extends Error {}

/** The differences between two versions of a contract (YAML or JSON text), each as one line. */
export async function diffContracts(baseText: string, headText: string): Promise<ContractDiff> {
  const [base, head] = [document(baseText, 'the base'), document(headText, 'the new version')];
  const outcome = await openapiDiff.diffSpecs({
    sourceSpec: { content: JSON.stringify(withoutSchemaCycles(base)), location: 'base', format: 'openapi3' },
    destinationSpec: { content: JSON.stringify(withoutSchemaCycles(head)), location: 'head', format: 'openapi3' },
  });
  const baseVersion = versionOf(base);
  const headVersion = versionOf(head);
  return {
    baseVersion,
    headVersion,
    majorChanged: major(baseVersion) !== major(headVersion),
    breaking: outcome.breakingDifferencesFound ? outcome.breakingDifferences.map(describe) : [],
    nonBreaking: outcome.nonBreakingDifferences.map(describe),
    unclassified: outcome.unclassifiedDifferences.map(describe),
  };
}

/** The report printed for a diff, and whether it fails the check. */
export function report(diff: ContractDiff, what: string): { text: string; failed: boolean } {
  const section = (title: string, lines: string[]) => [`${title} (${lines.length}):`, ...(lines.length ? lines.map((l) => `  - ${l}`) : ['  none'])];
  const failed = diff.breaking.length > 0 && !diff.majorChanged;
  const verdict = diff.breaking.length === 0
    ? 'compatible: clients generated from the base keep working'
    : diff.majorChanged
      ? `breaking, announced by the major version change (${diff.baseVersion} -> ${diff.headVersion})`
      : `BREAKING without a major version change (info.version ${diff.baseVersion} -> ${diff.headVersion}): raise the major version or make the change compatible`;
  const lines = [
    `spec:diff: ${what}`,
    `info.version: ${diff.baseVersion} -> ${diff.headVersion}`,
    ...section('breaking changes', diff.breaking),
    ...section('non-breaking changes', diff.nonBreaking),
    ...(diff.unclassified.length ? section('unclassified changes', diff.unclassified) : []),
    `result: ${verdict}`,
  ];
  return { text: `${lines.join('\n')}\n`, failed };
}

function document(text: string, name: string): Record<string, unknown> {
  const doc = parse(text) as unknown;
  if (typeof doc !== 'object' || doc === null) throw new SpecDiffError(`${name} is not an OpenAPI document`);
  return doc as Record<string, unknown>;
}

function versionOf(doc: Record<string, unknown>): string {
  const version = (doc.info as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version : String(version ?? '(none)');
}

function major(version: string): string {
  return /^v?(\d+)/.exec(version)?.[1] ?? version;
}

/** "request.body.scope.remove: POST /v1/clustergroups/{clustergroupid}/kubeconfig request body" */
function describe(d: Difference): string {
  const details = d.destinationSpecEntityDetails.length > 0 ? d.destinationSpecEntityDetails : d.sourceSpecEntityDetails;
  const where = [...new Set(details.map((e) => readableLocation(e.location)))].join(', ');
  return `${d.code}${where ? `: ${where}` : ''}`;
}

function readableLocation(location: string): string {
  const m = /^paths\.(\/\S*?)(?:\.(get|put|post|delete|patch|head|options)(?:\.(.*))?)?$/.exec(location);
  if (!m) return location;
  if (!m[2]) return m[1]!;
  const rest = m[3]?.replace(/\.content\.[^.]+\/[^.]+\.schema$/, '').replace(/^requestBody$/, 'request body').replace(/^responses\.(\d+)$/, 'response $1');
  return `${m[2]!.toUpperCase()} ${m[1]}${rest ? ` ${rest}` : ''}`;
}

/**
 * openapi-diff (json-schema-diff) cannot compare recursive schemas (a Job's subJobs are Jobs) and
 * fails on them. Both sides get the same cut: a $ref back to a schema it is already inside becomes
 * an open schema, so each schema is still compared whole, down to where it would repeat itself.
 */
export function withoutSchemaCycles<T>(spec: T): T {
  const copy = structuredClone(spec) as { components?: { schemas?: Record<string, unknown> } };
  const schemas = copy.components?.schemas ?? {};
  const prefix = '#/components/schemas/';
  const visit = (node: unknown, inside: readonly string[]): unknown => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => (node[i] = visit(item, inside)));
      return node;
    }
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith(prefix)) {
      const name = ref.slice(prefix.length);
      if (inside.includes(name)) return { description: `(recursive: ${name})` };
      visit(schemas[name], [...inside, name]);
      return node;
    }
    for (const [key, value] of Object.entries(node)) (node as Record<string, unknown>)[key] = visit(value, inside);
    return node;
  };
  for (const name of Object.keys(schemas)) visit(schemas[name], [name]);
  return copy as T;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The default base: the last release tag, else origin/main, else the previous commit. */
function defaultBase(): { ref: string; why: string } {
  const tag = git(['describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*']);
  if (tag) return { ref: tag, why: 'the last release tag' };
  if (git(['rev-parse', '--verify', '--quiet', 'origin/main^{commit}'])) return { ref: 'origin/main', why: 'origin/main' };
  if (git(['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}'])) return { ref: 'HEAD~1', why: 'the previous commit' };
  throw new SpecDiffError('no base to compare with: no release tag, no origin/main and no previous commit (give --base REF)');
}

/**
 * The commit before the last one that changed `path`, whose version of it is the previous one;
 * undefined when the whole history has no earlier version. A shallow clone (CI) may not have
 * it: it is deepened once before giving up, saying so.
 */
function previousVersionRef(path: string, top: string): { ref: string; why: string } | undefined {
  const find = () => git(['-C', top, 'log', '-n', '2', '--format=%H', '--', path])?.split('\n')[1];
  let ref = find();
  if (!ref && git(['rev-parse', '--is-shallow-repository']) === 'true') {
    process.stderr.write('spec:diff: shallow clone; fetching more history to find the previous version of the contract\n');
    git(['fetch', '--quiet', '--deepen=200']);
    ref = find();
  }
  if (!ref && git(['rev-parse', '--is-shallow-repository']) === 'true') {
    throw new SpecDiffError(`no previous version of ${path} in this shallow clone, even after git fetch --deepen (fetch full history: git fetch --unshallow)`);
  }
  return ref ? { ref, why: `the version before the last change of ${path}` } : undefined;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, previous: { type: 'boolean' }, spec: { type: 'string' } }, strict: true });
  const specPath = resolve(values.spec ?? 'openapi.yaml');
  const top = git(['rev-parse', '--show-toplevel']);
  if (!top) throw new SpecDiffError('not inside a git repository: nothing to compare with');
  const inRepo = relative(top, specPath);
  const base = values.base ? { ref: values.base, why: '--base' } : values.previous ? previousVersionRef(inRepo, top) : defaultBase();
  if (!base) {
    process.stdout.write(`spec:diff: ${inRepo} has no earlier version in this repository's history: nothing to compare, nothing it can break\n`);
    return 0;
  }
  const baseText = git(['show', `${base.ref}:${inRepo}`]);
  if (baseText === undefined) throw new SpecDiffError(`${inRepo} does not exist at ${base.ref} (${base.why})`);
  const short = git(['rev-parse', '--short', `${base.ref}^{commit}`]) ?? base.ref;
  const label = /^[0-9a-f]{7,40}$/.test(base.ref) ? short : `${base.ref} (${short})`;
  const diff = await diffContracts(baseText, readFileSync(specPath, 'utf8'));
  const { text, failed } = report(diff, `${inRepo} against ${label}, ${base.why}`);
  process.stdout.write(text);
  return failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`spec:diff: ${err instanceof SpecDiffError ? err.message : `failed: ${(err as Error).message}`}\n`);
      process.exitCode = 2;
    },
  );
}
