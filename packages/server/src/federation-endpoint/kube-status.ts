/** Kubernetes-shaped answers: JSON bodies and metav1.Status errors, never HTML. */
import type { ServerResponse } from 'node:http';

export type StatusReason = 'Unauthorized' | 'NotFound' | 'MethodNotAllowed' | 'NotAcceptable' | 'RequestEntityTooLarge' | 'InternalError' | 'ServiceUnavailable';

/** What a Status says of the object it is about (`Error from server (NotFound): clusters.cluster.karmada.io "x" not found`). */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
}

/** A `kind: Status` failure exactly as kube-apiserver writes it (kubectl prints its message). */
export function kubeStatus(code: number, reason: StatusReason, message: string, details?: StatusDetails): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, code: number, reason: StatusReason, message: string, details?: StatusDetails): void {
  sendJson(res, code, kubeStatus(code, reason, message, details));
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}
