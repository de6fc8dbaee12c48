import { writeFileSync } from 'node:fs';
import { buildResultsWorld, RESULTS_ADMIN, RESULTS_SERVER_ENV, VIEWER } from './results-fixtures';
import { startServer } from './server';

/**
 * For looking at the results pages by hand: the server with the results tests' data, until Ctrl-C.
 * `tsx apps/web/e2e/results-look.ts [file]` writes the address and ids as JSON to `file` when given.
 * WEB_DIST in the environment serves another build (so that a trial build leaves apps/web/dist alone).
 */
const server = await startServer({ ...RESULTS_SERVER_ENV, ...(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {}) });
const world = await buildResultsWorld(server);
const info = { url: server.url, ...world, admin: RESULTS_ADMIN, viewer: VIEWER };
console.log(JSON.stringify(info, null, 2));
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(info));
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
