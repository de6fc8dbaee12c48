import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const healthBody = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    uptimeSeconds: z.number(),
    process: z.object({ node: z.string(), memoryRssMb: z.number() }),
    database: z.object({
      status: z.enum(['up', 'down']),
      kind: z.enum(['postgres', 'embedded']),
      latencyMs: z.number().nullable(),
    }),
  })
  .meta({ id: 'Health' });

const PROBE_TIMEOUT_MS = 2_000;

/** Resolves to the probe's latency in ms, or null when the database does not answer in time. */
async function probe(run: () => Promise<unknown>): Promise<number | null> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), PROBE_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([run().then(() => 'ok' as const), timeout]);
    return outcome === 'ok' ? Math.round((performance.now() - started) * 10) / 10 : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

const health: FastifyPluginAsyncZod<{ version: string }> = async (app, { version }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Process and database status',
        description: 'Answers 200 when the API can reach its database, 503 otherwise (for load balancers).',
        response: { 200: healthBody, 503: healthBody },
      },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      const latencyMs = await probe(() => sql`select 1`.execute(app.db));
      const up = latencyMs !== null;
      return reply.status(up ? 200 : 503).send({
        status: up ? 'ok' : 'unavailable',
        version,
        uptimeSeconds: Math.round(process.uptime()),
        process: { node: process.version, memoryRssMb: Math.round(process.memoryUsage.rss() / 1048576) },
        database: { status: up ? 'up' : 'down', kind: app.database.kind, latencyMs },
      });
    },
  );
};

export default health;
