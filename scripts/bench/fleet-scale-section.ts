// The sections of docs/benchmarks.md that scripts/bench.ts keeps when it rewrites the rest of the
// file: the one scripts/fleet-scale.ts writes, and the profile notes.
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
  return markedSection(doc, 'fleet-scale');
}

/**
 * The section of `doc` between `<!-- NAME:begin -->` and `<!-- NAME:end -->`, markers included, or
 * '' when it has none. Besides fleet-scale, docs/benchmarks.md keeps `profile-notes`: what the
 * profiles showed and what was changed for it, written by hand with the commands behind each figure.
 */
export function markedSection(doc: string, name: string): string {
  const [from, to] = [`<!-- ${name}:begin -->`, `<!-- ${name}:end -->`];
  const at = doc.indexOf(from);
  const stop = doc.indexOf(to);
  return at >= 0 && stop > at ? doc.slice(at, stop + to.length) : '';
}
