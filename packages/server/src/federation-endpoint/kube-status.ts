/** Kubernetes-shaped answers: JSON bodies and metav1.Status errors, never HTML. */
import type { ServerResponse } from 'node:http';

export type StatusReason = 'Unauthorized' | 'NotFound' | 'RequestEntityTooLarge' | 'InternalError' | 'ServiceUnavailable';

/** A `kind: Status` failure exactly as kube-apiserver writes it (kubectl prints its message). */
export function kubeStatus(code: number, reason: StatusReason, message: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, code: number, reason: StatusReason, message: string): void {
  sendJson(res, code, kubeStatus(code, reason, message));
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
