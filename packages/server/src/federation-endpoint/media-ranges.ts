/**
 * The media ranges of an Accept header, in the client's order, with their parameters. Written
 * by hand: the negotiation libraries on npm drop the `as`/`g`/`v` parameters by which a
 * Kubernetes client asks for a Table or aggregated discovery instead of plain JSON.
 */
export interface MediaRange {
  /** Lower-case `type/subtype`. */
  type: string;
  /** Parameter names lower-case, values as sent. */
  params: Map<string, string>;
}

export function mediaRanges(accept: string | undefined): MediaRange[] {
  return (accept ?? '').split(',').map((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim());
    return {
      type: type.toLowerCase(),
      params: new Map(
        params.map((kv) => {
          const eq = kv.indexOf('=');
          return eq < 0 ? ([kv.toLowerCase(), ''] as const) : ([kv.slice(0, eq).trim().toLowerCase(), kv.slice(eq + 1).trim()] as const);
        }),
      ),
    };
  });
}

/** A range that JSON satisfies. */
export function acceptsJson(range: MediaRange): boolean {
  return range.type === 'application/json' || range.type === 'application/*' || range.type === '*/*';
}
