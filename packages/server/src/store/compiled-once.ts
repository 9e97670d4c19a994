import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

/** Stands, while the query compiles, for the argument at `index`. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query Kysely builds and compiles once; each call runs the same SQL with its own arguments in
 * the places of the parameters. Kysely has no prepared-query API, and building and compiling a
 * query costs about as much as running it on SQLite: on the path of every kubeconfig (one read,
 * one insert) that showed in `npm run bench`. `build` must use each argument as a value only.
 */
export function compiledOnce<Db, Args extends unknown[], Row>(db: Kysely<Db>, build: (...args: Args) => Compilable<Row>): CompiledOnce<Db, Args, Row> {
  let compiled: CompiledQuery<Row> | undefined;
  const withArgs = (args: Args): CompiledQuery<Row> => {
    compiled ??= build(...(args.map((_, i) => new Slot(i)) as Args)).compile();
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    return { ...compiled, parameters };
  };
  return Object.assign((...args: Args) => db.executeQuery<Row>(withArgs(args)), {
    within: (executor: Kysely<Db>, ...args: Args) => executor.executeQuery<Row>(withArgs(args)),
    compiled: (...args: Args) => withArgs(args),
  });
}

/** Runs on the store's database; `within` runs on another executor of it (a transaction's connection); `compiled` is the query to run elsewhere. */
export type CompiledOnce<Db, Args extends unknown[], Row> = ((...args: Args) => Promise<QueryResult<Row>>) & {
  within(executor: Kysely<Db>, ...args: Args): Promise<QueryResult<Row>>;
  compiled(...args: Args): CompiledQuery<Row>;
};
