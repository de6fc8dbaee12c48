import fp from 'fastify-plugin';

/**
 * While closing, answers in flight tell the client to close its keep-alive connection. Without this, a client that
 * keeps its connection open (browsers, load balancers) holds `close()` until the shutdown timeout, because the
 * server only drops connections that were idle at the moment close began.
 */
export default fp(
  async (app) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
  },
  { name: 'graceful-close' },
);
