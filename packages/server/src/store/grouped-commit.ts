/**
 * Writes queued during two event-loop turns, committed together in the check phase of the turn
 * after (setImmediate, twice). The certificate mints of concurrent requests finish in one turn
 * (see packages/pki/src/speed/batch.ts), so their records arrive together; the second hop lets
 * the records of the next turn's mints join them, as that turn's mint batch runs before it. One
 * transaction for the group costs one commit instead of one per record: on disk, a commit's WAL
 * frames and locks are most of what the store adds to a kubeconfig. At 10 connections one hop
 * committed 4.8 records at a time and the on-disk server ran at 82-83% of :memory:; two hops
 * commit 9.8 (every request in flight) and ran at 94-100% (npm run bench, 5 rounds each). Each
 * write's promise settles only after its own record is committed, or has failed.
 */
export class GroupedCommit<T> {
  #queue: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];

  /**
   * @param writeAll writes every item in one transaction (all or nothing)
   * @param writeOne writes one item on its own
   */
  constructor(
    private readonly writeAll: (items: T[]) => Promise<void>,
    private readonly writeOne: (item: T) => Promise<void>,
  ) {}

  write(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => setImmediate(() => void this.#commit()));
    });
  }

  async #commit(): Promise<void> {
    const group = this.#queue;
    this.#queue = [];
    if (group.length > 1) {
      try {
        await this.writeAll(group.map((w) => w.item));
        for (const w of group) w.resolve();
        return;
      } catch {
        // The transaction rolled back, so none of the group is committed. Written one by one,
        // only the records that cannot be written (a duplicate serial, a full disk) fail.
      }
    }
    await Promise.all(group.map((w) => this.writeOne(w.item).then(w.resolve, w.reject)));
  }
}
