import { Writable } from 'node:stream';
import { defaultConfig, startServer, type RunningServer, type Seed } from '@ucs-fleet/server';
import type { Kubeconfig } from '@ucs-fleet/types';
import { pino } from 'pino';
import { registerInStore } from '../registered-clusters.js';
import { connectionAnswerProblems } from '../spec-check.js';
import type { Garbage } from './garbage.js';
import type { Recipe } from './generators.js';
import { materialize, type FuzzCase, type FuzzContext } from './materialize.js';
import { describeExchange, judge } from './oracle.js';
import { keySecret, leaks, textSecret, type Secret } from './secrets.js';
import { snapshotDifference, storeSnapshot } from './snapshot.js';
import { openRaw, parseRawResponse } from './sockets.js';
import { WireClient, type WireResponse } from './wire.js';

const token = 'dev-token';
const otherAccountToken = 'other-account-token';
const accessKey = 'DEVAKEXAMPLE00000001';
const secretKey = 'dev-secret-key-change-me';

/** Fleets in every federation state, in two accounts: what the generated requests aim at. */
export const fuzzSeed: Seed = {
  tokens: [
    { token, domainId: 'd1', userName: 'alice', groups: ['system:masters'] },
    { token: otherAccountToken, domainId: 'd2', userName: 'bob', groups: ['developers'] },
  ],
  accessKeys: [{ accessKey, secretKey, domainId: 'd1', userName: 'alice', groups: ['system:masters'] }],
  fleets: [
    { id: '0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f', name: 'ready', domainId: 'd1', federation: 'enabled', connection: true },
    { id: '1a2b3c4d-0000-4000-8000-000000000001', name: 'enabled', domainId: 'd1', federation: 'enabled' },
    { id: '1a2b3c4d-0000-4000-8000-000000000002', name: 'enabled-two', domainId: 'd1', federation: 'enabled' },
    { id: '1a2b3c4d-0000-4000-8000-000000000003', name: 'enabling', domainId: 'd1', federation: 'enabling' },
    { id: '1a2b3c4d-0000-4000-8000-000000000004', name: 'off', domainId: 'd1', federation: 'disabled' },
    { id: '1a2b3c4d-0000-4000-8000-000000000005', name: 'off-two', domainId: 'd1', federation: 'disabled' },
    { id: '2b3c4d5e-0000-4000-8000-000000000001', name: 'ready', domainId: 'd2', federation: 'enabled', connection: true },
    { id: '2b3c4d5e-0000-4000-8000-000000000002', name: 'off', domainId: 'd2', federation: 'disabled' },
  ],
  // Registered clusters: attached ones (with an agent) and CCE ones, in no fleet and members of one.
  clusters: [
    { id: '3c4d5e6f-0000-4000-8000-000000000001', name: 'attached', domainId: 'd1' },
    { id: '3c4d5e6f-0000-4000-8000-000000000002', name: 'attached-two', domainId: 'd1' },
    { id: '3c4d5e6f-0000-4000-8000-000000000003', name: 'cce', domainId: 'd1', category: 'self' },
    { id: '3c4d5e6f-0000-4000-8000-000000000004', name: 'member', domainId: 'd1', fleetId: '1a2b3c4d-0000-4000-8000-000000000001' },
    { id: '3c4d5e6f-0000-4000-8000-000000000005', name: 'member-two', domainId: 'd1', fleetId: '0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f', category: 'self' },
    { id: '4d5e6f70-0000-4000-8000-000000000001', name: 'attached', domainId: 'd2', fleetId: '2b3c4d5e-0000-4000-8000-000000000001' },
  ].map((c) => ({ category: 'attachedcluster', kubernetesVersion: 'v1.31', country: 'CN', ...c, type: c.category === 'self' ? 'cce' : 'privatek8s', provider: c.category === 'self' ? 'huaweicloud' : 'privatek8s' })),
};

