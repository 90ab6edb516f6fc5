import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Lets a stopping server close every connection as soon as nothing is under way on it. Node's
 * server.close() closes the connections idle at that moment and then waits for the others: one
 * whose response ends later would be kept alive (Fastify's keep-alive timeout is 72 s), and one
 * that has carried no request yet (a client may open one ahead of need) counts as busy. From
 * `close` on, such a connection is ended when its response ends, or at once if it never had one.
 */
export function connectionCloser(server: Server) {
  const unused = new Set<Socket>();
  const responding = new Set<ServerResponse>();
  let closing = false;
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  server.on('connection', (socket: Socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  server.on('request', (request: { socket: Socket }, response: ServerResponse) => {
    unused.delete(request.socket);
    if (closing) response.shouldKeepAlive = false;
    responding.add(response);
    response.once('close', () => {
      responding.delete(response);
      if (closing) closeIdle();
    });
  });
  return {
    close(): void {
      closing = true;
      for (const socket of unused) socket.destroy();
      unused.clear();
      // Said in the headers of the responses not yet begun: this is the connection's last one.
      for (const response of responding) if (!response.headersSent) response.shouldKeepAlive = false;
      closeIdle();
    },
  };
}
