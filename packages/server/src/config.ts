import { parseArgs } from 'node:util';
import type { KeyType } from '@ucs-fleet/pki';

/** Everything the server can be told, with the embedded defaults `npm start` runs on. */
export interface ServerConfig {
  host: string;
  port: number;
  /** A directory for the SQLite database, or ':memory:' for a throwaway store. */
  dataDir: string;
  /** A postgres:// URL: the store is then this PostgreSQL database (dataDir is unused), which several replicas may share. */
  databaseUrl: string | undefined;
  seedPath: string | undefined;
  /** The address the federation endpoint listens on, and the host kubeconfigs name unless federationUrl says otherwise. */
  federationHost: string;
  /** The port of the one federation endpoint of every fleet; 0: any free port. */
  federationPort: number;
  /** The base URL kubeconfigs name for the endpoint (a load balancer's, a container's published address); default https://federationHost:port. */
  federationUrl: string | undefined;
  federationDelayMs: number;
  keyType: KeyType;
  /** Key pairs generated ahead; undefined: keyPoolSizeFor(keyType). */
  keyPoolSize: number | undefined;
  bodyLimitBytes: number;
  /** Connections the API listener holds at once; one more is answered 503 and closed. */
  maxConnections: number;
  fleetQuota: number;
  clusterQuota: number;
  region: string;
  logLevel: string;
  /** Serve the test controls (control-openapi.yaml) under /__control/. */
  control: boolean;
  /** The control API's token; undefined: a fresh one per start (printed in the banner). */
  controlToken: string | undefined;
}

export const defaultConfig: ServerConfig = {
  host: '127.0.0.1',
  port: 8080,
  dataDir: '.data',
  databaseUrl: undefined,
  seedPath: undefined,
  federationHost: '127.0.0.1',
  federationPort: 8443,
  federationUrl: undefined,
  federationDelayMs: 3000,
  keyType: 'ecdsa-p256',
  keyPoolSize: undefined,
  bodyLimitBytes: 64 * 1024,
  // Below the common limit of 1,024 open files, leaving room for the store and the federation endpoints.
  maxConnections: 900,
  fleetQuota: 50,
  clusterQuota: 50,
  region: 'cn-north-4',
  logLevel: 'info',
  control: false,
  controlToken: undefined,
};

/**
 * Each setting: its flag, its environment variable, how to read it, and what `--help` says of
 * it (`value` names the flag's argument, `help` says what it does).
 */
interface Setting {
  key: keyof ServerConfig;
  flag: string;
  env: string;
  value: string;
  help: string;
  parse: (v: string, name: string) => unknown;
  /** A flag that takes no value (`--control`); its environment variable says 1, true, 0 or false. */
  switch?: true;
}

const settings: readonly Setting[] = [
  {
    key: 'host',
    flag: 'host',
    env: 'HOST',
    value: 'address',
    help: 'address to listen on',
    parse: (v) => v,
  },
  {
    key: 'port',
    flag: 'port',
    env: 'PORT',
    value: 'port',
    help: 'port to listen on (0: any free port)',
    parse: (v, n) => integer(v, n, 0, 65535),
  },
  {
    key: 'dataDir',
    flag: 'data-dir',
    env: 'UCS_DATA_DIR',
    value: 'dir',
    help: 'directory of the SQLite database (mode 0700, file 0600); :memory: for a throwaway store',
    parse: (v) => v,
  },
  {
    key: 'databaseUrl',
    flag: 'database-url',
    env: 'UCS_DATABASE_URL',
    value: 'url',
    help: 'postgres:// URL: a PostgreSQL store that several replicas share, instead of --data-dir',
    parse: databaseUrl,
  },
  {
    key: 'seedPath',
    flag: 'seed',
    env: 'UCS_SEED',
    value: 'file',
    help: 'YAML or JSON seed file: tokens, access keys and fleets to preload',
    parse: (v) => v,
  },
  {
    key: 'federationHost',
    flag: 'federation-host',
    env: 'UCS_FEDERATION_HOST',
    value: 'host',
    help: 'address the federation endpoint listens on, and the host kubeconfigs name unless --federation-url says otherwise',
    parse: (v) => v,
  },
  {
    key: 'federationPort',
    flag: 'federation-port',
    env: 'UCS_FEDERATION_PORT',
    value: 'port',
    help: 'port of the one federation endpoint that serves every fleet (0: any free port)',
    parse: (v, n) => integer(v, n, 0, 65535),
  },
  {
    key: 'federationUrl',
    flag: 'federation-url',
    env: 'UCS_FEDERATION_URL',
    value: 'url',
    help: "base URL kubeconfigs name for the federation endpoint (https://host[:port], no path): a load balancer's or a container's published address",
    parse: federationUrl,
  },
  {
    key: 'federationDelayMs',
    flag: 'federation-delay-ms',
    env: 'UCS_FEDERATION_DELAY_MS',
    value: 'ms',
    help: 'how long enabling federation takes',
    parse: (v, n) => integer(v, n, 0, 3_600_000),
  },
  {
    key: 'keyType',
    flag: 'key-type',
    env: 'UCS_KEY_TYPE',
    value: 'type',
    help: 'key of issued certificates: ecdsa-p256 or rsa-2048',
    parse: keyType,
  },
  {
    key: 'keyPoolSize',
    flag: 'key-pool-size',
    env: 'UCS_KEY_POOL_SIZE',
    value: 'n',
    help: 'key pairs generated ahead, off the request path (0: none)',
    parse: (v, n) => integer(v, n, 0, 10_000),
  },
  {
    key: 'bodyLimitBytes',
    flag: 'body-limit',
    env: 'UCS_BODY_LIMIT',
    value: 'bytes',
    help: 'largest request body; a larger one is refused with 413 before parsing',
    parse: (v, n) => integer(v, n, 1024, 16 * 1024 * 1024),
  },
  {
    key: 'maxConnections',
    flag: 'max-connections',
    env: 'UCS_MAX_CONNECTIONS',
    value: 'n',
    help: 'connections held at once; one more is answered 503 at once and closed',
    parse: (v, n) => integer(v, n, 1, 1_000_000),
  },
  {
    key: 'fleetQuota',
    flag: 'fleet-quota',
    env: 'UCS_FLEET_QUOTA',
    value: 'n',
    help: 'fleets per account',
    parse: (v, n) => integer(v, n, 1, 100_000),
  },
  {
    key: 'clusterQuota',
    flag: 'cluster-quota',
    env: 'UCS_CLUSTER_QUOTA',
    value: 'n',
    help: 'registered clusters per account',
    parse: (v, n) => integer(v, n, 1, 100_000),
  },
  {
    key: 'region',
    flag: 'region',
    env: 'UCS_REGION',
    value: 'region',
    help: 'region named in federation connection endpoints',
    parse: (v) => v,
  },
  {
    key: 'logLevel',
    flag: 'log-level',
    env: 'UCS_LOG_LEVEL',
    value: 'level',
    help: 'pino log level: fatal, error, warn, info, debug, trace or silent',
    parse: logLevel,
  },
  {
    key: 'control',
    flag: 'control',
    env: 'UCS_CONTROL',
    value: '',
    help: 'serve the test controls (control-openapi.yaml) under /__control/, with their own token',
    parse: onOff,
    switch: true,
  },
  {
    key: 'controlToken',
    flag: 'control-token',
    env: 'UCS_CONTROL_TOKEN',
    value: 'token',
    help: 'the control API token (16-256 printable characters), with --control',
    parse: controlToken,
  },
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
    if (flagValue === true) config[s.key] = true;
    else if (typeof flagValue === 'string') config[s.key] = s.parse(flagValue, `--${s.flag}`);
    else if (envValue !== undefined && envValue !== '') config[s.key] = s.parse(envValue, s.env);
  }
  return config as unknown as ServerConfig;
}

