/**
 * TDDUI business identifiers: a fixed system per object, https://identifiant-medicosocial-<object>.esante.gouv.fr,
 * and a value "3" + FINESS of the ESSMS (9 characters) + "/" + local person id, followed for objects by
 * "-<CODE>-" + local object id (e.g. 3480787529/147720425367411-EVN-12548). The leading 3 is the TRE_G08
 * "FINESS / registry number" prefix. Local ids use letters and digits, as in the guide's four
 * FHIRPath-enforced patterns (PDV, REPAS, BESO, PA).
 */
import { FINESS_PATTERN } from './finess.js';
import { reason, type Reason } from './reason.js';

export interface BusinessIdSystem {
  system: string;
  /** What the identifier names (French). */
  object: string;
  /** Object code between dashes; undefined for the local person id. */
  code?: string;
  /** The guide already checks the value with a FHIRPath invariant. */
  enforcedByProfile: boolean;
}

const sys = (name: string, object: string, code?: string, enforcedByProfile = false): BusinessIdSystem => ({
  system: `https://identifiant-medicosocial-${name}.esante.gouv.fr`, object, code, enforcedByProfile,
});

/** The systems of the TDDUI 2.4.0-ballot profiles whose values follow the pattern above. */
export const BUSINESS_ID_SYSTEMS: readonly BusinessIdSystem[] = [
  sys('localusager', 'usager'),
  sys('sejour', 'séjour', 'SEJOUR'),
  sys('evenement', 'événement', 'EVN'),
  sys('evaluation', 'évaluation', 'EVAL'),
  sys('transportprofessionnel', 'transport professionnel', 'TPPro'),
  sys('transportusager', 'transport usager', 'TPPat'),
  sys('projetpersonnalise', 'projet personnalisé', 'PPER'),
  sys('attente', 'attente', 'ATTE'),
  sys('objectif', 'objectif', 'OBJE'),
  sys('besoin', 'besoin', 'BESO', true),
  sys('action', 'action', 'ACTI'),
  sys('moyenressource', 'moyen/ressource', 'MORE'),
  sys('prestation', 'prestation', 'PRES'),
  sys('bilan', 'bilan', 'BILA'),
  sys('periodescolaire', 'période scolaire', 'PSCO'),
  sys('repas', 'repas', 'REPAS', true),
  sys('presenceabsence', 'présence/absence', 'PA', true),
  sys('projetvie', 'projet de vie', 'PDV', true),
];

export function businessIdSystem(system: string | undefined): BusinessIdSystem | undefined {
  if (!system) return undefined;
  const bare = system.endsWith('/') ? system.slice(0, -1) : system;
  return BUSINESS_ID_SYSTEMS.find((s) => s.system === bare);
}

/** Human form of the expected value. */
export function businessIdTemplate(code: string | undefined): Reason {
  return code
    ? reason(`3 + FINESS + / + id-local + -${code}- + id-objet`, `3 + FINESS + / + local-id + -${code}- + object-id`)
    : reason('3 + FINESS + / + id-local', '3 + FINESS + / + local-id');
}

export interface ParsedBusinessId {
  finess: string;
  localId: string;
  objectId?: string;
}

export type BusinessIdParse = { ok: true; id: ParsedBusinessId } | { ok: false; reason: Reason };

const LOCAL = '[A-Za-z0-9]+';

export function parseBusinessId(value: string, code: string | undefined): BusinessIdParse {
  const fail = (fr: string, en: string): BusinessIdParse => ({ ok: false, reason: reason(fr, en) });
  if (!value.startsWith('3')) return fail(`la valeur doit commencer par 3 (trouvé « ${value.slice(0, 1)} »)`, `the value must start with 3 (found "${value.slice(0, 1)}")`);
  const finess = value.slice(1, 10);
  if (!FINESS_PATTERN.test(finess)) return fail(`FINESS de 9 caractères attendu après le 3 (trouvé « ${finess} »)`, `a 9-character FINESS is expected after the 3 (found "${finess}")`);
  if (value[10] !== '/') return fail('« / » attendu après le FINESS', '"/" expected after the FINESS');
  const tail = value.slice(11);
  if (!code) {
    if (new RegExp(`^${LOCAL}$`).test(tail)) return { ok: true, id: { finess, localId: tail } };
    return fail(`identifiant local « ${tail} » : lettres et chiffres attendus`, `local id "${tail}": letters and digits expected`);
  }
  const m = new RegExp(`^(${LOCAL})-${code}-(${LOCAL})$`).exec(tail);
  if (m) return { ok: true, id: { finess, localId: m[1], objectId: m[2] } };
  if (tail.includes(`-${code}-`)) {
    return fail(`identifiants local et objet autour de -${code}- : lettres et chiffres attendus (trouvé « ${tail} »)`, `local and object ids around -${code}-: letters and digits expected (found "${tail}")`);
  }
  const other = new RegExp(`^${LOCAL}-([A-Za-z]+)-${LOCAL}$`).exec(tail);
  if (other) return fail(`code objet -${other[1]}- au lieu de -${code}-`, `object code -${other[1]}- instead of -${code}-`);
  return fail(`attendu <id-local>-${code}-<id-objet> après le « / » (trouvé « ${tail} »)`, `expected <local-id>-${code}-<object-id> after the "/" (found "${tail}")`);
}

/** The all-digit FINESS at the head of a business identifier ("3" + 9 digits + "/"), if any. */
export function embeddedFiness(value: string): string | undefined {
  return /^3([0-9]{9})\//.exec(value)?.[1];
}
