/**
 * Rewrites the figures section of docs/reliability.md from the figures the reliability tests
 * left in .tmp/reliability-figures/ (one JSON file per test file), and writes them merged to
 * .tmp/reliability-figures.json. Run after the tests, with UCS_RELIABILITY_REPORT=1:
 *
 *   UCS_RELIABILITY_REPORT=1 node --conditions=ucs-source --import tsx --test packages/server/test/reliability-*.test.ts
 *   node --import tsx scripts/reliability-report.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const figuresDir = join(root, '.tmp', 'reliability-figures');
const doc = join(root, 'docs', 'reliability.md');
const start = '<!-- reliability-figures:start -->';
const end = '<!-- reliability-figures:end -->';
const sections = ['fuzz', 'concurrency', 'crash', 'secrets', 'slow-clients'] as const;

type Figures = Record<string, unknown>;

function main(): void {
  if (!existsSync(figuresDir)) fail(`no figures in ${figuresDir}: run the reliability tests with UCS_RELIABILITY_REPORT=1 first`);
  const all: Record<string, Figures> = {};
  for (const f of readdirSync(figuresDir).filter((n) => n.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(figuresDir, f), 'utf8')) as Figures;
    all[String(data.section)] = data;
  }
  const missing = sections.filter((s) => !all[s]);
  if (missing.length > 0) fail(`figures missing for: ${missing.join(', ')} (run every reliability-*.test.ts with UCS_RELIABILITY_REPORT=1)`);
  writeFileSync(join(root, '.tmp', 'reliability-figures.json'), `${JSON.stringify(all, null, 2)}\n`);
  const text = readFileSync(doc, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) fail(`${doc} has no ${start} ... ${end} section`);
  writeFileSync(doc, `${text.slice(0, a + start.length)}\n${render(all)}\n${text.slice(b)}`);
  process.stdout.write(`docs/reliability.md: figures of the run of ${String(all.fuzz?.recordedAt).slice(0, 10)} written\n`);
}

function render(all: Record<string, Figures>): string {
  const fuzz = all.fuzz!;
  const conc = all.concurrency!;
  const crash = all.crash!;
  const secrets = all.secrets!;
  const slow = all['slow-clients']!;
  const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
  const perOp = fuzz.perOperation as Record<string, { requests: number; byStatus: Record<string, number>; mustFailChecked: number; exactStatusChecked: number }>;
  const ack = crash.acknowledged as Record<string, number>;
  const inProcess = secrets.inProcess as Figures;
  const child = secrets.childProcess as Figures;
  const ctv = slow.contentTypeVariation as Record<string, { msPerRequest: number; heapGrowthMb: number }>;
  const gaps = Object.entries(fuzz.knownContractGaps as Record<string, number>);
  const garbage = fuzz.parserGarbage as { requests: number; seconds: number; byStatus: Record<string, number>; byKind: Record<string, number> };
  const lines = [
    '',
    `Recorded ${String(fuzz.recordedAt).slice(0, 16).replace('T', ' ')} UTC, commit ${commit()}, Node ${String(fuzz.node)}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}).`,
    '',
    '| property | figure |',
    '|---|---|',
    `| requests fuzzed | **${n(fuzz.requests)}** over ${n(fuzz.operations)} operations in ${n(fuzz.seconds)} s (seed ${n(fuzz.seed)}) |`,
    `| of which the contract says must fail / predicts the exact status | ${n(fuzz.mustFailChecked)} / ${n(fuzz.exactStatusChecked)} |`,
    `| answers by status | ${Object.entries(fuzz.byStatus as Record<string, number>).map(([s, c]) => `${s}: ${n(c)}`).join(', ')} |`,
    `| 5xx answers, spec violations, state changes on a non-2xx | 0, 0, 0 (the run fails otherwise) |`,
    `| requests Node's HTTP parser refuses, fuzzed | **${n(garbage.requests)}** on a connection each (${Object.keys(garbage.byKind).length} kinds) in ${n(garbage.seconds)} s: ${Object.entries(garbage.byStatus).map(([s, c]) => `${s}: ${n(c)}`).join(', ')}; 0 crashes, 0 answers without the UCS body and X-Request-Id, 0 state changes (the run fails otherwise) |`,
    `| known contract gaps met | ${gaps.length === 0 ? 'none' : gaps.map(([g, c]) => `${g} (${n(c)})`).join('; ')} |`,
    `| kill -9 crashes survived | **${n(crash.kills)}** (killed ${(crash.killedAfterMs as number[]).join(', ')} ms into the load; seed ${n(crash.seed)}) |`,
    `| acknowledged changes checked after the crashes | ${n(ack.created)} fleets created, ${n(ack.deleted)} deleted, ${n(ack.enabled)} federations enabled, ${n(ack.disabled)} disabled, ${n(ack.connected)} connections, ${n(ack.downloads)} kubeconfigs; ${n(ack.unanswered)} requests cut off by the kills |`,
    `| kubeconfigs verified with openssl after the crashes | ${n(crash.kubeconfigsVerified)} (database rows checked: ${n(crash.databaseRowsChecked)}) |`,
    `| concurrent kubeconfig downloads for one fleet | **${n(conc.parallelDownloads)}** in ${n(conc.seconds)} s: ${n(conc.distinctSerials)} distinct serials, ${n(conc.verifiedByOpenssl)} verified by openssl, ${n(conc.recordsMatched)} store records matched one to one |`,
    `| idle connections held open while others are served | **${n(slow.idleConnections)}**; ${n(slow.servedBesideThem)} requests served beside them, slowest ${n(slow.slowestAnswerMs)} ms, median ${n(slow.medianAnswerMs)} ms |`,
    `| slow-header client cut off after | ${n(slow.slowHeadersCutOffAfterMs)} ms (headersTimeout ${n(slow.headersTimeoutMs)} ms checked every ${n(slow.connectionsCheckingIntervalMs)} ms, requestTimeout ${n(slow.requestTimeoutMs)} ms, keepAliveTimeout ${n(slow.keepAliveTimeoutMs)} ms), answered 408 with the UCS body |`,
    `| 413 for a declared 10 MB body, body never sent | answered in ${n(slow.oversizeBody413Ms)} ms |`,
    `| 413 for a chunked body over the limit (3 kinds: one chunk past it, an endless stream, gzip inflating past it) | answered and the connection closed within ${n(slow.streamedBody413Ms)} ms of the first chunk (the test allows 10 s; read to its end, the body is never answered) |`,
    `| connections over the cap | cap ${n(slow.connectionCap)}: ${n(slow.refusedOverCap)} more each answered 503 UCS.00000006 with an X-Request-Id and closed; served again once the held ones closed |`,
    `| new Content-Type on every request (200 requests) | ${Object.entries(ctv ?? {}).map(([k, v]) => `${k}: ${v.msPerRequest.toFixed(1)} ms a request, heap ${v.heapGrowthMb.toFixed(1)} MB`).join('; ')} |`,
    `| log lines searched for secrets | ${n(fuzz.logLinesSearched)} from the fuzz run + ${n(inProcess.logLines)} in process (both at trace, no redaction) + ${n(child.logLines)} from the server process (trace) |`,
    `| client private keys searched for in the database files | ${n(child.clientKeysSearchedInDatabase)} keys in ${n(child.databaseBytesSearched)} bytes of ucs.sqlite, -wal and -shm: none found |`,
    '',
    'Requests per operation:',
    '',
    '| operation | requests | 2xx | 4xx | must fail | exact status |',
    '|---|---|---|---|---|---|',
    ...Object.entries(perOp).map(([op, s]) => {
      const sum = (p: string) => Object.entries(s.byStatus).filter(([k]) => k.startsWith(p)).reduce((t, [, c]) => t + c, 0);
      return `| ${op} | ${n(s.requests)} | ${n(sum('2'))} | ${n(sum('4'))} | ${n(s.mustFailChecked)} | ${n(s.exactStatusChecked)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return `${sha}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

function fail(message: string): never {
  process.stderr.write(`reliability-report: ${message}\n`);
  process.exit(1);
}

main();
