import { Agent, request } from 'node:http';

/** A request exactly as it goes on the wire: raw path, repeated headers allowed, raw body bytes. */
export interface WireRequest {
  method: string;
  /** Path and query as sent, not normalised: `..`, `%00` and `%2F` reach the server untouched. */
  path: string;
  /** In order; a name may repeat. Host and Content-Length are added by `send` unless present. */
  headers: [string, string][];
  body?: Buffer;
  /** Send the body with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
}

export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or the text when it is not JSON, or undefined when empty. */
  body: unknown;
  ms: number;
}

/**
 * An HTTP/1.1 client over one kept-alive connection that sends what it is given (fetch would
 * normalise paths, merge headers and refuse some of them). Header values are Latin-1 on the
 * wire: pass UTF-8 text through `utf8OnTheWire` to send its bytes.
 */
export class WireClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(baseUrl: string) {
    this.url = new URL(baseUrl);
  }

  async send(req: WireRequest, timeoutMs = 20_000): Promise<WireResponse> {
    try {
      return await this.sendOnce(req, timeoutMs);
    } catch (err) {
      // A kept-alive socket the server closed between two requests: the request never reached it.
      if ((err as { reusedSocket?: boolean }).reusedSocket && (err as NodeJS.ErrnoException).code === 'ECONNRESET') return this.sendOnce(req, timeoutMs);
      throw err;
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private sendOnce(req: WireRequest, timeoutMs: number): Promise<WireResponse> {
    const started = performance.now();
    const has = (name: string) => req.headers.some(([n]) => n.toLowerCase() === name);
    const headers: string[] = [];
    if (!has('host')) headers.push('Host', this.url.host);
    for (const [n, v] of req.headers) headers.push(n, v);
    if (req.chunked) {
      if (!has('transfer-encoding')) headers.push('Transfer-Encoding', 'chunked');
    } else if (req.body !== undefined && !has('content-length')) headers.push('Content-Length', String(req.body.length));
    return new Promise((resolve, reject) => {
      let answered = false;
      const r = request(
        { host: this.url.hostname, port: this.url.port, method: req.method, path: req.path, headers, agent: this.agent, timeout: timeoutMs },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('error', reject);
          res.on('end', () => {
            // Large files (the docs bundle) are not decoded: only JSON and errors are checked as text.
            const type = res.headers['content-type'] ?? '';
            const size = chunks.reduce((n, c) => n + c.length, 0);
            const text = size > 256 * 1024 && !type.includes('json') && (res.statusCode ?? 0) < 400 ? '' : Buffer.concat(chunks).toString('utf8');
            const h = new Headers();
            for (const [n, v] of Object.entries(res.headers)) if (v !== undefined) h.set(n, Array.isArray(v) ? v.join(', ') : v);
            resolve({ status: res.statusCode ?? 0, headers: h, text, body: parseJson(text), ms: performance.now() - started });
          });
        },
      );
      r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      r.on('error', (err: Error) => {
        if (answered) return;
        Object.assign(err, { reusedSocket: r.reusedSocket });
        reject(err);
      });
      if (req.body !== undefined && req.body.length > 0) {
        if (req.chunked) {
          // Several chunks, so that the server sees a real chunked stream.
          const step = Math.max(1, Math.ceil(req.body.length / 3));
          for (let i = 0; i < req.body.length; i += step) r.write(req.body.subarray(i, i + step));
          r.end();
        } else r.end(req.body);
      } else r.end();
    });
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The UTF-8 bytes of a text as a Latin-1 string, which Node writes byte for byte into a header. */
export function utf8OnTheWire(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
