import Fastify from 'fastify';
import pg from 'pg';

/**
 * The reference for the submissions benchmark: the least a server can do per submission on this stack. Fastify
 * parses the same JSON body, and pg writes it as one row with one INSERT (autocommit), on a pool of the size the API
 * uses. No validation, no lookups, no transaction: the ratio API / this is what the product's rules cost.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
await pool.query(`create table if not exists baseline_responses (
  id bigint generated always as identity primary key,
  answers jsonb not null,
  submitted_on date not null default current_date
)`);

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
app.get('/health', async () => ({ status: 'ok' }));
app.post<{ Body: { answers: unknown } }>('/responses', async (request, reply) => {
  await pool.query('insert into baseline_responses (answers) values ($1)', [JSON.stringify(request.body.answers)]);
  return reply.status(201).send({ stored: true });
});

/**
 * The same INSERT after as many round trips as the API makes for a submission with an open link (two reads, then a
 * transaction of four reads and the insert), each a trivial query: what the number of round trips alone costs.
 */
app.post<{ Body: { answers: unknown } }>('/responses/nine-round-trips', async (request, reply) => {
  await pool.query('select 1');
  await pool.query('select 1');
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (let i = 0; i < 4; i += 1) await client.query('select $1::int', [i]);
    await client.query('insert into baseline_responses (answers) values ($1)', [JSON.stringify(request.body.answers)]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return reply.status(201).send({ stored: true });
});

const close = () => {
  void app.close().then(() => pool.end()).then(() => process.exit(0));
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 3100) });
