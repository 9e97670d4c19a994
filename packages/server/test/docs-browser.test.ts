// Opens /docs in headless Chromium (Debian's `chromium`) and reads what Redoc rendered. The
// browser is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: requests on
// fd 3, answers on fd 4, NUL-separated JSON), which needs no WebSocket (Node 20 has none).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openapiYamlText } from '@ucs-fleet/types';
import { startStub } from '@ucs-fleet/server';
import { parse } from 'yaml';

const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The picture README shows changes only when asked for (`npm run docs:picture`); a test run
// leaves the tracked file alone and writes its screenshot to a temporary directory.
const trackedPicture = fileURLToPath(new URL('../../../docs/docs-page.png', import.meta.url));
const refreshPicture = process.env.UCS_DOCS_PICTURE === 'refresh';
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const missing = !existsSync(chromiumPath);
// On CI a missing browser is a failure (.ci/run installs it), not a reason to skip.
const skip = missing && !process.env.CI ? `${chromiumPath} is not installed (apt-get install -y chromium); skipped outside CI` : false;

const spec = parse(openapiYamlText) as {
  servers: { url: string; description: string }[];
  paths: Record<string, Record<string, { operationId: string; summary: string; tags: string[] }>>;
  components: { schemas: { CertificateDuration: { minimum: number; maximum: number } } };
};
const download = spec.paths['/v1/clustergroups/{clustergroupid}/kubeconfig']!.post!;
const duration = spec.components.schemas.CertificateDuration;

test('/docs renders the contract in a browser, from the server alone', { skip, timeout: 120_000 }, async (t) => {
  assert.ok(!missing, `${chromiumPath} is missing: .ci/run installs Debian's chromium`);
  assert.deepEqual([duration.minimum, duration.maximum], [1, 1825]);
  const stub = await startStub();
  const browser = await Browser.launch(chromiumPath);
  try {
    const page = await browser.newPage();
    const origin = new URL(stub.url).origin;

    await page.open(`${stub.url}/docs`);
    const overview = await page.waitForText((text) => text.includes(download.operationId), 'the overview');
    assert.ok(overview.includes(download.operationId));

    // The operation's own page: Redoc routes to #/<tag>/<operationid>.
    await page.open(`${stub.url}/docs#/${slug(download.tags[0]!)}/${download.operationId.toLowerCase()}`);
    const limits = new RegExp(`duration\\s*integer[^\\n]*\\[\\s*${duration.minimum}\\s*\\.\\.\\s*${duration.maximum}\\s*\\]`);
    const operation = await page.waitForText((text) => text.includes(download.summary) && limits.test(text), download.operationId);
    assert.match(operation, limits);

    // The operation's Servers panel (in the page, shown on a click) names this very server,
    // on the port it runs on, and shows descriptions as text, without Markdown backticks.
    const panel = await page.evaluate<string>('document.body.textContent');
    assert.ok(panel.includes(`${stub.url}${Object.keys(spec.paths).find((p) => p.endsWith('/kubeconfig'))}`), 'the Servers panel names this server');
    assert.ok(panel.includes('This reference server (npm start)'));
    assert.ok(!panel.includes('127.0.0.1:8080') || stub.url.endsWith(':8080'), 'no fixed port 8080');
    for (const server of spec.servers) assert.ok(!panel.includes(server.description) || !server.description.includes('`'), `literal backticks: ${server.description}`);

    await page.waitForText((text) => !text.includes('Loading...'), 'the search box');
    const picture = await page.screenshot();
    assert.deepEqual(picture.subarray(0, 8), pngSignature);
    const picturePath = refreshPicture ? trackedPicture : join(mkdtempSync(join(tmpdir(), 'ucs-docs-page-')), 'docs-page.png');
    writeFileSync(picturePath, picture);
    t.diagnostic(`screenshot: ${picturePath}`);

    // Everything came from the server. Redoc's "API docs by" badge asks a CDN for its logo: the
    // page's policy blocks that before it leaves the browser.
    const loaded = [...page.requests.values()].filter((r) => r.loaded).map((r) => r.url);
    assert.deepEqual(loaded.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:')), []);
    assert.ok(loaded.includes(`${origin}/docs/redoc.standalone.js`), loaded.join('\n'));
    assert.ok(loaded.includes(`${origin}/openapi.json`), loaded.join('\n'));
    const blocked = [...page.requests.values()].filter((r) => !r.loaded && !r.url.startsWith(origin));
    assert.deepEqual(blocked.map((r) => r.blockedReason), blocked.map(() => 'csp'));
    // And the policy refused nothing of the server's own (scripts, styles, workers...).
    const refusedOwn = page.policyViolations.filter((text) => !/'https?:\/\/[^']+'/.test(text) || text.includes(`'${origin}/`));
    assert.deepEqual(refusedOwn, []);
  } finally {
    await browser.close();
    await stub.close();
  }
});

function slug(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Just enough of the DevTools protocol: one browser, pages, evaluate, screenshot. */
class Browser {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: CdpMessage) => void)[] = [];

  private constructor(
    private readonly process: ChildProcess,
    private readonly userDataDir: string,
    private readonly output: () => string,
  ) {
    let buffered = Buffer.alloc(0);
    (process.stdio[4] as Readable).on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let end = buffered.indexOf(0); end >= 0; end = buffered.indexOf(0)) {
        const message = JSON.parse(buffered.subarray(0, end).toString('utf8')) as CdpMessage;
        buffered = buffered.subarray(end + 1);
        this.dispatch(message);
      }
    });
    process.once('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`chromium exited:\n${this.output()}`));
      this.pending.clear();
    });
  }

  static async launch(executable: string): Promise<Browser> {
    const userDataDir = mkdtempSync(join(tmpdir(), 'ucs-chromium-'));
    const child = spawn(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${userDataDir}`,
        '--remote-debugging-pipe',
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const browser = new Browser(child, userDataDir, () => output);
    await browser.send('Browser.getVersion');
    return browser;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.process.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(listener: (m: CdpMessage) => void): void {
    this.listeners.push(listener);
  }

  async newPage(): Promise<Page> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, sessionId as string);
    await page.init();
    return page;
  }

  async close(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      await this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.userDataDir, { recursive: true, force: true });
  }

  private dispatch(message: CdpMessage): void {
    if (message.id === undefined) {
      for (const listener of this.listeners) listener(message);
      return;
    }
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.error) pending?.reject(new Error(message.error.message));
    else pending?.resolve(message.result ?? {});
  }
}

