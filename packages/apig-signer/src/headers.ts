export type HeaderValue = string | readonly string[] | undefined;

/** Copies headers into a map keyed by lower-case name; repeated values are joined like Node's http does. */
export function lowerCaseHeaders(headers: Readonly<Record<string, HeaderValue>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (out.has(key)) throw new Error(`header "${name}" is given more than once (names are case-insensitive)`);
    out.set(key, typeof value === 'string' ? value : value.join(', '));
  }
  return out;
}