/** The flags `--help` describes, one entry per setting. */
export function settingFlags(): string[] {
  return settings.map((s) => `--${s.flag}`);
}

/** `ucs-server --help`: every flag with what it does, its environment variable and its default. */
export function configHelp(): string {
  const options = settings.map((s) => [s.switch ? `--${s.flag}` : `--${s.flag} <${s.value}>`, `${s.help} [${s.env}; default: ${defaultText(s.key)}]`] as const);
  const all = [...options, ['--version', 'print the version and exit'] as const, ['-h, --help', 'print this help and exit'] as const];
  const width = Math.max(...all.map(([flag]) => flag.length)) + 2;
  return [
    'Usage: ucs-server [options]      (in the repository: npm start -- [options])',
    '',
    'The UCS reference server. A flag wins over its environment variable, which wins over the default.',
    '',
    'Options:',
    ...all.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
  ].join('\n');
}

function defaultText(key: keyof ServerConfig): string {
  if (key === 'keyPoolSize') return '0 for ecdsa-p256, 32 for rsa-2048';
  if (key === 'seedPath') return 'built-in';
  if (key === 'controlToken') return 'a fresh one per start';
  if (key === 'federationUrl') return 'https://<federation-host>:<federation-port>';
  return String(defaultConfig[key] ?? '(none)');
}

function parseFlags(argv: string[]): { values: Record<string, string | boolean | undefined> } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: Object.fromEntries([...settings.map((s) => [s.flag, { type: s.switch ? ('boolean' as const) : ('string' as const) }]), ['help', { type: 'boolean' as const }], ['version', { type: 'boolean' as const }]]),
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

/** An https:// origin: the fleet paths are appended to it, and its host goes into the serving certificate. */
function federationUrl(v: string, name: string): string {
  const invalid = new ConfigError(`${name} must be an https:// URL with a host and an optional port, and no path, not "${v}"`);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw invalid;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) throw invalid;
  return url.origin;
}

function keyType(v: string, name: string): KeyType {
  if (v !== 'ecdsa-p256' && v !== 'rsa-2048') throw new ConfigError(`${name} must be ecdsa-p256 or rsa-2048, not "${v}"`);
  return v;
}

function onOff(v: string, name: string): boolean {
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  throw new ConfigError(`${name} must be 1, true, 0 or false, not "${v}"`);
}

/** Never echoes the value: it is a secret. */
function controlToken(v: string, name: string): string {
  if (!/^[\x21-\x7e]{16,256}$/.test(v)) throw new ConfigError(`${name} must be 16 to 256 printable ASCII characters without spaces`);
  return v;
}

function logLevel(v: string, name: string): string {
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(v)) throw new ConfigError(`${name} must be one of ${levels.join(', ')}, not "${v}"`);
  return v;
}
