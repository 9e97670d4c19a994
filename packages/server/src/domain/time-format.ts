/** RFC 3339 in whole seconds (`YYYY-MM-DDTHH:MM:SSZ`), a form every UCS SDK parses. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
