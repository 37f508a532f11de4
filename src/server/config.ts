/**
 * Server configuration from environment variables (documented in the README, section « Serveur »).
 * Every value has a default; a malformed value is a startup error that names the variable.
 */
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Data directory: SQLite database, imported packages. */
  dataDir: string;
  /** Largest accepted export (FHIR transaction, $validate, check upload), in bytes. */
  maxBodyBytes: number;
  /** Largest small JSON body (annotations, admin), in bytes. */
  maxJsonBytes: number;
  /** Deepest JSON nesting accepted in small JSON bodies. */
  maxJsonDepth: number;
  /** Requests per token (or per address without a token) per minute. */
  rateLimitPerMinute: number;
  /** Runs older than this many days are purged (0 = keep forever). */
  retentionDays: number;
  /** Worker threads running checks. */
  checkWorkers: number;
  /** Public base URL used in links and Location headers (default: from the request). */
  publicUrl?: string;
}

export const ENV_VARS: { name: string; default: string; description: string }[] = [
  { name: 'PORT', default: '8080', description: 'port d’écoute' },
  { name: 'HOST', default: '0.0.0.0', description: 'adresse d’écoute' },
  { name: 'TDDUI_BENCH_DATA', default: './data', description: 'dossier des données (base SQLite, paquets importés)' },
  { name: 'TDDUI_BENCH_MAX_BODY_MB', default: '100', description: 'taille maximale d’un export reçu, en Mo' },
  { name: 'TDDUI_BENCH_MAX_JSON_KB', default: '64', description: 'taille maximale des petits corps JSON (annotations, administration), en Ko' },
  { name: 'TDDUI_BENCH_MAX_JSON_DEPTH', default: '32', description: 'profondeur maximale de ces petits corps JSON' },
  { name: 'TDDUI_BENCH_RATE_LIMIT', default: '120', description: 'requêtes par minute et par jeton (ou par adresse sans jeton)' },
  { name: 'TDDUI_BENCH_RETENTION_DAYS', default: '0', description: 'durée de conservation des exécutions en jours (0 = sans limite)' },
  { name: 'TDDUI_BENCH_WORKERS', default: '1', description: 'nombre de fils d’exécution des vérifications' },
  { name: 'TDDUI_BENCH_PUBLIC_URL', default: '(déduite de la requête)', description: 'URL publique du banc, pour les liens et en-têtes Location' },
];

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`variable ${name} : entier ≥ ${min} attendu, reçu « ${raw} »`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: int(env, 'PORT', 8080, 0),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.TDDUI_BENCH_DATA || './data'),
    maxBodyBytes: int(env, 'TDDUI_BENCH_MAX_BODY_MB', 100, 1) * 1024 * 1024,
    maxJsonBytes: int(env, 'TDDUI_BENCH_MAX_JSON_KB', 64, 1) * 1024,
    maxJsonDepth: int(env, 'TDDUI_BENCH_MAX_JSON_DEPTH', 32, 2),
    rateLimitPerMinute: int(env, 'TDDUI_BENCH_RATE_LIMIT', 120, 1),
    retentionDays: int(env, 'TDDUI_BENCH_RETENTION_DAYS', 0, 0),
    checkWorkers: int(env, 'TDDUI_BENCH_WORKERS', 1, 1),
    publicUrl: env.TDDUI_BENCH_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
  };
}
