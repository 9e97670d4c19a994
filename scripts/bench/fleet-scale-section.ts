// The section of docs/benchmarks.md that scripts/fleet-scale.ts writes; scripts/bench.ts keeps it
// when it rewrites the rest of the file.
const begin = '<!-- fleet-scale:begin -->';
const end = '<!-- fleet-scale:end -->';

/** The document with its fleet-scale section replaced by `section` (appended when there is none). */
export function replaceFleetScaleSection(doc: string, section: string): string {
  const block = `${begin}\n${section.trim()}\n${end}`;
  const at = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  if (at >= 0 && stop > at) return `${doc.slice(0, at)}${block}${doc.slice(stop + end.length)}`;
  return `${doc.trimEnd()}\n\n${block}\n`;
}

/** The fleet-scale section of an existing document (with its markers), or '' when it has none. */
export function fleetScaleSection(doc: string): string {
  const at = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  return at >= 0 && stop > at ? doc.slice(at, stop + end.length) : '';
}
