/** The time source of the domain; tests and stubs move it to reach certificate expiry. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that runs with the system clock, shifted by an offset that can be advanced. */
export class OffsetClock implements Clock {
  #offsetMs = 0;
  now(): number {
    return Date.now() + this.#offsetMs;
  }
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
  /** How far this clock is from the system clock, in ms. */
  get offsetMs(): number {
    return this.#offsetMs;
  }
}
