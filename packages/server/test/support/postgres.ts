/**
 * A throwaway PostgreSQL cluster for the tests: initdb into a temp directory, pg_ctl start on a
 * free loopback port with its unix socket in that directory, trust auth, stopped and removed at
 * the end. As root it runs the server binaries as the `postgres` user (PostgreSQL refuses root).
 * With UCS_TEST_DATABASE_URL set (a superuser URL of a server you run), it uses that instead.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { closedPort } from './http.js';

const run = promisify(execFile);

export interface TestPostgres {
  /** A fresh, empty database on the cluster; its postgres:// URL. */
  createDatabase(prefix?: string): Promise<string>;
  /**
   * Stops the database server, keeping its data (a throwaway cluster only): as if it went down.
   * `fast` (the default) aborts open transactions and closes connections cleanly; `immediate`
   * kills the server processes, as a crash would.
   */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port after halt(). */
  resume(): Promise<void>;
  /** Stops the cluster and removes its directory (or drops the databases made on an external server). */
  stop(): Promise<void>;
}

let databases = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const external = process.env.UCS_TEST_DATABASE_URL;
  return external ? externalServer(external) : startThrowawayCluster();
}

async function startThrowawayCluster(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const asUser = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'ucs-postgres-'));
  if (asUser) chownSync(dir, asUser.uid, asUser.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const pgCommand = (tool: string, args: string[]) =>
    asUser ? { file: 'runuser', args: ['-u', 'postgres', '--', join(bin, tool), ...args] } : { file: join(bin, tool), args };
  const exec = async (tool: string, args: string[]) => {
    const c = pgCommand(tool, args);
    await run(c.file, c.args, { timeout: 60_000, cwd: dir });
  };
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    const c = pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    if (existsSync(join(data, 'postmaster.pid'))) spawnSync(c.file, c.args, { stdio: 'ignore', timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that ends without its after() hook still stops its cluster.
  process.once('exit', stopNow);

  try {
    await exec('initdb', ['-D', data, '-U', 'ucs', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    let port = 0;
    // fsync off: these tests crash server replicas, never the database host.
    const start = () =>
      exec('pg_ctl', ['-D', data, '-l', log, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off`, '-w', '-t', '30', 'start']);
    for (let attempt = 1; ; attempt++) {
      port = await closedPort();
      try {
        await start();
        break;
      } catch (err) {
        // The free port may have been taken in between; try another.
        if (attempt >= 3) throw new Error(`PostgreSQL did not start: ${(err as Error).message}\n${readLog(log)}`);
      }
    }
    const url = (database: string) => `postgres://ucs@127.0.0.1:${port}/${database}`;
    return {
      createDatabase: async (prefix = 'ucs') => {
        const name = `${prefix}_${process.pid}_${++databases}`;
        await adminQuery(url('postgres'), `CREATE DATABASE "${name}"`);
        return url(name);
      },
      halt: (mode = 'fast') => exec('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
      resume: start,
      stop: async () => {
        process.removeListener('exit', stopNow);
        stopNow();
      },
    };
  } catch (err) {
    stopNow();
    throw err;
  }
}

async function externalServer(adminUrl: string): Promise<TestPostgres> {
  const made: string[] = [];
  return {
    createDatabase: async (prefix = 'ucs') => {
      const name = `${prefix}_${process.pid}_${++databases}`;
      await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
      made.push(name);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    halt: () => Promise.reject(new Error('halt() needs the throwaway cluster: unset UCS_TEST_DATABASE_URL')),
    resume: () => Promise.reject(new Error('resume() needs the throwaway cluster: unset UCS_TEST_DATABASE_URL')),
    stop: async () => {
      for (const name of made) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The newest installed PostgreSQL server binaries (Debian puts them off PATH). */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    if (initdb) return initdb.slice(0, initdb.lastIndexOf('/'));
  } catch {
    // not on PATH either
  }
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install -y postgresql, or set UCS_TEST_DATABASE_URL');
}

/** The `postgres` user when running as root, since PostgreSQL will not run as root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root, PostgreSQL needs the `postgres` user (apt-get install -y postgresql creates it)');
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}
