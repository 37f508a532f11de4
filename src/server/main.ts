#!/usr/bin/env node
/** `npm start`: the server, configured by environment variables; SIGTERM/SIGINT finish in-flight checks first. */
import { ConfigError } from './config.js';
import { jsonLogger } from './log.js';
import { startServer } from './server.js';

try {
  const server = await startServer();
  process.stdout.write(`tddui-bench : serveur à l’écoute sur ${server.url}\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      jsonLogger.log('info', 'shutdown-requested', { signal });
      server.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
} catch (e) {
  const message = e instanceof ConfigError ? e.message : `démarrage impossible : ${(e as Error).message}`;
  jsonLogger.log('error', 'startup-failed', { message });
  process.exitCode = 2;
}
