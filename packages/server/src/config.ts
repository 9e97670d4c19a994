import { parseArgs } from 'node:util';
import type { KeyType } from './domain/pki/index.js';

/** Everything the server can be told, with the embedded defaults `npm start` runs on. */
export interface ServerConfig {
  host: string;
  port: number;
  /** A directory for the SQLite database, or ':memory:' for a throwaway store. */
  dataDir: string;
  /** A postgres:// URL: the store is then this PostgreSQL database (dataDir is unused), which several replicas may share. */
  databaseUrl: string | undefined;
  seedPath: string | undefined;
  federationHost: string;
  federationDelayMs: number;
  keyType: KeyType;
  /** Key pairs generated ahead; undefined: keyPoolSizeFor(keyType). */
  keyPoolSize: number | undefined;
  bodyLimitBytes: number;
  fleetQuota: number;
  region: string;
  logLevel: string;
}

export const defaultConfig: ServerConfig = {
  host: '127.0.0.1',
  port: 8080,
  dataDir: '.data',
  databaseUrl: undefined,
  seedPath: undefined,
  federationHost: '127.0.0.1',
  federationDelayMs: 3000,
  keyType: 'ecdsa-p256',
  keyPoolSize: undefined,
  bodyLimitBytes: 64 * 1024,
  fleetQuota: 50,
  region: 'cn-north-4',
  logLevel: 'info',
};

/** Each setting: its flag, its environment variable, and how to read it. */
const settings: { key: keyof ServerConfig; flag: string; env: string; parse: (v: string, name: string) => unknown }[] = [
  { key: 'host', flag: 'host', env: 'HOST', parse: (v) => v },
  { key: 'port', flag: 'port', env: 'PORT', parse: (v, n) => integer(v, n, 0, 65535) },
  { key: 'dataDir', flag: 'data-dir', env: 'UCS_DATA_DIR', parse: (v) => v },
  { key: 'databaseUrl', flag: 'database-url', env: 'UCS_DATABASE_URL', parse: databaseUrl },
  { key: 'seedPath', flag: 'seed', env: 'UCS_SEED', parse: (v) => v },
  { key: 'federationHost', flag: 'federation-host', env: 'UCS_FEDERATION_HOST', parse: (v) => v },
  { key: 'federationDelayMs', flag: 'federation-delay-ms', env: 'UCS_FEDERATION_DELAY_MS', parse: (v, n) => integer(v, n, 0, 3_600_000) },
  { key: 'keyType', flag: 'key-type', env: 'UCS_KEY_TYPE', parse: keyType },
  { key: 'keyPoolSize', flag: 'key-pool-size', env: 'UCS_KEY_POOL_SIZE', parse: (v, n) => integer(v, n, 0, 10_000) },
  { key: 'bodyLimitBytes', flag: 'body-limit', env: 'UCS_BODY_LIMIT', parse: (v, n) => integer(v, n, 1024, 16 * 1024 * 1024) },
  { key: 'fleetQuota', flag: 'fleet-quota', env: 'UCS_FLEET_QUOTA', parse: (v, n) => integer(v, n, 1, 100_000) },
  { key: 'region', flag: 'region', env: 'UCS_REGION', parse: (v) => v },
  { key: 'logLevel', flag: 'log-level', env: 'UCS_LOG_LEVEL', parse: logLevel },
];

/**
 * A P-256 key costs ~15 us to generate on the request path, less than handing
 * it over from a background generation, so only RSA (50-300 ms a key) is pooled.
 */
export function keyPoolSizeFor(config: Pick<ServerConfig, 'keyType' | 'keyPoolSize'>): number {
  return config.keyPoolSize ?? (config.keyType === 'rsa-2048' ? 32 : 0);
}

export class ConfigError extends Error {}

/** Flags win over environment variables, which win over the defaults. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseFlags(argv);
  const config: Record<string, unknown> = { ...defaultConfig };
  for (const s of settings) {
    const flagValue = values[s.flag];
    const envValue = env[s.env];
    if (typeof flagValue === 'string') config[s.key] = s.parse(flagValue, `--${s.flag}`);
    else if (envValue !== undefined && envValue !== '') config[s.key] = s.parse(envValue, s.env);
  }
  return config as unknown as ServerConfig;
}

export function configHelp(): string {
  const rows = settings.map((s) => `  --${s.flag.padEnd(22)} ${s.env.padEnd(24)} default: ${defaultText(s.key)}`);
  return ['Usage: ucs-server [options]', '', '  flag                     environment variable', ...rows].join('\n');
}

function defaultText(key: keyof ServerConfig): string {
  if (key === 'keyPoolSize') return '0 for ecdsa-p256, 32 for rsa-2048';
  return String(defaultConfig[key] ?? '(none)');
}

function parseFlags(argv: string[]): { values: Record<string, string | boolean | undefined> } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: Object.fromEntries([...settings.map((s) => [s.flag, { type: 'string' as const }]), ['help', { type: 'boolean' as const }]]),
      strict: true,
    });
    return { values: parsed.values as Record<string, string | boolean | undefined> };
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

function integer(v: string, name: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${v}"`);
  return n;
}

/** Never echoes the value: a database URL may carry a password. */
function databaseUrl(v: string, name: string): string {
  const invalid = new ConfigError(`${name} must be a postgres:// or postgresql:// URL`);
  if (!/^postgres(ql)?:\/\//.test(v)) throw invalid;
  try {
    new URL(v);
  } catch {
    throw invalid;
  }
  return v;
}

function keyType(v: string, name: string): KeyType {
  if (v !== 'ecdsa-p256' && v !== 'rsa-2048') throw new ConfigError(`${name} must be ecdsa-p256 or rsa-2048, not "${v}"`);
  return v;
}

function logLevel(v: string, name: string): string {
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(v)) throw new ConfigError(`${name} must be one of ${levels.join(', ')}, not "${v}"`);
  return v;
}
