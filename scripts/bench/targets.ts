// The servers the benchmark compares, and how to start, probe and stop them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import ts from 'typescript';
import { descendants, workerPid } from './proc.js';
import { MANY_FLEETS, manyFleetsStore } from './many-fleets.js';

export const FLEET_ID = '0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f';
export const REQUEST_PATH = `/v1/clustergroups/${FLEET_ID}/kubeconfig`;
export const REQUEST_HEADERS: Record<string, string> = { 'x-auth-token': 'dev-token', 'content-type': 'application/json' };
export const REQUEST_BODY = JSON.stringify({ duration: 30 });

export const TARGET_KINDS = ['ours', 'ours-disk', 'ours-5000', 'ours-rsa', 'prism', 'validator', 'bare'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface TargetSpec {
  kind: TargetKind;
  label: string;
  /** Node arguments (after the node binary) for a given port. */
  nodeArgs: (port: number) => string[];
  /** Our own server must answer 201 to every request; a miss fails the bench. */
  strict: boolean;
  /**
   * Slow by design (RSA-2048 key generation on the request path once the key pool is empty):
   * a run with no response at all or with timed-out requests is reported, not a failure.
   */
  slow?: boolean;
  /** Started once, unmeasured, before the measured starts (a store to fill first). */
  primed?: boolean;
}

const require = createRequire(import.meta.url);

export function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function prismCli(): string {
  const pkgFile = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['prism'];
  if (!bin) throw new Error('@stoplight/prism-cli has no prism binary');
  return join(dirname(pkgFile), bin);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The published server's entry point; `npm run build` writes it (the bench builds first). */
export const SERVER_BIN = 'packages/server/dist/bin/serve.js';

/** The node flags of the server bin's shebang (`#!/usr/bin/env -S node <flags>`): ours runs as installed. */
export function serverNodeFlags(): string[] {
  const first = readFileSync(join(root, SERVER_BIN), 'utf8').split('\n', 1)[0] ?? '';
  const m = /^#!\/usr\/bin\/env -S node(.*)$/.exec(first);
  if (!m) throw new Error(`${SERVER_BIN} does not start with "#!/usr/bin/env -S node": ${first}`);
  return (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
}

let nodeFlags: string[] | undefined;
const serverArgs = (port: number, keyType: string, dataDir = ':memory:', extra: string[] = []): string[] => [
  ...(nodeFlags ??= serverNodeFlags()),
  SERVER_BIN,
  '--port',
  String(port),
  '--federation-port',
  '0',
  '--data-dir',
  dataDir,
  '--log-level',
  'silent',
  '--key-type',
  keyType,
  ...extra,
];

export function ourServerArgs(port: number, keyType: 'ecdsa-p256' | 'rsa-2048', dataDir?: string): string[] {
  return serverArgs(port, keyType, dataDir);
}

/** A new, empty data directory: each start of the on-disk target creates its SQLite store, as a first `npm start` does. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ucs-bench-data-'));
  dataDirs.push(dir);
  return join(dir, 'data');
}

const dataDirs: string[] = [];

/** Removes the data directories freshDataDir made (on exit of the bench). */
export function removeDataDirs(): void {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The ceiling server compiled to plain JavaScript (TypeScript's transpileModule, into
 * node_modules/.cache so that its imports resolve), so that no target pays for tsx at start or
 * in memory: ours runs from dist/ and Prism from its own JavaScript.
 */
export function compileCeilingServer(): string {
  const outDir = join(root, 'node_modules/.cache/ucs-bench');
  mkdirSync(outDir, { recursive: true });
  for (const file of ['ceiling-server.ts', 'static-kubeconfig.ts', 'stub-first-201.ts']) {
    const source = readFileSync(join(root, 'scripts/bench', file), 'utf8');
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(outDir, basename(file, '.ts') + '.js'), out.outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  return join(outDir, 'ceiling-server.js');
}

export function targetSpecs(o: { rsa: boolean; manyFleets: boolean }): TargetSpec[] {
  const ceilingJs = compileCeilingServer();
  const spec = join(root, 'openapi.yaml');
  const ceiling = (mode: string) => (port: number) => [ceilingJs, '--mode', mode, '--port', String(port), '--spec', spec];
  const specs: TargetSpec[] = [
    { kind: 'ours', label: 'ours (ECDSA P-256, :memory:)', nodeArgs: (p) => serverArgs(p, 'ecdsa-p256'), strict: true },
    { kind: 'ours-disk', label: 'ours (ECDSA P-256, on disk)', nodeArgs: (p) => serverArgs(p, 'ecdsa-p256', freshDataDir()), strict: true },
    {
      kind: 'ours-5000',
      label: `ours (on disk, ${MANY_FLEETS} fleets)`,
      nodeArgs: (p) => {
        const { dataDir, seedFile } = manyFleetsStore();
        return serverArgs(p, 'ecdsa-p256', dataDir, ['--seed', seedFile]);
      },
      strict: true,
      primed: true,
    },
    {
      kind: 'prism',
      label: 'Prism mock (static example)',
      nodeArgs: (p) => [prismCli(), 'mock', '-h', '127.0.0.1', '-p', String(p), '--errors=false', '-v', 'error', 'openapi.yaml'],
      strict: false,
    },
    { kind: 'validator', label: 'Express 5 + validator ceiling', nodeArgs: ceiling('validator'), strict: false },
    { kind: 'bare', label: 'bare Express 5 ceiling', nodeArgs: ceiling('bare'), strict: false },
  ];
  if (!o.manyFleets) specs.splice(specs.findIndex((s) => s.kind === 'ours-5000'), 1);
  if (o.rsa) specs.splice(1, 0, { kind: 'ours-rsa', label: 'ours (RSA-2048)', nodeArgs: (p) => serverArgs(p, 'rsa-2048'), strict: true, slow: true });
  return specs;
}

/** The compiled stub script (compileCeilingServer writes it beside the ceiling server). */
export const stubFirst201Js = (): string => join(root, 'node_modules/.cache/ucs-bench/stub-first-201.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A spawned server process with its output kept for error messages. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly startedAt: number;
  #output = '';
  #exit: Promise<number | null>;
  #exited = false;
  #children: number[] = [];

  constructor(readonly label: string, nodeArgs: string[], cpu: number | undefined, cwd: string, env?: NodeJS.ProcessEnv) {
    const [cmd, args] = cpu === undefined ? [process.execPath, nodeArgs] : ['taskset', ['-c', String(cpu), process.execPath, ...nodeArgs]];
    this.startedAt = performance.now();
    this.child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      this.#output = (this.#output + chunk.toString('utf8')).slice(-4000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.#exit = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.#exited = true;
        resolve(code ?? (signal ? 128 : null));
      });
      this.child.once('error', (err) => {
        this.#output += `\nspawn error: ${err.message}`;
        this.#exited = true;
        resolve(null);
      });
    });
  }

  get output(): string {
    return this.#output;
  }

  get exited(): boolean {
    return this.#exited;
  }

  /** The node process doing the work (the spawned one, or a child it forked); remembers the tree for stop(). */
  findWorkerPid(): number {
    const pid = this.child.pid ?? 0;
    const worker = workerPid(pid);
    this.#children = descendants(pid);
    return worker;
  }

  /**
   * Milliseconds from spawn to the first 201 of the kubeconfig POST, polling every `everyMs`
   * (a refused connection or another status is retried).
   */
  async firstCreated(url: string, timeoutMs = 60_000, everyMs = 20): Promise<number> {
    let last = 'no answer';
    while (performance.now() - this.startedAt < timeoutMs) {
      if (this.#exited) throw new Error(`${this.label} exited before answering 201 (${last}):\n${this.#output}`);
      const status = await postOnce(url).catch((err: NodeJS.ErrnoException) => err.code ?? err.message);
      if (status === 201) return performance.now() - this.startedAt;
      last = String(status);
      await sleep(everyMs);
    }
    throw new Error(`${this.label} did not answer 201 within ${timeoutMs} ms (last: ${last}):\n${this.#output}`);
  }

  /** Sends `signal` and waits for the exit (SIGKILL after `graceMs`); resolves the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<number | null> {
    if (!this.#exited) this.child.kill(signal);
    const code = await Promise.race([this.#exit, sleep(graceMs).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      await this.#exit;
    }
    // Processes the server forked itself (none for ours; Prism with --multiprocess).
    for (const pid of this.#children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    return code === 'timeout' ? null : code;
  }

  /** Synchronous last resort on exit of the bench. */
  killNow(): void {
    if (!this.#exited) this.child.kill('SIGKILL');
  }
}

/** One kubeconfig POST on a fresh connection; resolves the status code. */
export function postOnce(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...REQUEST_HEADERS, 'content-length': Buffer.byteLength(REQUEST_BODY) }, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.once('error', reject);
    req.end(REQUEST_BODY);
  });
}
