// Builds the publishable packages into their dist/ (.js and .d.ts), in workspace order so that
// each compiles against the dist/ types of the packages it depends on, as a user's install would.
// A package takes part when it has a tsconfig.build.json. Run with `npm run build`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

/** The workspaces that publish a build, in the root package.json's order (dependencies first). */
export function buildablePackages(): string[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return workspaces.map((w) => join(root, w)).filter((dir) => existsSync(join(dir, 'tsconfig.build.json')));
}

export function build(o: { quiet?: boolean } = {}): void {
  const log = o.quiet ? () => undefined : (line: string) => console.log(line);
  for (const dir of buildablePackages()) {
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
    log(`built ${relative(root, dir)}/dist`);
  }
  copyRedocBundle(join(root, 'packages/server/dist/assets'));
  log(`copied Redoc's standalone bundle to packages/server/dist/assets`);
}

/**
 * /docs renders the spec with Redoc's standalone bundle (MIT), served from the server itself.
 * The bundle and its notices come from @redocly/cli, the spec linter, so the published server
 * carries them in dist/assets/ without depending on Redoc and its React peers at run time.
 */
function copyRedocBundle(assets: string): void {
  const bundle = require.resolve('@redocly/cli/lib/chunks/redoc.standalone.js');
  const cliDir = dirname(require.resolve('@redocly/cli/package.json'));
  mkdirSync(assets, { recursive: true });
  copyFileSync(bundle, join(assets, 'redoc.standalone.js'));
  copyFileSync(join(cliDir, 'LICENSE'), join(assets, 'redoc.LICENSE'));
  copyFileSync(join(cliDir, 'THIRD_PARTY_NOTICES'), join(assets, 'redoc.THIRD_PARTY_NOTICES'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build();
