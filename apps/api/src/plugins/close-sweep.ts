import fp from 'fastify-plugin';

/**
 * Closes measurements past their closing day every CLOSE_SWEEP_MINUTES, so that their results are computed and
 * published at close rather than at the first read. Reads close a due measurement too (services/measurements.ts), so
 * the sweep only moves the work off a person's request. On shutdown a running sweep is awaited before the pool ends.
 */
export default fp<{ minutes: number }>(
  async (app, { minutes }) => {
    if (minutes <= 0) return;
    let running: Promise<void> | null = null;
    const timer = setInterval(() => {
      if (running) return;
      running = app.measurements
        .sweep(app.log)
        .then((closed) => {
          if (closed > 0) app.log.info({ closed }, 'closed measurements past their closing day');
        })
        .catch((error: unknown) => app.log.error({ err: error }, 'close sweep failed'))
        .finally(() => {
          running = null;
        });
    }, minutes * 60_000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'close-sweep', dependencies: ['services'] },
);