/** What parser-level garbage got: every answer must be a UCS error (the run fails otherwise). */
export interface GarbageStats {
  requests: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  ms: number;
}

export interface OperationStats {
  requests: number;
  byStatus: Record<string, number>;
  byMutation: Record<string, number>;
  /** Requests the contract says must fail, and requests whose exact status it predicts. */
  mustFailChecked: number;
  exactStatusChecked: number;
  gaps: Record<string, number>;
  ms: number;
  /** Log lines written during the run, and the secrets searched for in them. */
  logLines: number;
  secretsSearched: number;
}

/**
 * One fresh in-process server (in-memory store) with the fuzz seed, a raw HTTP client, and
 * the bookkeeping the properties need: the fleets that exist per account and a snapshot of
 * the store before each request.
 */
export class FuzzHarness {
  readonly stats: OperationStats = { requests: 0, byStatus: {}, byMutation: {}, mustFailChecked: 0, exactStatusChecked: 0, gaps: {}, ms: 0, logLines: 0, secretsSearched: 0 };
  private readonly secrets: Secret[] = [textSecret('the token', token), textSecret("the other account's token", otherAccountToken), textSecret('the secret key', secretKey)];
  private readonly seenSecrets = new Set<string>();
  private readonly own: string[];
  private readonly foreign: string[];
  private readonly ownClusters: string[];
  private readonly foreignClusters: string[];
  private readonly deleted = new Set<string>();
  private snapshot = '';
  readonly garbageStats: GarbageStats = { requests: 0, byStatus: {}, byKind: {}, ms: 0 };
  readonly ctx: FuzzContext;

  private constructor(
    readonly server: RunningServer,
    readonly client: WireClient,
    private readonly logLines: string[],
    ownCluster: string,
  ) {
    this.own = fuzzSeed.fleets.filter((f) => f.domainId === 'd1').map((f) => f.id);
    this.foreign = fuzzSeed.fleets.filter((f) => f.domainId === 'd2').map((f) => f.id);
    this.ownClusters = [...(fuzzSeed.clusters ?? []).filter((c) => c.domainId === 'd1').map((c) => c.id), ownCluster];
    this.foreignClusters = (fuzzSeed.clusters ?? []).filter((c) => c.domainId === 'd2').map((c) => c.id);
    this.ctx = {
      bodyLimit: server.config.bodyLimitBytes,
      token,
      otherAccountToken,
      accessKey,
      secretKey,
      domainId: 'd1',
      ownFleets: () => this.own,
      foreignFleets: () => this.foreign,
      ownClusters: () => this.ownClusters,
      foreignClusters: () => this.foreignClusters,
    };
  }

