import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { LocalFileError } from './errors.js';

/** The document in a YAML or JSON file (YAML is a superset of JSON, so one parser reads both); exit code 6 when it cannot be read or parsed. */
export function readDocumentFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new LocalFileError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return parse(text) as unknown;
  } catch (err) {
    throw new LocalFileError(`${path} is neither YAML nor JSON: ${(err as Error).message.split('\n')[0]}`);
  }
}
