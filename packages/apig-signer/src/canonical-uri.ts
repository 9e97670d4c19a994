import { percentEncode } from './encode.js';

/**
 * How an SDK turns the path it sends into the canonical URI. The official SDKs disagree on a
 * path that holds an escape such as `%20` (any id with a character outside `A-Za-z0-9-_.~`):
 *
 * - `node-sdk`: `@huaweicloud/huaweicloud-sdk-core` (AKSKSigner.CanonicalURI over the path as
 *   it will be sent) encodes each `/` segment again, without decoding first: `%20` is signed as
 *   `%2520`, a raw `+` as `%2B`.
 * - `python-sdk`: `huaweicloudsdkcore` (Signer._canonical_uri) URL-decodes the whole path first
 *   (`urllib.parse.unquote`), then encodes each segment: `%20` is signed as `%20`, `%2F` as `/`.
 *   The Node SDK lands here too for non-ASCII ids: it signs `ü` once (`%C3%BC`) and sends `%C3%BC`.
 *
 * Both end the result with `/`.
 */
export type PathStyle = 'node-sdk' | 'python-sdk';

/** Every style, in the order a verifier tries them. */
export const PATH_STYLES: readonly PathStyle[] = ['node-sdk', 'python-sdk'];

/**
 * The canonical URIs a verifier may accept for a received path, one per distinct form. The
 * python-sdk form is left out when the decoded path still holds an escape (`%XX`): then it
 * equals the node-sdk form of another path (the one with that `%` unescaped, another resource),
 * and a signature made for that path would cover this one too.
 */
export function acceptedCanonicalUris(path: string): { pathStyle: PathStyle; uri: string }[] {
  const node = canonicalUri(path);
  const decoded = pythonUnquote(path);
  if (ESCAPE.test(decoded)) return [{ pathStyle: 'node-sdk', uri: node }];
  const python = canonicalUri(decoded);
  return python === node ? [{ pathStyle: 'node-sdk', uri: node }] : [{ pathStyle: 'node-sdk', uri: node }, { pathStyle: 'python-sdk', uri: python }];
}

export function canonicalUriFor(path: string, style: PathStyle): string {
  return style === 'node-sdk' ? canonicalUri(path) : canonicalUri(pythonUnquote(path));
}

/** The `node-sdk` form: each `/` segment of the path as received encoded again, then a trailing `/`. */
export function canonicalUri(path: string): string {
  const encoded = path.split('/').map(percentEncode).join('/');
  return encoded.endsWith('/') ? encoded : encoded + '/';
}

const ESCAPE = /%[0-9A-Fa-f]{2}/;
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const utf8 = new TextDecoder('utf-8');

/**
 * `urllib.parse.unquote(path)` of Python 3: each run of `%XX` escapes is decoded as UTF-8 with
 * invalid bytes replaced by U+FFFD; a `%` not followed by two hex digits stays; `+` stays `+`.
 */
export function pythonUnquote(path: string): string {
  return path.replace(ESCAPE_RUN, (run) => utf8.decode(Buffer.from(run.replaceAll('%', ''), 'hex')));
}