interface PageRequest {
  url: string;
  /** An answer came (any status). */
  loaded: boolean;
  /** Why the browser did not send it (e.g. csp), if it did not. */
  blockedReason?: string;
}

class Page {
  /** Every request of the page, by DevTools request id. */
  readonly requests = new Map<string, PageRequest>();
  /** What the Content-Security-Policy refused, as the browser's console says it. */
  readonly policyViolations: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly sessionId: string,
  ) {
    browser.on((m) => {
      if (m.sessionId !== sessionId) return;
      if (m.method === 'Log.entryAdded') {
        const entry = (m.params as { entry: { source: string; text: string } }).entry;
        if (entry.source === 'security') this.policyViolations.push(entry.text);
      }
      const params = m.params as { requestId: string; request?: { url: string }; blockedReason?: string };
      if (m.method === 'Network.requestWillBeSent') this.requests.set(params.requestId, { url: params.request!.url, loaded: false });
      const known = this.requests.get(params.requestId);
      if (!known) return;
      if (m.method === 'Network.responseReceived') known.loaded = true;
      if (m.method === 'Network.loadingFailed' && params.blockedReason) known.blockedReason = params.blockedReason;
    });
  }

  async init(): Promise<void> {
    await this.send('Network.enable');
    await this.send('Log.enable');
    await this.send('Page.enable');
    await this.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 1000, deviceScaleFactor: 1, mobile: false });
    await this.send('Emulation.setScrollbarsHidden', { hidden: true });
  }

  async open(url: string): Promise<void> {
    await this.send('Page.navigate', { url });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`${expression}: ${JSON.stringify(exceptionDetails)}`);
    return (result as { value: T }).value;
  }

  /** Polls the page's visible text until `ready` accepts it; returns that text. */
  async waitForText(ready: (text: string) => boolean, what: string): Promise<string> {
    let text = '';
    await this.until(async () => {
      text = await this.evaluate<string>('document.body ? document.body.innerText : ""');
      return ready(text);
    }, what, () => text.slice(0, 2000));
    return text;
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data as string, 'base64');
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.sessionId);
  }

  private async until(check: () => Promise<boolean>, what: string, detail: () => string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) assert.fail(`${what} did not render within 30 s; the page shows:\n${detail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
