// The packages as users get them: built, packed with npm, installed into a project of its own.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startStub, type Stub } from '@ucs-fleet/server';
import { build, buildablePackages } from '../../../scripts/build.js';
import { checkPackage, type PackReport } from '../../../scripts/pack-check.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const packageDir = (name: string) => join(repoRoot, 'packages', name);
const published = ['types', 'apig-signer', 'pki', 'client', 'server'];

describe('the published packages', { timeout: 240_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'ucs-packages-'));
  const tarballs = new Map<string, string>();
  const reports = new Map<string, PackReport>();
  let stub: Stub;

  before(async () => {
    build({ quiet: true });
    for (const name of published) {
      reports.set(name, checkPackage(packageDir(name)));
      const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: packageDir(name) });
      const [packed] = JSON.parse(stdout) as { filename: string }[];
      tarballs.set(name, join(work, packed!.filename));
    }
    stub = await startStub();
  });
  after(async () => {
    await stub?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('npm run build builds each of them', () => {
    const built = buildablePackages();
    assert.deepEqual(published.filter((name) => !built.includes(packageDir(name))), []);
  });

  test('npm pack lists dist/, README.md, LICENSE and package.json only, with every entry point', () => {
    for (const name of published) {
      const report = reports.get(name)!;
      assert.deepEqual(report.problems, [], `${report.name}:\n${report.problems.join('\n')}`);
      const outside = report.files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(f));
      assert.deepEqual(outside, [], report.name);
      for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) assert.ok(report.files.includes(f), `${report.name} ships ${f}`);
      assert.deepEqual(report.files.filter((f) => /\.test\.|\/test\/|(?<!\.d)\.ts$/.test(f)), [], `${report.name} ships no tests and no TypeScript sources`);
      assert.equal(readFileSync(join(packageDir(name), 'LICENSE'), 'utf8'), readFileSync(join(repoRoot, 'LICENSE'), 'utf8'));
    }
    const server = reports.get('server')!.files;
    for (const f of ['dist/bin/serve.js', 'dist/assets/redoc.standalone.js', 'dist/assets/redoc.LICENSE']) assert.ok(server.includes(f), `the server ships ${f}`);
  });

  test('a fresh project installs the client tarballs and compiles against its types (strict, NodeNext)', async () => {
    const project = join(work, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const clientSide = ['types', 'apig-signer', 'client'].map((name) => tarballs.get(name)!);
    await run('npm', ['install', ...clientSide, 'typescript@5.9.3', '@types/node@20.19.43', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, timeout: 120_000 });
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2023', 'DOM'], types: ['node'], outDir: 'out' }, include: ['main.ts'] }),
    );
    writeFileSync(
      join(project, 'main.ts'),
      `import { createUcsClient, UcsApiError, type Kubeconfig } from '@ucs-fleet/client';

const [endpoint, token, fleetId] = process.argv.slice(2) as [string, string, string];
const ucs = createUcsClient({ endpoint, token });
const kubeconfig: Kubeconfig = await ucs.downloadFederationKubeconfig(fleetId, { duration: 30 });
const server: string | undefined = kubeconfig.clusters[0]?.cluster.server;
// The types are the contract's, not any (compiled, never called):
export function typeChecks(): void {
  // @ts-expect-error duration is a number of days
  void ucs.downloadFederationKubeconfig(fleetId, { duration: '30' });
  // @ts-expect-error a kubeconfig has clusters, users, contexts and current-context
  const incomplete: Kubeconfig = { kind: 'Config', apiVersion: 'v1' };
  void incomplete;
}
try {
  await ucs.showFleet('no-such-fleet');
} catch (err) {
  if (!(err instanceof UcsApiError)) throw err;
  console.log(JSON.stringify({ server, missing: err.errorCode }));
}
`,
    );
    const tsc = join(project, 'node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', project], { cwd: project }).catch((err: { stdout?: string }) => assert.fail(`tsc failed:\n${err.stdout ?? String(err)}`));
    const { stdout } = await run(process.execPath, [join(project, 'out/main.js'), stub.url, stub.token, stub.fleetId], { cwd: project, timeout: 30_000 });
    assert.deepEqual(JSON.parse(stdout), { server: stub.federationEndpoint, missing: 'UCS.00000013' });
  });

  test('the server tarball carries what it needs at run time: no sources, no tsx, no ucs-source condition', async () => {
    // Installed as npm would lay it out. Its third-party dependencies are linked to the repo's
    // installed ones (better-sqlite3 would otherwise compile from source here, offline).
    const project = join(work, 'server-user');
    const scope = join(project, 'node_modules/@ucs-fleet');
    mkdirSync(scope, { recursive: true });
    for (const name of ['types', 'apig-signer', 'pki', 'server']) {
      mkdirSync(join(scope, name));
      await run('tar', ['-xzf', tarballs.get(name)!, '-C', join(scope, name), '--strip-components=1']);
    }
    const manifest = JSON.parse(readFileSync(join(scope, 'server/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies).filter((d) => !d.startsWith('@ucs-fleet/'))) {
      const installed = [join(packageDir('server'), 'node_modules', dep), join(repoRoot, 'node_modules', dep)].find((d) => existsSync(d));
      assert.ok(installed, `${dep} is installed in the repo`);
      mkdirSync(dirname(join(project, 'node_modules', dep)), { recursive: true });
      symlinkSync(installed, join(project, 'node_modules', dep), 'dir');
    }
    writeFileSync(
      join(project, 'main.mjs'),
      `import { startStub } from '@ucs-fleet/server';
import { openapiYamlText } from '@ucs-fleet/types';
const stub = await startStub();
const get = async (path) => { const r = await fetch(stub.url + path); return { status: r.status, text: await r.text() }; };
const download = await fetch(stub.url + '/v1/clustergroups/' + stub.fleetId + '/kubeconfig', {
  method: 'POST', headers: { 'X-Auth-Token': stub.token, 'Content-Type': 'application/json' }, body: JSON.stringify({ duration: 1 }),
});
const script = await get('/docs/redoc.standalone.js');
const result = {
  yaml: (await get('/openapi.yaml')).text === openapiYamlText,
  docs: (await get('/docs')).status,
  script: script.status,
  scriptIsRedoc: script.text.includes('@license MIT'),
  kubeconfig: download.status,
  server: (await download.json()).clusters[0].cluster.server === stub.federationEndpoint,
};
await stub.close();
console.log(JSON.stringify(result));
`,
    );
    const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: project, timeout: 60_000 });
    assert.deepEqual(JSON.parse(stdout), { yaml: true, docs: 200, script: 200, scriptIsRedoc: true, kubeconfig: 201, server: true });
  });
});
