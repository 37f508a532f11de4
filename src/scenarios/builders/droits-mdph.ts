/**
 * MDPH rights (UC5): the orientation request to the CDAPH and its decision granting a right, with the
 * orientation details and the host structure.
 */
import { formatDay } from '../calendar.js';
import { VS, type Coding } from '../codes.js';
import { add, cc, meta, ref, TDDUI_CS, type DatasetContext, type UsagerContext } from './common.js';

const MDPH_DECISION_SYSTEM = 'urn:oid:1.2.250.1.213.7.1';
const DECISION_TYPE: Coding[] = [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R327-TypeDecision/FHIR/TRE-R327-TypeDecision', code: '1' }];
/**
 * Right types the guide ties to extra details (training, orientation precision by range, reception
 * temporality read from the wrong level): left out so that every generated decision stays valid.
 */
const SPECIAL_TYPES = new Set(['11.1', '7.8', '7.9', '13.1', '13.2', '8.3', '8.6', '8.7', '8.8', '8.10']);
const QUALIFICATION: Coding[] = [{ system: 'https://smt.esante.gouv.fr/fhir/CodeSystem/tre-r422-qualification-orientation', code: '1' }];

export function droitsMdph(ctx: DatasetContext, u: UsagerContext): void {
  const requestDay = u.historyStart;
  const requestId = `DP-${u.localId}-${++u.objectCount}`;
  const request = add(u, ctx, 'tddui-service-request-demande-orientation', {
    resourceType: 'ServiceRequest',
    meta: meta('tddui-service-request-demande-orientation'),
    identifier: [{ type: cc({ system: `${TDDUI_CS}tddui-service-request-identifier`, code: 'DEMANDE_ORIENTATION' }), system: MDPH_DECISION_SYSTEM, value: requestId }],
    status: 'active',
    intent: 'plan',
    code: cc(ctx.codes.pick(VS.compensationNature)),
    subject: ref(u.patient),
    occurrencePeriod: { start: formatDay(requestDay), end: formatDay(Math.min(u.lastDay, requestDay + 30)) },
  }, requestId);

  // The right type (e.g. 7.8) belongs to its category (7): draw the type, then take its category.
  const types = ctx.codes.codings(VS.rightType);
  const categories = new Set(ctx.codes.codings(VS.rightCategory).map((c) => c.code));
  const type = ctx.rng.pick(types.filter((t) => categories.has(t.code.split('.')[0]) && !SPECIAL_TYPES.has(t.code)));
  const nature = ctx.codes.pick(VS.rightNature);
  const category = ctx.codes.codings(VS.rightCategory).find((c) => c.code === type.code.split('.')[0])!;
  const opening = Math.min(u.lastDay, requestDay + 30);
  const decisionId = `${requestId}-DEC`;
  add(u, ctx, 'tddui-basic-decision', {
    resourceType: 'Basic',
    meta: meta('tddui-basic-decision'),
    extension: [{
      extension: [
        { url: 'typeDecision', valueCodeableConcept: cc(ctx.codes.pick('https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j398-type-decision-ms', DECISION_TYPE)) },
        { url: 'motivation', valueCodeableConcept: cc(ctx.codes.pick(VS.decisionMotivation)) },
        {
          extension: [
            { url: 'categorieDroitPrestation', valueCodeableConcept: cc(category) },
            { url: 'typeDroitPrestation', valueCodeableConcept: cc(type) },
            { url: 'natureDroitPrestation', valueCodeableConcept: cc(nature) },
            { url: 'dateOuverture', valueDate: formatDay(opening) },
            { url: 'dateEcheance', valueDate: formatDay(opening + 365 * 2) },
            { url: 'existencePAG', valueBoolean: false },
            {
              extension: [
                { url: 'qualificationOrientation', valueCodeableConcept: cc(ctx.codes.pick('https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j404-qualification-orientation-ms', QUALIFICATION)) },
                { url: 'temporaliteAccueil', valueCodeableConcept: cc(ctx.codes.pick(VS.receptionTemporality)) },
                ...(ctx.hostStructure ? [{ url: 'structureAccueil', valueReference: ref(ctx.hostStructure.fullUrl) }] : []),
              ],
              url: 'detailPrestation',
            },
            { url: 'creton', valueBoolean: false },
          ],
          url: 'droitPrestation',
        },
        { url: 'motivationLocale', valueString: 'Décision prise au vu du projet de vie et de l’évaluation de l’équipe pluridisciplinaire' },
      ],
      url: 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-decision',
    }],
    identifier: [
      { use: 'official', type: cc({ system: `${TDDUI_CS}tddui-basic-decision-identifier`, code: 'IDDECISION', display: 'Identifiant principal de la décision' }), system: MDPH_DECISION_SYSTEM, value: decisionId },
      // A revision (nature 6 or 7 of a decision of type 1) carries its revised id (invariants idDecisionMAJ*).
      ...(nature.code === '1' ? [] : [{ type: cc({ system: `${TDDUI_CS}tddui-basic-decision-identifier`, code: 'IDDECISIONMAJ', display: 'Identifiant révisé de la décision' }), system: MDPH_DECISION_SYSTEM, value: `${decisionId}-MAJ` }]),
    ],
    code: cc({ system: `${TDDUI_CS}tddui-basic-type`, code: 'DECISION', display: 'Décision' }),
    subject: ref(request),
  }, decisionId);
}
