// scripts/pack-check.ts reads the imports of dist/ as code, not as text.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkPackage } from '../../../scripts/pack-check.js';

function fakePackage(files: Record<string, string>, dependencies: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ucs-pack-check-'));
  const manifest = { name: '@ucs-fleet/fake', version: '0.0.0', type: 'module', main: './dist/index.js', files: ['dist', 'README.md', 'LICENSE'], dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'README.md'), '# fake\n');
  writeFileSync(join(dir, 'LICENSE'), 'Apache-2.0\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('text that reads like an import (a help string saying "comes from") is no import', () => {
  const dir = fakePackage({
    'dist/index.js': `import { Command } from 'commander';\nexport const help = 'show each setting and where it comes from');\nconst s = "import x from 'nope'";\n`,
    'dist/index.d.ts': 'export declare const help: string;\n',
  }, { commander: '14.0.3' });
  try {
    assert.deepEqual(checkPackage(dir).problems, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a real import of an undeclared package is still a problem: static, dynamic and in .d.ts', () => {
  const dir = fakePackage({
    'dist/index.js': `import 'left-pad';\nexport const later = () => import('right-pad');\n`,
    'dist/index.d.ts': `export declare const x: import('center-pad').T;\n`,
  });
  try {
    const problems = checkPackage(dir).problems.join('\n');
    for (const name of ['left-pad', 'right-pad', 'center-pad']) assert.match(problems, new RegExp(`imports ${name}, but ${name} is not a dependency`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
