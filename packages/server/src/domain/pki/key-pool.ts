/**
 * A small pool of pre-generated key pairs, refilled in the background with
 * crypto.generateKeyPair (libuv threadpool) so that minting a certificate on
 * the request path does not pay for key generation.
 *
 * It never keeps the process alive:
 * - refills are started from unref'd setImmediate callbacks, so a process
 *   with nothing else to do exits without starting one;
 * - a generation already running in the threadpool cannot be unref'd (libuv
 *   work requests always hold the loop), so at most `concurrency` of them are
 *   in flight and each finished one schedules the next through an unref'd
 *   immediate instead of starting it directly. Exit can therefore be delayed
 *   by at most one key generation (~0.1 ms for P-256, typically 50-300 ms for
 *   RSA-2048) and never by a refill chain;
 * - no timers, no handles. close() is optional (it drops the keys and stops
 *   refilling).
 *
 * Pooled keys are also serialised (SPKI, PKCS#8 PEM, key id) in the refill
 * callback, so a pool hit costs the request path nothing but the signature.
 * Note that an async generation still costs the main thread ~50 us per P-256
 * key (job completion and KeyObject wrapping) plus ~30 us of serialisation:
 * the pool moves that work off the request path, it does not remove it.
 */
import {
  assertKeyType,
  encodeKeyPair,
  generateKeyPairAsyncOf,
  generateKeyPairSyncOf,
  type EncodedKeyPair,
  type KeyPairObjects,
} from './keys.js';
import { PkiError, type KeyType } from './types.js';

export interface KeyPoolOptions {
  keyType: KeyType;
  /** Key pairs to keep ready. 0 disables the pool: take() always generates synchronously. */
  size: number;
  /** Maximum background generations in flight (default 2). */
  concurrency?: number;
}

export interface KeyPoolStats {
  available: number;
  inFlight: number;
  /** take() calls served from the pool. */
  hits: number;
  /** take() calls that generated synchronously (pool empty, disabled or closed). */
  misses: number;
}

export const MAX_KEY_POOL_SIZE = 10_000;

export class KeyPool {
  readonly keyType: KeyType;
  readonly size: number;
  readonly concurrency: number;
  #keys: Array<{ pair: KeyPairObjects; encoded: EncodedKeyPair }> = [];
  #inFlight = 0;
  #immediate: NodeJS.Immediate | undefined;
  #closed = false;
  #waiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  #hits = 0;
  #misses = 0;

  constructor(opts: KeyPoolOptions) {
    assertKeyType(opts.keyType);
    if (!Number.isInteger(opts.size) || opts.size < 0 || opts.size > MAX_KEY_POOL_SIZE) {
      throw new PkiError('invalid_request', `key pool size must be an integer in [0, ${MAX_KEY_POOL_SIZE}]`);
    }
    const concurrency = opts.concurrency ?? 2;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new PkiError('invalid_request', 'key pool concurrency must be a positive integer');
    }
    this.keyType = opts.keyType;
    this.size = opts.size;
    this.concurrency = concurrency;
    this.#schedule();
  }

  /** A fresh key pair (never handed out twice). Synchronous; falls back to generateKeyPairSync when empty. */
  take(): KeyPairObjects {
    const entry = this.#keys.pop();
    this.#schedule();
    if (entry) {
      this.#hits++;
      return entry.pair;
    }
    this.#misses++;
    return generateKeyPairSyncOf(this.keyType);
  }

  /** Like take(), already serialised (what certificate minting needs). */
  takeEncoded(): EncodedKeyPair {
    const entry = this.#keys.pop();
    this.#schedule();
    if (entry) {
      this.#hits++;
      return entry.encoded;
    }
    this.#misses++;
    return encodeKeyPair(generateKeyPairSyncOf(this.keyType));
  }

  get stats(): KeyPoolStats {
    return { available: this.#keys.length, inFlight: this.#inFlight, hits: this.#hits, misses: this.#misses };
  }

  /**
   * Fills the pool now and resolves once it is full (or closed). Unlike the
   * background refill this keeps the process alive until done; meant for
   * warm-up at start-up, tests and benchmarks.
   */
  ready(): Promise<void> {
    if (this.#closed || this.#keys.length >= this.size) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      this.#start();
    });
  }

  /** Stops refilling and drops pooled keys. take() keeps working (synchronously). Idempotent. */
  close(): void {
    this.#closed = true;
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#immediate = undefined;
    this.#keys = [];
    this.#settle();
  }

  #deficit(): number {
    return this.size - this.#keys.length - this.#inFlight;
  }

  #schedule(): void {
    if (this.#closed || this.#immediate || this.#inFlight >= this.concurrency || this.#deficit() <= 0) return;
    this.#immediate = setImmediate(() => {
      this.#immediate = undefined;
      this.#start();
    });
    this.#immediate.unref();
  }

  #start(): void {
    while (!this.#closed && this.#inFlight < this.concurrency && this.#deficit() > 0) {
      this.#inFlight++;
      generateKeyPairAsyncOf(this.keyType, (err, pair) => this.#onGenerated(err, pair));
    }
  }

  #onGenerated(err: Error | null, pair: KeyPairObjects | undefined): void {
    this.#inFlight--;
    if (this.#closed) return;
    if (err || !pair) {
      // No automatic retry loop: the next take() schedules another attempt.
      this.#settle(err ?? new Error('key generation failed'));
      return;
    }
    this.#keys.push({ pair, encoded: encodeKeyPair(pair) });
    if (this.#keys.length >= this.size) this.#settle();
    // Someone awaits ready(): keep going (ref'd). Otherwise only via an unref'd immediate.
    if (this.#waiters.length > 0) this.#start();
    else this.#schedule();
  }

  #settle(err?: Error): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) {
      if (err) w.reject(err);
      else w.resolve();
    }
  }
}
