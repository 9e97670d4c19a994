// Checks what `npm pack` would publish for each built package: dist/, its bin launchers, README.md,
// LICENSE and package.json only; every entry point (exports, main, types, bin) inside it; and every package
// that dist/ imports declared in dependencies. Run `npm run build` first, then `npm run pack-check`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { buildablePackages } from './build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const topLevelFiles = new Set(['package.json', 'README.md', 'LICENSE']);

export interface PackReport {
  name: string;
  dir: string;
  files: string[];
  problems: string[];
  /** Worth knowing, not failing: types that the package's .d.ts files need from elsewhere. */
  notes: string[];
}

interface Manifest {
  name: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The files `npm pack --dry-run --json` lists for the package in `dir`. */
export function packedFiles(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return pack!.files.map((f) => f.path).sort();
}

export function checkPackage(dir: string): PackReport {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  const files = packedFiles(dir);
  const problems: string[] = [];
  // A command's launcher may sit outside dist/ (the CLI's bin/ucs.js picks dist/ or the sources).
  const launchers = new Set(Object.values(manifest.bin ?? {}).map((t) => t.replace(/^\.\//, '')));
  for (const f of files) {
    if (!topLevelFiles.has(f) && !f.startsWith('dist/') && !launchers.has(f)) problems.push(`ships ${f}, which is neither dist/, a bin launcher, nor package.json, README.md, LICENSE`);
  }
  for (const f of topLevelFiles) if (!files.includes(f)) problems.push(`does not ship ${f}`);
  for (const target of entryPoints(manifest)) {
    if (!files.includes(target)) problems.push(`entry point ${target} is not in the package`);
  }
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const notes = new Set<string>();
  for (const { file, specifier } of bareImports(join(dir, 'dist'))) {
    const name = packageName(specifier);
    if (name === manifest.name) continue;
    if (!declared.has(name)) problems.push(`dist/${file} imports ${specifier}, but ${name} is not a dependency`);
    else if (file.endsWith('.d.ts') && !hasOwnTypes(dir, name) && !declared.has(typesPackage(name))) {
      notes.add(`its .d.ts files import ${name}, whose types are in ${typesPackage(name)}, not a dependency: TypeScript users must install it themselves (under skipLibCheck those types are any)`);
    }
  }
  return { name: manifest.name, dir, files, problems, notes: [...notes] };
}

function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** Whether the package, as installed for the workspace in `from`, carries its own declarations. */
function hasOwnTypes(from: string, name: string): boolean {
  const dir = [join(from, 'node_modules', name), join(root, 'node_modules', name)].find((d) => existsSync(d));
  if (!dir) return false;
  try {
    const m = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { types?: string; typings?: string; exports?: unknown };
    if (m.types ?? m.typings) return true;
    if (JSON.stringify(m.exports ?? {}).includes('"types"')) return true;
    // Declarations beside the code (index.d.ts, dist/index.d.mts...), which TypeScript finds by itself.
    return ['', 'dist', 'lib'].some((sub) => existsSync(join(dir, sub)) && readdirSync(join(dir, sub)).some((f) => /\.d\.[cm]?ts$/.test(f)));
  } catch {
    return false;
  }
}

/** Every file package.json points users at, except the ucs-source condition (the repo's own dev mode). */
function entryPoints(m: Manifest): string[] {
  const targets: string[] = [];
  const walk = (node: unknown, condition?: string): void => {
    if (typeof node === 'string') {
      if (condition !== 'ucs-source') targets.push(node);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, key.startsWith('.') ? condition : key);
    }
  };
  walk(m.exports);
  for (const t of [m.main, m.types, ...Object.values(m.bin ?? {})]) if (t) targets.push(t);
  return [...new Set(targets.map((t) => t.replace(/^\.\//, '')))];
}

/**
 * The package specifiers each .js / .d.ts file of dist/ imports (static, dynamic, require and
 * `import('x')` types), read by TypeScript's own pre-processor: text in strings, comments and
 * template literals (a help text saying "comes from") is never taken for an import.
 */
function bareImports(distDir: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = [];
  for (const entry of readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|d\.ts)$/.test(entry.name)) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (path.includes(`${join(distDir, 'assets')}`)) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
      found.push({ file: relative(distDir, path), specifier });
    }
  }
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let failed = false;
  for (const dir of buildablePackages()) {
    const report = checkPackage(dir);
    const status = report.problems.length === 0 ? 'ok' : 'FAILED';
    console.log(`${report.name} (${relative(root, dir)}): ${report.files.length} files, ${status}`);
    for (const p of report.problems) console.log(`  - ${p}`);
    for (const n of report.notes) console.log(`  note: ${n}`);
    failed ||= report.problems.length > 0;
  }
  if (failed) process.exit(1);
}
