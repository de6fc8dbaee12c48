import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { readFileSync } from 'node:fs';
import type { AppConfig } from './config';
import { requestSerializer } from './lib/log-redaction';
import { OneLinePerRequest } from './lib/request-log';
import cookie from '@fastify/cookie';
import access from './plugins/access';
import database from './plugins/database';
import errors from './plugins/errors';
import gracefulClose from './plugins/graceful-close';
import openapi from './plugins/openapi';
import securityHeaders from './plugins/security-headers';
import services from './plugins/services';
import textGuard from './plugins/text-guard';
import closeSweep from './plugins/close-sweep';
import webApp from './plugins/web-app';
import audit from './routes/audit';
import auth from './routes/auth';
import grants from './routes/grants';
import health from './routes/health';
import invitations from './routes/invitations';
import measurements from './routes/measurements';
import organisations from './routes/organisations';
import questionnaires from './routes/questionnaires';
import survey from './routes/survey';
import results from './routes/results';
import researchExport from './routes/export';
import tokens from './routes/tokens';
import units from './routes/units';
import users from './routes/users';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export interface BuildOptions {
  config: AppConfig;
  /** Apply pending migrations while starting (default true). */
  migrate?: boolean;
  /** Logger options on top of the configured level (tests pass false, or a stream); the request serializer stays. */
  logger?: false | Exclude<FastifyServerOptions['logger'], boolean | undefined>;
  /** The clock for sessions and rate limits (tests move it instead of waiting). */
  now?: () => Date;
}

/**
 * Builds the application without listening: the server entry point listens, tests use `app.inject()`.
 * Everything is a plugin, registered in dependency order.
 */
export async function buildApp({ config, migrate = true, logger, now = () => new Date() }: BuildOptions) {
  const app = Fastify({
    // Survey tokens are credentials: every request log line shows survey paths redacted (lib/log-redaction.ts).
    logger:
      logger === false
        ? false
        : { level: config.logLevel, ...logger, serializers: { ...logger?.serializers, req: requestSerializer } },
    trustProxy: config.trustProxy,
    logController: new OneLinePerRequest(),
    bodyLimit: 1_048_576,
    // Starting the embedded database and migrating can take a while on a busy machine.
    pluginTimeout: 120_000,
    // Request ids make a 500 traceable from the log without exposing anything to the caller.
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router meets before any route runs (a malformed URL) get the API's error shape too.
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as FastifyReply)
        .status(error.statusCode ?? 400)
        .type('application/json; charset=utf-8')
        .send({ error: { code: 'BAD_REQUEST', message: `Invalid request: ${error.message}` } });
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errors);
  await app.register(textGuard);
  await app.register(gracefulClose);
  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /docs uses inline styles; the app itself needs nothing from elsewhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.env === 'production',
  });
  // Session cookies are random secrets checked against the database: they need no signing secret.
  await app.register(cookie);
  await app.register(database, { config, migrate });
  await app.register(services, { config, now });
  await app.register(closeSweep, { minutes: config.closeSweepMinutes });
  // Before every route: it refuses to register an /api route without an access rule.
  await app.register(access);
  await app.register(openapi, { version });
  await app.register(health, { version });
  await app.register(auth);
  await app.register(tokens);
  await app.register(users);
  await app.register(organisations);
  await app.register(units);
  await app.register(grants);
  await app.register(audit);
  await app.register(questionnaires);
  await app.register(measurements);
  await app.register(invitations);
  await app.register(survey);
  await app.register(results);
  await app.register(researchExport, { timeZone: config.timeZone, now });
  await app.register(webApp, { root: config.webDist });

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
