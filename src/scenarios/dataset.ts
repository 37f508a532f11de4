/**
 * Builds a scenario's dataset as a sequence of entries: the shared structures first (ESSMS, host structure,
 * professionals), then one usager after the other with every block the scenario asks for. Nothing but the
 * current usager is held in memory, so callers can stream any number of usagers.
 */
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import { dayNumber, DEFAULT_REFERENCE_DATE } from './calendar.js';
import { CodePicker } from './codes.js';
import { contact, mobilite, periodeScolaire } from './builders/administratif.js';
import type { BuiltEntry, DatasetContext, UsagerContext } from './builders/common.js';
import { droitsMdph } from './builders/droits-mdph.js';
import { causeDeces } from './builders/fin-accompagnement.js';
import { patient } from './builders/patient.js';
import { projetPersonnalise } from './builders/projet-personnalise.js';
import { evaluationsSsiad, evenements, sejour, transports } from './builders/ssiad.js';
import { essmsName, hostStructure, organization, practitioner, practitionerRole } from './builders/structures.js';
import { presenceAbsence, projetDeVie } from './builders/vie-quotidienne.js';
import { makeIdentity } from './identity/usager-identity.js';
import { makeFiness, UuidSequence } from './identifiers.js';
import { Random } from './random.js';
import type { Block, Scenario } from './scenario-model.js';

export interface DatasetParameters {
  seed: number;
  usagers: number;
  referenceDate: string;
}

/** Checks and completes user parameters (French errors: they come from the command line or the server). */
export function datasetParameters(scenario: Scenario, p: { seed: number; usagers?: number; referenceDate?: string }): DatasetParameters {
  if (!Number.isSafeInteger(p.seed) || p.seed < 0) throw new Error(`graine invalide : ${p.seed} (entier positif ou nul attendu)`);
  const usagers = p.usagers ?? scenario.generation.defaultUsagers;
  if (!Number.isSafeInteger(usagers) || usagers < 1 || usagers > 1_000_000) throw new Error(`nombre d’usagers invalide : ${usagers} (1 à 1 000 000)`);
  const referenceDate = p.referenceDate ?? DEFAULT_REFERENCE_DATE;
  dayNumber(referenceDate);
  return { seed: p.seed, usagers, referenceDate };
}

/** What a usager block is built from (the manifest line of the usager). */
export interface UsagerSummary {
  index: number;
  localId: string;
  ins?: string;
  family: string;
  given: string;
  gender: string;
  birthDate: string;
  birthPlace: string;
  deceased?: string;
}

export class DatasetBuilder {
  readonly ctx: DatasetContext;
  private readonly blocks: ReadonlySet<Block>;

  constructor(readonly scenario: Scenario, readonly params: DatasetParameters, definitions: DefinitionContext) {
    const rng = new Random(params.seed);
    const finess = makeFiness(rng);
    this.blocks = new Set(scenario.generation.blocks);
    this.ctx = {
      scenario, rng, codes: new CodePicker(definitions, rng), uuid: new UuidSequence(scenario.id, params.seed),
      referenceDay: dayNumber(params.referenceDate), finess,
      essms: { fullUrl: '', name: '' }, staff: [],
    };
  }

  /** ESSMS, host structure (CDAPH decisions), professionals and their roles: written once, first. */
  shared(): BuiltEntry[] {
    const ctx = this.ctx;
    const out: BuiltEntry[] = [];
    const name = essmsName(ctx);
    const essms = organization(ctx, ctx.finess, name);
    ctx.essms = { fullUrl: essms.fullUrl, name };
    out.push(essms);
    if (this.blocks.has('droits-mdph')) {
      const host = hostStructure(ctx);
      ctx.hostStructure = host.ref;
      out.push(host.entry);
    }
    for (let i = 0; i < 3; i++) {
      const p = practitioner(ctx);
      const r = practitionerRole(ctx, p.fullUrl);
      ctx.staff.push({ practitioner: { fullUrl: p.fullUrl, name: '' }, role: { fullUrl: r.fullUrl, name: '' } });
      out.push(p, r);
    }
    return out;
  }

  usager(index: number): { entries: BuiltEntry[]; summary: UsagerSummary; context: UsagerContext } {
    const { ctx, blocks } = this;
    const g = this.scenario.generation;
    const rng = ctx.rng;
    const identity = makeIdentity(rng, g.population, ctx.referenceDay);
    const hasIns = rng.chance(g.insShare);
    const deceased = blocks.has('fin-accompagnement') && rng.chance(g.deceasedShare ?? 1);
    const deathDay = deceased ? ctx.referenceDay - rng.int(1, 10) : undefined;
    const lastDay = (deathDay ?? ctx.referenceDay) - 1;
    const weeks = rng.int(g.historyWeeks[0], g.historyWeeks[1]);
    const u: UsagerContext = {
      index, identity, hasIns, deathDay, lastDay,
      localId: `${rng.int(100, 999)}${String(index + 1).padStart(6, '0')}`,
      patient: ctx.uuid.next(),
      historyStart: lastDay - weeks * 7 + 1,
      entries: [], objectCount: 0, events: [],
    };
    const resource = patient(ctx, u, { household: blocks.has('administratif'), nationality: blocks.has('administratif') });
    u.entries.push({ fullUrl: u.patient, resource, profile: hasIns ? 'tddui-patient-ins' : 'tddui-patient', businessId: hasIns ? identity.nir : `3${ctx.finess}/${u.localId}` });

    if (blocks.has('sejour')) sejour(ctx, u);
    if (blocks.has('evenements')) evenements(ctx, u);
    if (blocks.has('evaluations')) evaluationsSsiad(ctx, u);
    if (blocks.has('transports')) transports(ctx, u);
    if (blocks.has('projet-personnalise')) projetPersonnalise(ctx, u);
    if (blocks.has('administratif')) {
      contact(ctx, u);
      if (lastDayAge(u) < 26) periodeScolaire(ctx, u);
      mobilite(ctx, u);
    }
    if (blocks.has('droits-mdph')) droitsMdph(ctx, u);
    if (blocks.has('projet-de-vie')) projetDeVie(ctx, u);
    if (blocks.has('presence-absence')) presenceAbsence(ctx, u);
    if (deceased) causeDeces(ctx, u);

    const summary: UsagerSummary = {
      index, localId: `3${ctx.finess}/${u.localId}`, ...(hasIns ? { ins: identity.nir } : {}),
      family: identity.family, given: identity.givenNames.join(' '), gender: identity.sex, birthDate: identity.birthDate, birthPlace: identity.birthPlace.insee,
      ...(deathDay !== undefined ? { deceased: resource.deceasedDateTime as string } : {}),
    };
    return { entries: u.entries, summary, context: u };
  }
}

const lastDayAge = (u: UsagerContext) => (u.lastDay - u.identity.birthDay) / 365.25;
