/**
 * TDDUI business identifiers (flow page, "identifiants métier"): every business object carries an
 * identifier whose system is https://identifiant-medicosocial-<object>.esante.gouv.fr and whose value is
 * "3" + FINESS of the ESSMS + "/" + local person id (+ "-<CODE>-" + local object id for objects).
 * The guide enforces this pattern with FHIRPath only for PDV, REPAS, BESO and PA; for the other
 * systems it is documentation and examples, hence warnings here.
 *
 * Rule ids (stable, never reused):
 *   TDDUI-BID-001 warning  business identifier value not in the documented pattern (the four
 *                          FHIRPath-enforced systems are left to their invariants)
 *   TDDUI-BID-002 warning  FINESS embedded in business identifiers fails its Luhn check digit;
 *                          reported once per distinct FINESS per input, at the first identifier carrying it
 */
import { businessIdSystem, businessIdTemplate, embeddedFiness, parseBusinessId } from '../fr-identifiers/business-identifiers.js';
import { luhnCheckDigit, luhnValid } from '../fr-identifiers/luhn.js';
import type { CheckRule } from '../rule.js';
import { identifiersOf } from './identifier-rules.js';
import { FLOW_PAGE } from './spec-links.js';

/** The séjour system also carries the administrative file number (type NUMDOSS), a plain number. */
const ENCOUNTER_IDENTIFIER_TYPES = 'https://interop.esante.gouv.fr/ig/fhir/tddui/CodeSystem/tddui-encounter-identifier';

export const BUSINESS_ID_RULES: CheckRule[] = [
  {
    id: 'TDDUI-BID-001', category: 'identifiants métier TDDUI', severity: 'warning', specUrl: FLOW_PAGE,
    message: {
      fr: 'Identifiant métier « {value} » ({system}) hors du format {expected} : {reason}',
      en: 'Business identifier "{value}" ({system}) not in the format {expected}: {reason}',
    },
    hint: {
      fr: 'Construire la valeur ainsi : 3 + FINESS de l’ESSMS + « / » + identifiant local de l’usager, puis pour un objet « -CODE- » + identifiant local de l’objet (ex. 3480787529/147720425367411-EVN-12548).',
      en: 'Build the value as 3 + FINESS of the ESSMS + "/" + local person id, then for an object "-CODE-" + local object id (e.g. 3480787529/147720425367411-EVN-12548).',
    },
    check(ctx) {
      for (const f of identifiersOf(ctx)) {
        const s = businessIdSystem(f.system);
        if (!s || s.enforcedByProfile || f.value === undefined) continue;
        if (f.codings.some((c) => c.system === ENCOUNTER_IDENTIFIER_TYPES && c.code === 'NUMDOSS')) continue;
        const parsed = parseBusinessId(f.value, s.code);
        if (parsed.ok) continue;
        const template = businessIdTemplate(s.code);
        ctx.report(this.id, `${f.path}.value`, {
          value: f.value, system: s.system, expected: template.fr, expected_en: template.en,
          reason: parsed.reason.fr, reason_en: parsed.reason.en,
        });
      }
    },
  },
  {
    id: 'TDDUI-BID-002', category: 'identifiants métier TDDUI', severity: 'warning', specUrl: FLOW_PAGE,
    message: {
      fr: 'FINESS « {finess} » des identifiants métier : chiffre de contrôle {found} au lieu de {expected} (clé de Luhn, règle d’usage non normative ; {count} identifiant(s) concerné(s))',
      en: 'FINESS "{finess}" of the business identifiers: check digit {found} instead of {expected} (Luhn key, usual but non-normative rule; {count} identifier(s) concerned)',
    },
    hint: {
      fr: 'Vérifier le FINESS de l’établissement dans l’annuaire FINESS ; le signalement n’est fait qu’une fois par FINESS.',
      en: 'Check the establishment’s FINESS in the FINESS directory; it is reported once per FINESS.',
    },
    check(ctx) {
      const first = new Map<string, string>();
      const count = new Map<string, number>();
      for (const f of identifiersOf(ctx)) {
        if (!businessIdSystem(f.system) || f.value === undefined) continue;
        const finess = embeddedFiness(f.value);
        if (!finess || luhnValid(finess)) continue;
        if (!first.has(finess)) first.set(finess, `${f.path}.value`);
        count.set(finess, (count.get(finess) ?? 0) + 1);
      }
      for (const [finess, path] of first) {
        ctx.report(this.id, path, { finess, expected: luhnCheckDigit(finess.slice(0, 8)), found: finess[8], count: count.get(finess)! });
      }
    },
  },
];
