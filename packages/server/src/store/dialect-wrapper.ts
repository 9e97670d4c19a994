import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import { StoreError } from './store-error.js';

/** Runs one call to the database driver (a query, taking a connection, BEGIN/COMMIT/ROLLBACK). */
export type DriverCall = <T>(call: () => Promise<T>) => Promise<T>;

/**
 * The dialect with every call into its driver made through `around`: how an engine turns driver
 * failures into StoreErrors (and, on SQLite, waits out a busy database) in one place.
 */
export function wrappingDriverCalls(dialect: Dialect, around: DriverCall): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new WrappedDriver(dialect.createDriver(), around),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

/** Whatever the driver threw, as a StoreError (500 UCS.00000005); the original is its cause. */
export const asStoreError: DriverCall = async (call) => {
  try {
    return await call();
  } catch (err) {
    throw err instanceof StoreError ? err : new StoreError(err);
  }
};

class WrappedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly around: DriverCall,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.around(() => this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const innerOf = (connection: DatabaseConnection): DatabaseConnection => (connection as WrappedConnection).inner;

class WrappedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly around: DriverCall,
  ) {}

  init(): Promise<void> {
    return this.around(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new WrappedConnection(await this.around(() => this.inner.acquireConnection()), this.around);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.around(() => this.inner.beginTransaction(innerOf(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.around(() => this.inner.commitTransaction(innerOf(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.around(() => this.inner.rollbackTransaction(innerOf(connection)));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
