// `npm run lint:spec`: Redocly's linter on openapi.yaml and control-openapi.yaml, with its
// output as it is except one notice. Redocly CLI 2.x prints a boxed "Node.js 20 support is ending" notice on every run
// under Node 20 (the version this project targets) and has no setting to turn it off; in
// `npm test` the box reads like a failure. Everything else Redocly says, and its exit code,
// pass through unchanged.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** The text without Redocly's boxed Node.js end-of-life notice (the box and the blank lines around it). */
export function withoutNodeDeprecationBox(text: string): string {
  return text.replace(/\n*[ \t]*╔[^]*?Node\.js \d+ support is ending[^]*?╝[ \t]*\n*/g, '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const child = spawn(process.execPath, [redocly, 'lint', 'openapi.yaml', 'control-openapi.yaml', '--format=stylish', ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.on('close', (code, signal) => {
    const rest = withoutNodeDeprecationBox(stderr);
    if (rest.trim() !== '') process.stderr.write(rest.replace(/^\n+/, ''));
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
