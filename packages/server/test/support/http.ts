import { createServer } from 'node:net';
import { assertMatchesSpec } from './spec-check.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface ApiRequest {
  method?: string;
  path: string;
  token?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as it is. */
  body?: unknown;
}

/** One HTTP call to the server under test; every answer is checked against openapi.yaml. */
export async function callApi(baseUrl: string, req: ApiRequest): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...(req.token ? { 'X-Auth-Token': req.token } : {}) };
  let body: string | Buffer | undefined;
  if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) body = req.body;
  else if (req.body !== undefined) {
    body = JSON.stringify(req.body);
    headers['Content-Type'] = 'application/json';
  }
  Object.assign(headers, req.headers);
  const method = req.method ?? 'GET';
  const response = await fetch(`${baseUrl}${req.path}`, { method, headers, body });
  const text = await response.text();
  const parsed = parseJson(text);
  assertMatchesSpec({ method, url: req.path, status: response.status, headers: response.headers, body: parsed });
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A fetch for the typed client that checks every answer against openapi.yaml. */
export const specCheckingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  const text = await response.clone().text();
  assertMatchesSpec({ method: request.method, url: request.url, status: response.status, headers: response.headers, body: parseJson(text) });
  return response;
};

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** A loopback port that nothing listens on (it was free a moment ago). */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
