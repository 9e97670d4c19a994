/**
 * A small pool of pre-generated key pairs, refilled in the background with
 * crypto.generateKeyPair (libuv threadpool) so that minting a certificate on
 * the request path does not pay for key generation.
 *
 * It never keeps the process alive:
 * - every refill round is started from an unref'd timer (setTimeout 0, i.e.
 *   ~1 ms). libuv decides whether to exit at the end of each loop iteration,
 *   before timers run again, so a process with nothing else to do exits
 *   without starting another round. (An unref'd setImmediate is not enough:
 *   it runs in the same iteration as the completion that scheduled it, so
 *   the refill would chain until the pool is full - measured ~80 ms for 64
 *   P-256 keys.)
 * - a generation already running in the threadpool cannot be unref'd (libuv
 *   work requests always hold the loop), so exit can be delayed by the
 *   generations of at most one round of `concurrency` keys: ~1 ms for 8
 *   P-256 keys, one RSA-2048 generation (typically 50-500 ms) for RSA;
 * - no other handles. close() is optional (it drops the keys and stops
 *   refilling).
 * The price is a refill rate of at most `concurrency` keys per millisecond
 * (a round every ~1 ms while the process is busy).
 *
 * Pooled keys are kept serialised (SPKI, PKCS#8 PEM, key id), so a pool hit
 * costs the request path nothing but the signature. Note that an async
 * generation still costs the main thread ~70 us per P-256 key (job
 * completion and JWK serialisation run on the main thread): the pool moves
 * that work off the request path, it does not remove it.
 */
import { assertKeyType, generateKey, generateOnThreadpool, type EncodedKeyPair } from '../keys.js';
import { PkiError, type KeyType } from '../types.js';

export interface KeyPoolOptions {
  keyType: KeyType;
  /** Key pairs to keep ready. 0 disables the pool: take() always generates a key on demand. */
  size: number;
  /**
   * Background generations per refill round, all in flight at once
   * (default 8 for ecdsa-p256, 2 for rsa-2048). Bounds the refill rate
   * (~concurrency keys/ms) and the exit delay (one round).
   */
  concurrency?: number;
}

export interface KeyPoolStats {
  available: number;
  inFlight: number;
  /** take() calls served from the pool. */
  hits: number;
  /** take() calls that found the pool empty (or closed) and generated a key on demand. */
  misses: number;
}

export const MAX_KEY_POOL_SIZE = 10_000;

export class KeyPool {
  readonly keyType: KeyType;
  readonly size: number;
  readonly concurrency: number;
  #keys: EncodedKeyPair[] = [];
  #inFlight = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #waiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  #hits = 0;
  #misses = 0;

  constructor(opts: KeyPoolOptions) {
    assertKeyType(opts.keyType);
    if (!Number.isInteger(opts.size) || opts.size < 0 || opts.size > MAX_KEY_POOL_SIZE) {
      throw new PkiError('invalid_request', `key pool size must be an integer in [0, ${MAX_KEY_POOL_SIZE}]`);
    }
    const concurrency = opts.concurrency ?? (opts.keyType === 'ecdsa-p256' ? 8 : 2);
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new PkiError('invalid_request', 'key pool concurrency must be a positive integer');
    }
    this.keyType = opts.keyType;
    this.size = opts.size;
    this.concurrency = concurrency;
    this.#schedule();
  }

  /**
   * A fresh key pair, never handed out twice. An empty pool does not block the event loop: the
   * key is then generated as generateKey does (an RSA-2048 key on the threadpool, 50-500 ms).
   */
  take(): Promise<EncodedKeyPair> {
    const key = this.#keys.pop();
    this.#schedule();
    if (key) {
      this.#hits++;
      return Promise.resolve(key);
    }
    this.#misses++;
    return generateKey(this.keyType);
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

  /** Stops refilling and drops pooled keys. take() keeps working (on demand). Idempotent. */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#keys = [];
    this.#settle();
  }

  #deficit(): number {
    return this.size - this.#keys.length - this.#inFlight;
  }

  /** Schedules the next refill round (unless one is scheduled or running). */
  #schedule(): void {
    if (this.#closed || this.#timer || this.#inFlight > 0 || this.#deficit() <= 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#start();
    }, 0);
    this.#timer.unref();
  }

  #start(): void {
    while (!this.#closed && this.#inFlight < this.concurrency && this.#deficit() > 0) {
      this.#inFlight++;
      generateOnThreadpool(this.keyType).then(
        (key) => this.#onGenerated(null, key),
        (err: Error) => this.#onGenerated(err, undefined),
      );
    }
  }

  #onGenerated(err: Error | null, key: EncodedKeyPair | undefined): void {
    this.#inFlight--;
    if (this.#closed) return;
    if (err || !key) {
      // No automatic retry loop: the next take() schedules another attempt.
      this.#settle(err ?? new Error('key generation failed'));
      return;
    }
    this.#keys.push(key);
    if (this.#keys.length >= this.size) this.#settle();
    // Someone awaits ready(): keep going (ref'd). Otherwise next round via an unref'd timer.
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
