import type { Socket } from 'node:net';

/** The open connections that made requests for each fleet, so that a disable can cut them at once. */
export class FleetConnections {
  readonly #byFleet = new Map<string, Set<Socket>>();
  readonly #fleetsOf = new WeakMap<Socket, Set<string>>();

  add(fleetId: string, socket: Socket): void {
    let fleets = this.#fleetsOf.get(socket);
    if (!fleets) {
      fleets = new Set();
      this.#fleetsOf.set(socket, fleets);
      socket.once('close', () => this.#remove(socket));
    }
    if (fleets.has(fleetId)) return;
    fleets.add(fleetId);
    let sockets = this.#byFleet.get(fleetId);
    if (!sockets) this.#byFleet.set(fleetId, (sockets = new Set()));
    sockets.add(socket);
  }

  /** Destroys every connection that made a request for the fleet; how many there were. */
  cut(fleetId: string): number {
    const sockets = [...(this.#byFleet.get(fleetId) ?? [])];
    for (const socket of sockets) socket.destroy();
    return sockets.length;
  }

  #remove(socket: Socket): void {
    for (const fleetId of this.#fleetsOf.get(socket) ?? []) {
      const sockets = this.#byFleet.get(fleetId);
      sockets?.delete(socket);
      if (sockets?.size === 0) this.#byFleet.delete(fleetId);
    }
  }
}
