/** What every route needs, built once by startServer. */
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import type { PdfPrinter } from '../reports/pdf/pdf-printer.js';
import type { CheckPool } from './check-pool.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './log.js';
import type { Publication } from './publication/publication.js';
import type { ScenarioProvider } from './scenario-provider.js';
import type { Db } from './store/database.js';
import type { RunStore } from './store/runs.js';

export interface ServerContext {
  config: ServerConfig;
  db: Db;
  runs: RunStore;
  pool: CheckPool;
  definitions: DefinitionContext;
  publication: Publication;
  logger: Logger;
  scenarios?: ScenarioProvider;
  /** One Chromium for the PDF reports of this process, launched at the first PDF, closed on shutdown. */
  pdfPrinter: PdfPrinter;
  /** Work started by a request but finished after its answer (asynchronous checks): awaited on shutdown. */
  background: Set<Promise<unknown>>;
}
