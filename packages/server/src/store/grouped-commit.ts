/**
 * Writes queued during one event-loop turn, committed together in the next turn's check phase
 * (setImmediate). The certificate mints of concurrent requests finish in one turn (see
 * packages/pki/src/speed/batch.ts), so their records arrive together: one transaction for the
 * group costs one commit instead of one per record. Each write's promise settles only after its
 * own record is committed, or has failed.
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
      if (this.#queue.length === 1) setImmediate(() => void this.#commit());
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
