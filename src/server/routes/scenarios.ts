/** Scenario datasets for CI (behind the ScenarioProvider given to startServer; 501 when none is wired). */
import express, { type Router } from 'express';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { intParam, single } from '../http-input.js';
import type { ScenarioProvider } from '../scenario-provider.js';

function provider(ctx: ServerContext): ScenarioProvider {
  if (!ctx.scenarios) throw new HttpError(501, 'non-implemente', 'scénarios non disponibles sur ce serveur : le générateur de jeux de données n’est pas branché');
  return ctx.scenarios;
}

export function scenariosRouter(ctx: ServerContext): Router {
  const router = express.Router();
  router.get('/api/v1/scenarios', authorize(ctx.db, 'scenarios.read'), async (_req, res) => {
    res.json({ items: await provider(ctx).list() });
  });
  router.get('/api/v1/scenarios/:id/dataset', authorize(ctx.db, 'scenarios.read'), async (req, res) => {
    const scenarios = provider(ctx);
    const id = req.params.id as string;
    const known = await scenarios.list();
    if (!known.some((s) => s.id === id)) throw new HttpError(404, 'introuvable', `scénario inconnu : « ${id} » (voir GET /api/v1/scenarios)`);
    const seed = intParam(req.query.seed, 'seed', 1, 0, 2 ** 31 - 1);
    const usagers = intParam(req.query.usagers, 'usagers', 10, 1, 100_000);
    const format = single(req.query.format, 'format') ?? 'json';
    if (format !== 'json' && format !== 'xml') throw new HttpError(400, 'parametre-invalide', `paramètre « format » : json ou xml attendu, reçu « ${format} »`);
    res.type(format === 'xml' ? 'application/fhir+xml' : 'application/fhir+json');
    res.attachment(`${id}-seed${seed}-${usagers}usagers.${format}`);
    await scenarios.writeDataset(id, { seed, usagers, format }, res);
    if (!res.writableEnded) res.end();
  });
  return router;
}
