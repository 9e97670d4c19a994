import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { KeyPool, PkiError } from '../src/index.js';
import { run, tempDir } from './helpers.js';

const tmp = tempDir();
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PKI_INDEX = pathToFileURL(fileURLToPath(new URL('../src/index.ts', import.meta.url))).href;

async function until(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for condition');
    await sleep(5);
  }
}

test('options are validated', () => {
  for (const size of [-1, 1.5, Number.NaN, 10_001]) {
    assert.throws(() => new KeyPool({ keyType: 'ecdsa-p256', size }), PkiError, String(size));
  }
  assert.throws(() => new KeyPool({ keyType: 'dsa' as never, size: 1 }), PkiError);
  assert.throws(() => new KeyPool({ keyType: 'ecdsa-p256', size: 1, concurrency: 0 }), PkiError);
});

test('size 0 disables the pool: every take() generates a key on demand, nothing in the background', async () => {
  const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 0 });
  await pool.ready();
  const a = await pool.take();
  const b = await pool.take();
  await sleep(20);
  assert.deepEqual(pool.stats, { available: 0, inFlight: 0, hits: 0, misses: 2 });
  assert.equal(createPrivateKey(a.pkcs8Pem).type, 'private');
  assert.notEqual(a.pkcs8Pem, b.pkcs8Pem);
});

test('fills, hands out distinct working keys, refills in the background, respects concurrency', async () => {
  const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 8, concurrency: 2 });
  let maxInFlight = 0;
  const probe = setInterval(() => (maxInFlight = Math.max(maxInFlight, pool.stats.inFlight)), 0);
  await pool.ready();
  assert.equal(pool.stats.available, 8);
  const spkis = new Set<string>();
  for (let i = 0; i < 8; i++) spkis.add((await pool.take()).spki.toString('hex'));
  assert.equal(spkis.size, 8);
  assert.equal(pool.stats.hits, 8);
  assert.equal(pool.stats.misses, 0);
  const fresh = await pool.take(); // empty now: generated on the spot
  assert.equal(pool.stats.misses, 1);
  const privateKey = createPrivateKey(fresh.pkcs8Pem);
  const publicKey = createPublicKey({ key: fresh.spki, format: 'der', type: 'spki' });
  const data = Buffer.from('hello');
  assert.equal(verify('sha256', data, publicKey, sign('sha256', data, privateKey)), true);
  await until(() => pool.stats.available === 8);
  clearInterval(probe);
  assert.ok(maxInFlight <= 2, `inFlight reached ${maxInFlight}`);
  pool.close();
});

test('close() drops keys, stops refilling, settles ready(); take() still works', async () => {
  const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 50 });
  const ready = pool.ready();
  pool.close();
  await ready;
  await pool.take();
  await sleep(30);
  assert.equal(pool.stats.available, 0);
  assert.equal(pool.stats.inFlight, 0);
  pool.close(); // idempotent
});

test('RSA pool', async () => {
  const pool = new KeyPool({ keyType: 'rsa-2048', size: 2 });
  await pool.ready();
  const k = await pool.take();
  assert.equal(k.isRsa, true);
  pool.close();
});

test('an empty RSA pool hands out keys without blocking the event loop', async () => {
  const pool = new KeyPool({ keyType: 'rsa-2048', size: 1, concurrency: 1 });
  await pool.ready();
  const pooled = await pool.take(); // a hit
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 1);
  const started = performance.now();
  const fresh = await pool.take(); // the pool is empty (its refill has just begun): a miss
  const waitedMs = performance.now() - started;
  clearInterval(ticker);
  pool.close();
  assert.equal(pool.stats.hits, 1);
  assert.equal(pool.stats.misses, 1);
  assert.equal(fresh.isRsa, true);
  assert.notEqual(fresh.spki.toString('hex'), pooled.spki.toString('hex'));
  // A generation on the event loop would have let no timer run at all while it took its 20-500 ms.
  assert.ok(ticks >= 2, `only ${ticks} timer ticks in the ${waitedMs.toFixed(0)} ms the key took`);
});

interface ChildResult {
  code: number;
  wallMs: number;
  exitDelayMs: number;
  stdout: string;
  stderr: string;
}

/** Runs `body` in a child node process (ESM + tsx) and measures how long it takes to exit after the body ends. */
async function runChild(name: string, body: string): Promise<ChildResult> {
  const file = tmp.file(
    `${name}.mts`,
    `import { KeyPool, CertificateAuthority, createFleetCa } from ${JSON.stringify(PKI_INDEX)};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
void KeyPool; void CertificateAuthority; void createFleetCa; void sleep;
${body}
// stdout/stderr pipes to the parent are listed too; anything else would be ours
const resources = process.getActiveResourcesInfo().filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap');
const bodyEnd = performance.now();
process.on('exit', () => console.log(JSON.stringify({ resources, exitDelayMs: performance.now() - bodyEnd })));
`,
  );
  const t0 = Date.now();
  const r = await run(process.execPath, ['--conditions=ucs-source', '--import', 'tsx', file], { cwd: REPO_ROOT, timeoutMs: 30_000 });
  const wallMs = Date.now() - t0;
  const last = r.stdout.trim().split('\n').pop() ?? '{}';
  let exitDelayMs = Number.NaN;
  try {
    const parsed = JSON.parse(last) as { resources: string[]; exitDelayMs: number };
    exitDelayMs = parsed.exitDelayMs;
    assert.deepEqual(parsed.resources, [], `active resources at the end of ${name}: ${parsed.resources.join(', ')}`);
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
  }
  return { code: r.code, wallMs, exitDelayMs, stdout: r.stdout, stderr: r.stderr };
}

test('a process using the pool exits promptly on its own (no close())', async (t) => {
  const scenarios: Array<[string, string, number]> = [
    // [name, body, max exit delay ms]
    ['ec-take-only', `const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 16 });\nfor (let i = 0; i < 3; i++) await pool.take();`, 200],
    [
      'ec-refill-in-flight',
      `const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 64 });\nawait pool.ready();\nfor (let i = 0; i < 64; i++) await pool.take();\nawait sleep(2); // let the refill start`,
      200,
    ],
    [
      'ec-mint-with-pool',
      `const ca = CertificateAuthority.load(await createFleetCa({ fleetId: 'f', fleetName: 'f', now: new Date() }), { keyPool: new KeyPool({ keyType: 'ecdsa-p256', size: 8 }) });
for (let i = 0; i < 50; i++) { await ca.mintClientCertificate({ commonName: 'u' + i, organizations: [], notBefore: new Date(), notAfter: new Date(Date.now() + 3600e3) }); await sleep(0); }`,
      200,
    ],
    [
      // a running RSA generation cannot be cancelled: exit waits for at most that one (concurrency 1)
      'rsa-refill-in-flight',
      `const pool = new KeyPool({ keyType: 'rsa-2048', size: 2, concurrency: 1 });\nawait pool.ready();\nawait pool.take(); await pool.take();\nawait sleep(5);`,
      5_000,
    ],
  ];
  for (const [name, body, maxDelay] of scenarios) {
    const r = await runChild(name, body);
    t.diagnostic(`${name}: exit ${r.code}, exit delay after last statement ${r.exitDelayMs.toFixed(1)} ms, wall ${r.wallMs} ms`);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    assert.ok(Number.isFinite(r.exitDelayMs), `${name}: no exit report: ${r.stdout} ${r.stderr}`);
    assert.ok(r.exitDelayMs < maxDelay, `${name}: exit took ${r.exitDelayMs} ms after the last statement`);
  }
});