  static async start(): Promise<FuzzHarness> {
    // The seed's "enabling" fleet stays enabling for the whole run; fleets enabled by requests are ready at once.
    let delayMs = 3_600_000;
    // Everything the server logs, at trace and without redaction, is searched for secrets afterwards.
    const logLines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(chunk.toString('utf8')), done()) });
    const server = await startServer({
      config: { ...defaultConfig, port: 0, federationPort: 0, dataDir: ':memory:', logLevel: 'trace', keyPoolSize: 8, federationDelayMs: 0 },
      seed: fuzzSeed,
      federationDelayMs: () => delayMs,
      logger: pino({ level: 'trace' }, sink),
    });
    delayMs = 0;
    // The policy center on for two of d1's fleets (ready at once), so that the policy operations meet both states.
    const alice = { domainId: 'd1', userName: 'alice', groups: ['system:masters'], via: 'token' as const };
    for (const name of ['ready', 'off']) await server.domain.policies.enable(alice, fuzzSeed.fleets.find((f) => f.domainId === 'd1' && f.name === name)!.id);
    // Two of d1's federations upgraded once (ready at once), so that RollbackFederation has something to roll back.
    for (const name of ['enabled', 'enabled-two']) await server.domain.upgrades.upgrade(alice, fuzzSeed.fleets.find((f) => f.domainId === 'd1' && f.name === name)!.id, 'v1.11.3');
    // A workload of every kind named web (the example of its name) in d1's federated fleets, for Show, Update and Delete to find.
    for (const name of ['ready', 'enabled', 'enabled-two']) {
      for (const kind of ['Deployment', 'Service', 'Ingress', 'ConfigMap', 'Secret', 'Job', 'StatefulSet', 'DaemonSet', 'PersistentVolumeClaim'] as const) {
        await server.domain.workloads.create(alice, fuzzSeed.fleets.find((f) => f.domainId === 'd1' && f.name === name)!.id, { kind, metadata: { name: 'web' } });
      }
    }
    // One registered cluster of d1, for the operations on a cluster.
    const [cluster] = await registerInStore(server, token, undefined, 'fuzz-cluster');
    const h = new FuzzHarness(server, new WireClient(server.url), logLines, cluster!.id);
    h.snapshot = await h.takeSnapshot();
    return h;
  }

  /** Sends one generated request and throws, with the exchange, if any property fails. */
  async run(recipe: Recipe): Promise<void> {
    const c = materialize(recipe, this.ctx);
    const started = performance.now();
    let r: WireResponse;
    try {
      r = await this.client.send(c.wire);
    } catch (err) {
      throw new Error(`the server did not answer (${(err as Error).message})\n${describeExchange(c, undefined)}`);
    }
    const after = await this.takeSnapshot();
    const verdict = judge(c, r, after !== this.snapshot);
    if (after !== this.snapshot && verdict.violations.some((v) => v.startsWith('the store changed'))) verdict.violations.push(`store difference: ${snapshotDifference(this.snapshot, after)}`);
    this.snapshot = after;
    this.account(c, r, verdict.gaps, performance.now() - started);
    this.noteSecrets(c, r);
    if (verdict.violations.length > 0) throw new Error(`${verdict.violations.join('\n')}\n${describeExchange(c, r)}`);
    // A deleted fleet joins the watched certificate records: the next snapshot starts from here.
    if (this.follow(c, r)) this.snapshot = await this.takeSnapshot();
  }

  /**
   * Sends bytes that are not valid HTTP/1.1 on a connection of their own, then half-closes it.
   * Throws unless the answer is a 4xx with the UCS body and an X-Request-Id, of a status and
   * code that x-ucs-connection-answers lists, and the store did not change.
   */
  async runGarbage(garbage: Garbage): Promise<void> {
    const started = performance.now();
    const c = await openRaw(this.server.url);
    c.socket.end(garbage.bytes);
    const closed = await Promise.race([c.closed.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000))]);
    c.socket.destroy();
    const answer = parseRawResponse(c.received());
    const after = await this.takeSnapshot();
    const violations: string[] = [];
    if (!answer) violations.push(c.received() === '' ? 'no answer (the connection was closed without one)' : `not an HTTP answer: ${JSON.stringify(c.received().slice(0, 200))}`);
    else {
      if (answer.status < 400 || answer.status >= 600) violations.push(`accepted with ${answer.status}`);
      violations.push(...connectionAnswerProblems(answer));
    }
    if (!closed) violations.push('the connection was left open after the answer');
    if (after !== this.snapshot) violations.push(`the store changed: ${snapshotDifference(this.snapshot, after)}`);
    this.snapshot = after;
    const s = this.garbageStats;
    s.requests++;
    s.ms += performance.now() - started;
    const status = answer ? String(answer.status) : 'none';
    s.byStatus[status] = (s.byStatus[status] ?? 0) + 1;
    const kind = garbage.label.replace(/\d+/g, 'N').replace(/ ".*$| \(.*$/, '');
    s.byKind[kind] = (s.byKind[kind] ?? 0) + 1;
    if (violations.length > 0) throw new Error(`${violations.join('\n')}\n${garbage.label}: ${JSON.stringify(garbage.bytes.subarray(0, 300).toString('latin1'))}${garbage.bytes.length > 300 ? ` ... (${garbage.bytes.length} bytes)` : ''}\n-> ${JSON.stringify(c.received().slice(0, 300))}`);
  }

  /** The secrets (tokens, secret key, signatures, issued private keys) found in the server's logs. */
  logLeaks(): string[] {
    const log = Buffer.from(this.logLines.join(''));
    this.stats.logLines = this.logLines.length;
    this.stats.secretsSearched = this.secrets.length;
    return [...(log.includes('PRIVATE KEY') ? ['a PEM private key'] : []), ...leaks(log, this.secrets)];
  }

  /** Remembers what was secret in an exchange: credentials sent, private keys received (a sample). */
  private noteSecrets(c: FuzzCase, r: WireResponse): void {
    const add = (key: string, make: () => Secret) => {
      if (this.seenSecrets.has(key) || this.seenSecrets.size > 400) return;
      this.seenSecrets.add(key);
      this.secrets.push(make());
    };
    for (const [name, value] of c.wire.headers) {
      const signature = name === 'Authorization' ? /Signature=([0-9a-fA-F]{64})/.exec(value)?.[1] : undefined;
      if (signature) add(signature, () => textSecret('an Authorization signature', signature));
      if (name === 'X-Auth-Token' && value.length >= 12) add(value, () => textSecret('a token a client sent', value));
    }
    const key = r.status === 201 ? (r.body as Partial<Kubeconfig>).users?.[0]?.user['client-key-data'] : undefined;
    if (key && this.secrets.filter((s) => s.what.startsWith('an issued')).length < 20) {
      add(key, () => keySecret('an issued private key', Buffer.from(key, 'base64').toString('utf8')));
    }
  }

  async close(): Promise<void> {
    this.client.close();
    await this.server.close();
  }

  private takeSnapshot(): Promise<string> {
    return storeSnapshot(this.server.store, ['d1', 'd2'], this.deleted);
  }

  /** Keeps the fleet and cluster pools in step with what the server acknowledged; true when a fleet was deleted. */
  private follow(c: FuzzCase, r: WireResponse): boolean {
    if (r.status < 200 || r.status >= 300) return false;
    const pool = c.callerDomain === 'd2' ? this.foreign : this.own;
    const clusters = c.callerDomain === 'd2' ? this.foreignClusters : this.ownClusters;
    if (c.operationId === 'RegisterCluster') {
      const uid = (r.body as { uid?: unknown }).uid;
      if (typeof uid === 'string') clusters.push(uid);
    }
    if (c.operationId === 'DeleteCluster') {
      const id = decodeURIComponent(c.wire.path.split('?')[0]!.split('/')[3] ?? '');
      const at = clusters.indexOf(id);
      if (at >= 0) clusters.splice(at, 1);
    }
    if (c.operationId === 'RegisterClusterGroup') {
      const uid = (r.body as { uid?: unknown }).uid;
      if (typeof uid === 'string') pool.push(uid);
    }
    if (c.operationId === 'DeleteClusterGroup') {
      const id = (r.body as { clusterGroupId?: unknown }).clusterGroupId;
      if (typeof id === 'string') {
        const at = pool.indexOf(id);
        if (at >= 0) pool.splice(at, 1);
        this.deleted.add(id);
        return true;
      }
    }
    return false;
  }

  private account(c: FuzzCase, r: WireResponse, gaps: string[], ms: number): void {
    const s = this.stats;
    s.requests++;
    s.ms += ms;
    s.byStatus[r.status] = (s.byStatus[r.status] ?? 0) + 1;
    for (const l of c.labels.length > 0 ? c.labels : ['(valid)']) {
      const family = l.split(':')[0]!;
      s.byMutation[family] = (s.byMutation[family] ?? 0) + 1;
    }
    if (c.mustFail.length > 0) s.mustFailChecked++;
    if (c.exactStatus) s.exactStatusChecked++;
    for (const g of gaps) s.gaps[g] = (s.gaps[g] ?? 0) + 1;
  }
}
