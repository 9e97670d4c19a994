import { UsageError } from './errors.js';
import { loadProfileFile, profileFilePath, selectProfile, type Profile } from './profile.js';

/** The global flags, as commander gives them. */
export interface GlobalFlags {
  endpoint?: string;
  token?: string;
  accessKey?: string;
  secretKey?: string;
  domainId?: string;
  profile?: string;
}

/** A setting's value and where it came from ("--token", "UCS_TOKEN", "profile dev (~/.config/ucs/config.yaml)"). */
export interface Sourced {
  value: string;
  source: string;
}

export interface Settings {
  endpoint: Sourced;
  domainId?: Sourced;
  token?: Sourced;
  accessKey?: Sourced;
  secretKey?: Sourced;
  /** The profile that was read, if any. */
  profile?: { name: string; path: string };
  /** Things to tell the user on stderr (insecure file modes, secrets on the command line). */
  warnings: string[];
}

type Field = keyof Profile;

/** One place settings come from, in precedence order: flags, environment, profile. */
interface Layer {
  get(field: Field): Sourced | undefined;
}

const flagNames: Record<Field, string> = {
  endpoint: '--endpoint',
  token: '--token',
  accessKey: '--access-key',
  secretKey: '--secret-key',
  domainId: '--domain-id',
};

export const envNames: Record<Field, string> = {
  endpoint: 'UCS_ENDPOINT',
  token: 'UCS_TOKEN',
  accessKey: 'UCS_ACCESS_KEY',
  secretKey: 'UCS_SECRET_KEY',
  domainId: 'UCS_DOMAIN_ID',
};

/**
 * Resolves endpoint, credentials and domain id. Each setting comes from the first place that
 * has it: flag, then environment variable, then profile. The credential is taken as a whole from
 * the first place that names one (a token or an access key), so a token from one place is never
 * mixed with an access key from another; the secret key goes with the access key, from the
 * first place that has a secret key.
 */
export function resolveSettings(flags: GlobalFlags, env: Record<string, string | undefined>, home: string, cwd = process.cwd()): Settings {
  const warnings: string[] = [];
  const path = profileFilePath(env, home, cwd);
  const file = loadProfileFile(path);
  if (file?.permissionWarning) warnings.push(file.permissionWarning);
  const requested = nonEmpty(flags.profile)
    ? { name: flags.profile!, source: '--profile' }
    : nonEmpty(env.UCS_PROFILE)
      ? { name: env.UCS_PROFILE!, source: 'UCS_PROFILE' }
      : undefined;
  const selected = selectProfile(file, requested, path);

  const layers: Layer[] = [
    { get: (f) => sourced(flags[f], flagNames[f]) },
    { get: (f) => sourced(env[envNames[f]], envNames[f]) },
    { get: (f) => sourced(selected?.profile[f], `profile "${selected?.name}" (${path})`) },
  ];
  const first = (field: Field) => layers.map((l) => l.get(field)).find((v) => v !== undefined);

  const endpoint = first('endpoint');
  if (!endpoint) {
    throw new UsageError('no UCS endpoint: give --endpoint URL, set UCS_ENDPOINT, or add endpoint to a profile', [`profile file: ${path}`]);
  }
  checkEndpoint(endpoint);

  const credentialLayer = layers.find((l) => l.get('token') || l.get('accessKey'));
  if (!credentialLayer) {
    throw new UsageError('no credentials: give --token, or --access-key and --secret-key', [
      'or set UCS_TOKEN, or UCS_ACCESS_KEY and UCS_SECRET_KEY',
      `or add token, or access-key and secret-key, to a profile in ${path}`,
    ]);
  }
  const settings: Settings = { endpoint, warnings };
  const token = credentialLayer.get('token');
  const accessKey = credentialLayer.get('accessKey');
  if (token) settings.token = token;
  if (accessKey) {
    const secretKey = credentialLayer.get('secretKey') ?? first('secretKey');
    if (!secretKey) throw new UsageError(`${accessKey.source} gives an access key but no secret key goes with it: set UCS_SECRET_KEY or secret-key in a profile`);
    settings.accessKey = accessKey;
    settings.secretKey = secretKey;
  }
  const domainId = first('domainId');
  if (domainId) settings.domainId = domainId;
  if (selected) settings.profile = { name: selected.name, path };

  for (const field of ['token', 'secretKey'] as const) {
    if (settings[field]?.source === flagNames[field]) {
      warnings.push(`${flagNames[field]} on the command line is visible to other local users (ps, shell history); prefer ${envNames[field]} or a profile`);
    }
  }
  return settings;
}

/** "abcd…wxyz (32 chars)": enough to tell credentials apart, never the secret itself. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return `****** (${secret.length} chars)`;
  return `${secret.slice(0, 2)}****${secret.slice(-2)} (${secret.length} chars)`;
}

function checkEndpoint(endpoint: Sourced): void {
  let url: URL;
  try {
    url = new URL(endpoint.value);
  } catch {
    throw new UsageError(`${endpoint.source}: "${endpoint.value}" is not a URL (example: https://ucs.myhuaweicloud.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${endpoint.source}: the endpoint must be an http:// or https:// URL, not "${endpoint.value}"`);
  }
}

function sourced(value: string | undefined, source: string): Sourced | undefined {
  return nonEmpty(value) ? { value: value!, source } : undefined;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}
