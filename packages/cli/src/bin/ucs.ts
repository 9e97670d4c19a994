#!/usr/bin/env node
import { ExitCode } from '../exit-codes.js';
import { processIo } from '../io.js';
import { run } from '../run.js';

// `ucs ... | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(ExitCode.ok);
  throw err;
});

// Ctrl-C: a --wait loop stops at once and says the job goes on at UCS; anything else ends
// shortly after (a merge in progress leaves the old file or the new one, never half of one).
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  setTimeout(() => process.exit(ExitCode.interrupted), 500).unref();
});

process.exitCode = await run(process.argv.slice(2), processIo(interrupt.signal));
