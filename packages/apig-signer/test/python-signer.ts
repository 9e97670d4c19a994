/**
 * Test-only: signs requests with `python-sdk-signer.py`, the official Python SDK's algorithm
 * (canonical path from `urllib.parse.unquote`) run by python3. One python3 process per call.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatSdkDate } from '@ucs-fleet/apig-signer';

export interface PythonSignInput {
  method: string;
  /** The path as sent on the wire, without the query. */
  path: string;
  query?: [string, string][];
  /** Every header given is signed (as the Python SDK does); include `host`. */
  headers: Record<string, string>;
  body?: string;
  ak: string;
  sk: string;
  date: Date;
}

export interface PythonSigned {
  canonicalUri: string;
  /** The headers to add: `X-Sdk-Date` and `Authorization`. */
  headers: { 'X-Sdk-Date': string; Authorization: string };
}

const script = fileURLToPath(new URL('./python-sdk-signer.py', import.meta.url));

export function signLikePythonSdk(inputs: readonly PythonSignInput[]): PythonSigned[] {
  const payload = inputs.map((r) => ({ ...r, date: formatSdkDate(r.date) }));
  const out = JSON.parse(execFileSync('python3', [script], { input: JSON.stringify(payload), encoding: 'utf8' })) as { canonicalUri: string; authorization: string }[];
  return out.map((o, i) => ({ canonicalUri: o.canonicalUri, headers: { 'X-Sdk-Date': payload[i]!.date, Authorization: o.authorization } }));
}
