/**
 * startServer: opens the store and the definitions, starts the check workers, listens, and returns a
 * handle whose close() stops accepting requests, finishes in-flight checks, then closes the store.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { openDefinitions } from '../cli/definitions.js';
import { buildApp } from './app.js';
import { PdfPrinter } from '../reports/pdf/pdf-printer.js';
import { CheckPool } from './check-pool.js';
import { configFromEnv, type ServerConfig } from './config.js';
import type { ServerContext } from './context.js';
import { benchCapabilityStatement } from './fhir/capability.js';
import { jsonLogger, type Logger } from './log.js';
import { Publication } from './publication/publication.js';
import type { ScenarioProvider } from './scenario-provider.js';
import { openDatabase, purgeBefore } from './store/database.js';
import { RunStore } from './store/runs.js';

export interface StartOptions {
  config?: Partial<ServerConfig>;
  scenarios?: ScenarioProvider;
  logger?: Logger;
  /** Each check worker checks a generated dataset once after start, so that the first real check runs on warm code. */
  warmUp?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  context: ServerContext;
  close(): Promise<void>;
}

const HOUR = 3_600_000;

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...configFromEnv(), ...options.config };
  const logger = options.logger ?? jsonLogger;
  const db = openDatabase(config.dataDir);
  const { ctx: definitions } = await openDefinitions();
  const pool = new CheckPool(config.checkWorkers, [], logger, options.warmUp ?? false);
  const date = new Date().toISOString().slice(0, 10);
  const context: ServerContext = {
    config, db, runs: new RunStore(db), pool, definitions, logger, scenarios: options.scenarios, background: new Set(), pdfPrinter: new PdfPrinter(),
    publication: new Publication(definitions, config.dataDir, () => benchCapabilityStatement(date)),
  };
  try {
    await pool.ready();
  } catch (e) {
    await pool.close();
    db.close();
    throw e;
  }

  const purge = () => {
    if (!config.retentionDays) return;
    const purged = purgeBefore(db, new Date(Date.now() - config.retentionDays * 24 * HOUR).toISOString());
    if (purged) logger.log('info', 'retention-purge', { runs: purged, days: config.retentionDays });
  };
  purge();
  const purgeTimer = setInterval(purge, HOUR);
  purgeTimer.unref();

  const server: Server = createServer(buildApp(context));
  server.listen(config.port, config.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  logger.log('info', 'server-started', { port, dataDir: config.dataDir, workers: config.checkWorkers });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(purgeTimer);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await pool.drain();
      await Promise.all([...context.background]);
      await stopped;
      await pool.close();
      await context.pdfPrinter.close();
      db.close();
      logger.log('info', 'server-stopped', {});
    })();
    return closing;
  };
  return { url: `http://${host}:${port}`, port, context, close };
}
