import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { answerAndClose } from './raw-answer.js';

/**
 * Holds at most `max` connections; one more is answered 503 with the UCS body at once and
 * closed. Written here because Node's own `server.maxConnections` drops such a connection
 * without a word (the client sees a reset), which a client cannot tell from a crash.
 *
 * The HTTP server starts its parser in its own 'connection' listener; this takes that listener
 * over and calls it only for the connections it admits.
 */
export function capConnections(server: Server, max: number, logger: Logger): void {
  const startHttp = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  let open = 0;
  server.on('connection', (socket: Socket) => {
    if (open >= max) {
      const requestId = randomUUID();
      logger.warn({ requestId, open, max }, 'connection refused: too many connections');
      answerAndClose(socket, { status: 503, code: 'UCS.00000006', message: `Server internal error: too many connections (${max}); retry later` }, requestId);
      return;
    }
    open++;
    socket.once('close', () => open--);
    for (const start of startHttp) start.call(server, socket);
  });
}
