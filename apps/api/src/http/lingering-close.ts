import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface LingerLimits {
  /** Longest a connection stays open, reading, after its closing response. */
  readonly maxMs: number;
  /** Most request bytes read and thrown away after the closing response. */
  readonly maxBytes: number;
}

/**
 * Room for a client to finish sending a body somewhat over the largest BODY_LIMIT_BYTES (10 MiB)
 * on a slow link, while a client that never stops still costs no more than this.
 */
export const DEFAULT_LINGER_LIMITS: LingerLimits = { maxMs: 10_000, maxBytes: 16 * 1024 * 1024 };

/** How often the byte limit is checked: reading goes on inside Node's HTTP parser, unobserved. */
const CHECK_EVERY_MS = 100;

/**
 * Answering before the request body has fully arrived (a 413 goes out as soon as the body is known
 * to be too large) must not cost the client its answer. Node's HTTP server destroys the socket as
 * soon as a `Connection: close` response is flushed, and closing a socket while request bytes sit
 * unread in its receive buffer, or keep arriving, makes the kernel send a TCP RST instead of a
 * FIN. A client still uploading then gets EPIPE or ECONNRESET, and one that reads only after
 * writing everything (Python's http.client, requests) never sees the 413 at all.
 *
 * So such a response closes the connection the way RFC 9112 section 9.6 describes: the response,
 * then a FIN, then the server keeps reading and discarding what the client still sends, and closes
 * once the client has closed its side, or after `limits`, whichever comes first.
 */
export function registerLingeringClose(
  app: FastifyInstance,
  limits: LingerLimits = DEFAULT_LINGER_LIMITS,
): void {
  /** Sockets whose last response has been decided: from here on they only drain. */
  const closing = new Set<Socket>();
  /** Sockets whose last response has gone out and that now read until the client closes. */
  const lingering = new Set<Socket>();
  let stopping = false;

  /**
   * Node ends a `Connection: close` response with `socket.destroySoon()`: destroy as soon as the
   * response is flushed. For sockets without that method it calls `socket.end()`, a half-close,
   * which is what this socket does instead, with limits. Node's parser keeps reading and
   * discarding the rest of the body meanwhile, and when the client's FIN arrives it ends the
   * socket, which then closes cleanly with nothing left unread.
   */
  const lingerInsteadOfDestroy = (socket: Socket): void => {
    socket.destroySoon = () => {
      // Shutting down: close as Node would, rather than hold the server open for the client.
      if (stopping) return Socket.prototype.destroySoon.call(socket);
      if (socket.destroyed) return;
      lingering.add(socket);
      const readBefore = socket.bytesRead;
      // Past either limit the client has had its response and a FIN for a while; a reset is
      // acceptable now.
      const giveUp = setTimeout(() => socket.destroy(), limits.maxMs);
      const watch = setInterval(() => {
        if (socket.bytesRead - readBefore > limits.maxBytes) socket.destroy();
      }, CHECK_EVERY_MS);
      socket.once('close', () => {
        clearTimeout(giveUp);
        clearInterval(watch);
        lingering.delete(socket);
      });
      socket.end();
    };
  };

  // Requests pipelined behind a refused body were sent on a connection the server is closing; the
  // client never gets their responses, so running them (an insert, say) would act unseen. The
  // hook is registered before every other one, so nothing else runs for them either.
  app.addHook('onRequest', (request, reply, done) => {
    if (closing.has(request.raw.socket)) reply.hijack();
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    // `complete` turns true once the parser has the whole request; false here means body bytes
    // are still on their way (Fastify stopped reading, or never started, when it refused them).
    // Requests injected in-process have neither a parser nor a real socket, so nothing to close.
    const socket = request.raw.socket;
    if (socket instanceof Socket && !socket.destroyed && !request.raw.complete && !closing.has(socket)) {
      // Keeping the connection would make Node read the rest of the body, however long, before
      // the next request; closing bounds that.
      reply.header('connection', 'close');
      closing.add(socket);
      socket.once('close', () => closing.delete(socket));
      lingerInsteadOfDestroy(socket);
    }
    done(null, payload);
  });
  // A lingering socket's response is complete, so a shutdown need not wait for its client.
  app.addHook('preClose', (done) => {
    stopping = true;
    for (const socket of lingering) socket.destroy();
    done();
  });
}
