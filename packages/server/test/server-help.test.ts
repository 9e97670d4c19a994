// `npm start -- --help` and `--version`, run the way README says.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

async function npmStart(...args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['start', '-s', '--', ...args], { cwd: repoRoot, timeout: 60_000 });
  return stdout;
}

/** The flags of README's configuration table (`| --port | PORT | 8080 | ... |`). */
function readmeFlags(): string[] {
  const readme = readFileSync(new URL('README.md', `file://${repoRoot}`), 'utf8');
  return [...readme.matchAll(/^\| `(--[a-z-]+)` \| `[A-Z_]+` \|/gm)].map((m) => m[1]!);
}

test('npm start -- --help describes every flag: its argument, what it does, its variable and default', async () => {
  const help = await npmStart('--help');
  const lines = help.split('\n');
  const flagLines = lines.filter((l) => /^\s+--[a-z]/.test(l));
  assert.ok(flagLines.length >= readmeFlags().length, help);
  for (const flag of readmeFlags()) assert.ok(flagLines.some((l) => l.trimStart().startsWith(`${flag} `)), `--help lists ${flag}`);
  for (const line of flagLines.filter((l) => !/^\s+--(version|help)\b/.test(l))) {
    // A switch such as --control takes no argument.
    const m = /^\s+--[a-z-]+(?: <[a-z]+>)?\s+(.+?)\s+\[([A-Z_]+); default: (.+)\]$/.exec(line);
    assert.ok(m, `"${line}" has an argument, a description, its variable and its default`);
    assert.match(m[1]!, /[a-z]{3,}/, `"${line}" says what the flag does`);
  }
  assert.ok(flagLines.some((l) => /^\s+--version\s+\S/.test(l)), '--help lists --version');
});

test('npm start -- --version prints the server package version and starts nothing', async () => {
  const { version } = JSON.parse(readFileSync(new URL('packages/server/package.json', `file://${repoRoot}`), 'utf8')) as { version: string };
  assert.equal(await npmStart('--version'), `ucs-server ${version}\n`);
});
