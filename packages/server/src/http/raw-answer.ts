import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { UcsErrorCode } from '@ucs-fleet/types';

/** An answer written straight to a socket: when there is no request for Express to answer. */
export interface RawAnswer {
  status: number;
  code: UcsErrorCode;
  message: string;
}

/**
 * The whole HTTP/1.1 response, UCS body and X-Request-Id included, as the other answers have
 * them (openapi.yaml, x-ucs-connection-answers). Always `Connection: close`: after a refusal
 * the parser cannot tell where a next request would start.
 */
export function rawAnswerBytes(answer: RawAnswer, requestId: string = randomUUID()): string {
  const body = JSON.stringify({ error_code: answer.code, error_msg: answer.message });
  return [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** How long a refused client may keep sending before the socket is destroyed. */
const LINGER_MS = 2000;
/** Node's parser reports the same error again for every chunk that follows the first: one answer each. */
const answered = new WeakSet<Socket>();

/**
 * Writes the answer and half-closes, then reads and drops what the client still sends for a
 * moment: destroying a socket with unread input makes the kernel send a reset, and the client
 * may lose the answer with it.
 */
export function answerAndClose(socket: Socket, answer: RawAnswer, requestId?: string): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  socket.on('error', () => {});
  if (socket.writable) socket.end(rawAnswerBytes(answer, requestId));
  lingerThenDestroy(socket);
}

/**
 * For an answer Express sends while the client is still sending a body it will not read (a
 * body over the limit): Node ends such a connection with `destroySoon`, which destroys it as
 * soon as the answer is written, and the reset can reach the client before it read the answer.
 * This socket lingers instead, like the answers above (nginx's lingering close does the same).
 */
export function lingerAfterAnswer(socket: Socket): void {
  (socket as Socket & { destroySoon: () => void }).destroySoon = () => {
    socket.on('error', () => {});
    socket.end();
    lingerThenDestroy(socket);
  };
}

function lingerThenDestroy(socket: Socket): void {
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
}
