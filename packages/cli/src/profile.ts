import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { LocalFileError, UsageError } from './errors.js';
import { octalMode, readableByOthers } from './file-mode.js';

/** One named profile of the profile file: the same settings as the flags. */
export interface Profile {
  endpoint?: string;
  token?: string;
  accessKey?: string;
  secretKey?: string;
  domainId?: string;
}

export interface ProfileFile {
  path: string;
  /** The profile used when neither --profile nor UCS_PROFILE names one. */
  currentProfile?: string;
  profiles: Record<string, Profile>;
  /** Set when the file holds a secret and group or others may read it. */
  permissionWarning?: string;
}

/** The keys of a profile, spelled like the flags. */
const profileKeys: Record<string, keyof Profile> = {
  endpoint: 'endpoint',
  token: 'token',
  'access-key': 'accessKey',
  'secret-key': 'secretKey',
  'domain-id': 'domainId',
};

/** `$UCS_CONFIG` (relative to `cwd`), else `$XDG_CONFIG_HOME/ucs/config.yaml`, else `~/.config/ucs/config.yaml`. */
export function profileFilePath(env: Record<string, string | undefined>, home: string, cwd = process.cwd()): string {
  if (env.UCS_CONFIG) return resolve(cwd, env.UCS_CONFIG);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'ucs', 'config.yaml');
}

/** The profile file, or undefined when there is none. A file that cannot be read or parsed is an error. */
export function loadProfileFile(path: string): ProfileFile | undefined {
  let text: string;
  let mode: { mode: number };
  try {
    text = readFileSync(path, 'utf8');
    mode = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new LocalFileError(`cannot read the profile file ${path} (${code ?? (err as Error).message})`);
  }
  const file = parseProfileText(text, path);
  if (holdsSecret(file) && readableByOthers(mode)) {
    file.permissionWarning = `the profile file ${path} holds secrets and is readable by group/others (mode ${octalMode(mode)}); run: chmod 600 ${path}`;
  }
  return file;
}

export function parseProfileText(text: string, path: string): ProfileFile {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new LocalFileError(`cannot parse the profile file ${path}: ${doc.errors[0]!.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS() ?? {};
  const root = mapping(data, path, 'the file');
  const file: ProfileFile = { path, profiles: {} };
  for (const key of Object.keys(root)) {
    if (key !== 'profiles' && key !== 'current-profile') throw invalid(path, `unknown key "${key}" (expected current-profile and profiles)`);
  }
  if (root['current-profile'] !== undefined && root['current-profile'] !== null) {
    if (typeof root['current-profile'] !== 'string') throw invalid(path, 'current-profile must be a profile name');
    file.currentProfile = root['current-profile'];
  }
  const profiles = root.profiles === undefined || root.profiles === null ? {} : mapping(root.profiles, path, 'profiles');
  for (const [name, value] of Object.entries(profiles)) {
    file.profiles[name] = profileEntry(value, path, name);
  }
  return file;
}

/** The profile to use and its name: --profile, then UCS_PROFILE, then current-profile, then "default". */
export function selectProfile(
  file: ProfileFile | undefined,
  requested: { name: string; source: string } | undefined,
  path: string,
): { name: string; profile: Profile } | undefined {
  if (requested) {
    if (!file) throw new UsageError(`${requested.source} names profile "${requested.name}", but there is no profile file at ${path}`);
    const profile = file.profiles[requested.name];
    if (!profile) throw new UsageError(`${requested.source} names profile "${requested.name}", which ${path} does not have`, [available(file)]);
    return { name: requested.name, profile };
  }
  if (!file) return undefined;
  if (file.currentProfile) {
    const profile = file.profiles[file.currentProfile];
    if (!profile) throw new UsageError(`current-profile in ${path} names profile "${file.currentProfile}", which the file does not have`, [available(file)]);
    return { name: file.currentProfile, profile };
  }
  const fallback = file.profiles.default;
  return fallback ? { name: 'default', profile: fallback } : undefined;
}

function profileEntry(value: unknown, path: string, name: string): Profile {
  const entry = mapping(value, path, `profile "${name}"`);
  const profile: Profile = {};
  for (const [key, v] of Object.entries(entry)) {
    const field = profileKeys[key];
    if (!field) throw invalid(path, `profile "${name}" has an unknown key "${key}" (known: ${Object.keys(profileKeys).join(', ')})`);
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string' || v === '') throw invalid(path, `profile "${name}": ${key} must be a non-empty string`);
    profile[field] = v;
  }
  return profile;
}

function holdsSecret(file: ProfileFile): boolean {
  return Object.values(file.profiles).some((p) => p.token !== undefined || p.secretKey !== undefined);
}

function mapping(v: unknown, path: string, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(path, `${what} must be a mapping`);
  return v as Record<string, unknown>;
}

function invalid(path: string, message: string): UsageError {
  return new UsageError(`invalid profile file ${path}: ${message}`);
}

function available(file: ProfileFile): string {
  const names = Object.keys(file.profiles);
  return names.length > 0 ? `profiles in the file: ${names.join(', ')}` : 'the file has no profiles';
}
