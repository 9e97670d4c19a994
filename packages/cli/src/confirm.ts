import type { Context } from './context.js';
import { UsageError } from './errors.js';

export interface Confirmation {
  /** What is about to happen, e.g. "delete fleet demo". */
  action: string;
  /** What it costs, said before asking. */
  consequence?: string;
}

/**
 * Asks before a command that destroys something, unless `--yes` was given. Without a terminal
 * there is no one to ask, so the command is refused: a script says --yes, it is never assumed.
 * Returns when confirmed; throws a UsageError (exit 2, nothing done) otherwise.
 */
export async function confirm(ctx: Context, yes: boolean | undefined, c: Confirmation): Promise<void> {
  if (yes) return;
  const stdin = ctx.io.stdin;
  if (!stdin?.isTTY) throw new UsageError(`refusing to ${c.action} without confirmation: there is no terminal to ask; add --yes to go ahead`);
  const question = `${c.action[0]!.toUpperCase()}${c.action.slice(1)}?${c.consequence ? ` ${c.consequence}` : ''} [y/N] `;
  const answer = await stdin.question(question);
  if (!/^(y|yes)$/i.test((answer ?? '').trim())) throw new UsageError(`not confirmed: did not ${c.action}`);
}
