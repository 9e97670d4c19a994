// `npm run spec:diff`: a change of the contract in a copy of the repository, compared with the
// committed version by the real script (git + openapi-diff).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(repoRoot, 'scripts/spec-diff.ts');
const contract = readFileSync(join(repoRoot, 'openapi.yaml'), 'utf8');
const version = /^ {2}version: (\d+)\.(\d+)\.(\d+)$/m.exec(contract)!;
const currentVersion = version.slice(1).join('.');
const nextMajor = `${Number(version[1]) + 1}.0.0`;
const escaped = (text: string) => text.replace(/\./g, '\\.');
const gitUser = ['-c', 'user.name=spec-diff test', '-c', 'user.email=spec-diff@example.invalid'];

async function git(dir: string, ...args: string[]): Promise<string> {
  return (await run('git', [...gitUser, ...args], { cwd: dir })).stdout;
}

/** A git repository holding a copy of the contract, committed. */
async function repoWithContract(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ucs-spec-diff-'));
  await git(dir, 'init', '-q');
  writeFileSync(join(dir, 'openapi.yaml'), contract);
  await git(dir, 'add', 'openapi.yaml');
  await git(dir, 'commit', '-qm', 'contract');
  return dir;
}

function edit(dir: string, change: (text: string) => string): void {
  const before = readFileSync(join(dir, 'openapi.yaml'), 'utf8');
  const after = change(before);
  assert.notEqual(after, before, 'the edit applies');
  writeFileSync(join(dir, 'openapi.yaml'), after);
}

async function specDiff(dir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // tsx from this repository: the copy has no node_modules.
  return run(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], { cwd: dir, timeout: 120_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
}

const narrowDuration = (text: string) => text.replace(/(CertificateDuration:\n(?: {6}.*\n)*? {6}maximum: )1825\n/, '$1365\n');
const addOptionalField = (text: string) =>
  text.replace(
    /( {4}DownloadKubeconfigRequest:\n(?: {6}.*\n)*? {6}properties:\n {8}duration:\n {10}\$ref: '#\/components\/schemas\/CertificateDuration'\n)/,
    "$1        label:\n          type: string\n          description: A note kept with the certificate.\n",
  );

test("narrowing duration's maximum breaks clients: spec:diff names it and exits 1", async () => {
  const dir = await repoWithContract();
  edit(dir, narrowDuration);
  const r = await specDiff(dir, '--base', 'HEAD');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^breaking changes \([1-9]\d*\):$/m);
  assert.match(r.stdout, /- request\.body\.scope\.remove: POST \/v1\/clustergroups\/\{clustergroupid\}\/kubeconfig request body/);
  assert.match(r.stdout, new RegExp(`result: BREAKING without a major version change \\(info\\.version ${escaped(currentVersion)} -> ${escaped(currentVersion)}\\)`));
});

test('adding an optional request field is compatible: spec:diff lists it as non-breaking and exits 0', async () => {
  const dir = await repoWithContract();
  edit(dir, addOptionalField);
  const r = await specDiff(dir, '--base', 'HEAD');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^breaking changes \(0\):\n {2}none$/m);
  assert.match(r.stdout, /- request\.body\.scope\.add: POST \/v1\/clustergroups\/\{clustergroupid\}\/kubeconfig request body/);
  assert.match(r.stdout, /result: compatible/);
});

test('a breaking change with a new major info.version is announced, not refused', async () => {
  const dir = await repoWithContract();
  edit(dir, (text) => narrowDuration(text).replace(/^( {2}version: ).*$/m, `$1${nextMajor}`));
  const r = await specDiff(dir, '--base', 'HEAD');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /request\.body\.scope\.remove/);
  assert.match(r.stdout, new RegExp(`result: breaking, announced by the major version change \\(${escaped(currentVersion)} -> ${escaped(nextMajor)}\\)`));
});

test('--previous in a shallow clone fetches the history it needs; a first version has nothing to compare with', async () => {
  const origin = await repoWithContract();
  const alone = await specDiff(origin, '--previous');
  assert.equal(alone.code, 0, alone.stdout + alone.stderr);
  assert.match(alone.stdout, /spec:diff: openapi\.yaml has no earlier version in this repository's history: nothing to compare/);

  edit(origin, narrowDuration);
  await git(origin, 'commit', '-qam', 'narrow duration');
  const clone = mkdtempSync(join(tmpdir(), 'ucs-spec-diff-clone-'));
  await git(clone, 'clone', '-q', '--depth', '1', `file://${origin}`, '.');
  const r = await specDiff(clone, '--previous');
  assert.match(r.stderr, /shallow clone; fetching more history/);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /the version before the last change of openapi\.yaml/);
  assert.match(r.stdout, /request\.body\.scope\.remove/);
});
