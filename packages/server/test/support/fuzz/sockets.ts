import { Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * Runs `start` while recording every node:http server that begins listening, so that a test
 * can read the timeouts of the server startServer creates (RunningServer does not expose it).
 */
export async function capturingHttpServers<T>(start: () => Promise<T>): Promise<{ result: T; servers: Server[] }> {
  const servers: Server[] = [];
  const proto = Server.prototype as unknown as { listen: (...args: unknown[]) => unknown };
  const hadOwn = Object.prototype.hasOwnProperty.call(proto, 'listen');
  const original = proto.listen;
  proto.listen = function (this: Server, ...args: unknown[]) {
    servers.push(this);
    return original.apply(this, args);
  };
  try {
    return { result: await start(), servers };
  } finally {
    if (hadOwn) proto.listen = original;
    else delete (proto as { listen?: unknown }).listen;
  }
}

export interface RawExchange {
  socket: Socket;
  /** Everything received so far. */
  received: () => string;
  /** Resolves when the server closes the connection, with the time it took since `open`. */
  closed: Promise<number>;
}

/** A TCP connection to the server that writes only what the test tells it to. */
export function openRaw(url: string): Promise<RawExchange> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: u.hostname, port: Number(u.port) });
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
    const closed = new Promise<number>((done) => socket.once('close', () => done(performance.now() - started)));
    socket.once('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** Waits until `predicate` holds (polling), or fails after `ms`. */
export async function waitFor(predicate: () => boolean, ms: number, what: string): Promise<number> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - started;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

/** Reads the first HTTP/1.1 response out of the bytes a raw socket received; undefined if incomplete. */
export function parseRawResponse(received: string): RawResponse | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = received.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  if (!status) return undefined;
  const headers = new Headers();
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const length = Number(headers.get('content-length') ?? 0);
  const bytes = Buffer.from(received.slice(end + 4), 'latin1');
  if (bytes.length < length) return undefined;
  const text = bytes.subarray(0, length).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text is the body
  }
  return { status, headers, body };
}
