import { buildApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { demoSetting, firstRunDemo, type DemoSetting } from './demo/first-run';

/**
 * Entry point: read configuration, build the app, listen, and close gracefully on SIGTERM/SIGINT: stop accepting
 * connections, let in-flight requests finish, end the database pool once, then exit.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  let demo: DemoSetting;
  try {
    config = loadConfig();
    demo = demoSetting(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`socialsafety: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const app = await buildApp({ config });
  // Before the signal handlers: Ctrl-C while the demo loads simply stops the process (PGlite survives that).
  const firstRun = await firstRunDemo(app, config, demo, { stdin: process.stdin, stderr: process.stderr });
  if (firstRun.kind === 'cancelled') {
    await app.close();
    process.exit(130);
  }
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    forced.unref();
    app.close().then(
      () => {
        app.log.info('closed cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  const address = await app.listen({ host: config.host, port: config.port });
  if (firstRun.kind === 'loaded') process.stderr.write(`${firstRun.lines(config.port === 0 ? address : config.publicUrl).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`socialsafety: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
