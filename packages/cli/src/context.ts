import type { UcsClient } from '@ucs-fleet/client';
import type { Command } from 'commander';
import { clientFor } from './api.js';
import { resolveSettings, type GlobalFlags, type Settings } from './credentials.js';
import type { Io } from './io.js';

/** What every command gets: the streams and, on first use, the settings and the API client. */
export interface Context {
  io: Io;
  settings(command: Command): Settings;
  client(command: Command): UcsClient;
  /** A line on stderr (progress notes, warnings); never a secret. */
  note(line: string): void;
}

export function createContext(io: Io): Context {
  let settings: Settings | undefined;
  const context: Context = {
    io,
    settings(command) {
      if (!settings) {
        settings = resolveSettings(command.optsWithGlobals<GlobalFlags>(), io.env, io.home, io.cwd);
        for (const warning of settings.warnings) context.note(`warning: ${warning}`);
      }
      return settings;
    },
    client(command) {
      return clientFor(context.settings(command));
    },
    note(line) {
      io.stderr.write(`${line}\n`);
    },
  };
  return context;
}
