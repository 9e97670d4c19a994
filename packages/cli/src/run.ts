import { CommanderError } from 'commander';
import { createContext } from './context.js';
import { reportError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';

/**
 * Runs `ucs` with the given arguments (without the node and script paths) and returns the exit
 * code. Never calls process.exit and never throws: user errors are printed without a stack trace.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(createContext(io));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has printed its message (or the help / version) already.
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? ExitCode.ok : ExitCode.usage;
    }
    const report = reportError(err, Boolean(io.env.UCS_DEBUG));
    io.stderr.write(`ucs: error: ${report.lines.join('\n')}\n`);
    return report.exitCode;
  }
}
