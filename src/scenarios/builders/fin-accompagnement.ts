/** End of support and death (UC4): the cause of death in CIM-10 (date and place of death are on the Patient). */
import { formatDay } from '../calendar.js';
import type { Coding } from '../codes.js';
import { add, cc, meta, ref, type DatasetContext, type UsagerContext } from './common.js';

const CIM10 = 'https://smt.esante.gouv.fr/terminologie-cim-10';
/** A few CIM-10 codes with their French labels (public classification). */
const CAUSES: Coding[] = [
  { system: CIM10, code: 'J81', display: 'Œdème pulmonaire' },
  { system: CIM10, code: 'I64', display: 'Accident vasculaire cérébral, non précisé comme étant hémorragique ou par infarctus' },
  { system: CIM10, code: 'I21.9', display: 'Infarctus aigu du myocarde, sans précision' },
  { system: CIM10, code: 'I50.9', display: 'Insuffisance cardiaque, sans précision' },
  { system: CIM10, code: 'J18.9', display: 'Pneumopathie, sans précision' },
  { system: CIM10, code: 'G30.9', display: 'Maladie d’Alzheimer, sans précision' },
  { system: CIM10, code: 'C34.9', display: 'Tumeur maligne des bronches ou du poumon, sans précision' },
];

export function causeDeces(ctx: DatasetContext, u: UsagerContext): void {
  const loinc = { system: 'http://loinc.org', code: '79378-6', display: 'Cause of death' };
  add(u, ctx, 'tddui-observation-cause-mortalite', {
    resourceType: 'Observation',
    meta: meta('tddui-observation-cause-mortalite'),
    status: 'registered',
    code: cc(loinc),
    subject: ref(u.patient),
    effectiveDateTime: formatDay(u.deathDay ?? u.lastDay),
    component: [{ code: cc(loinc), valueCodeableConcept: cc(ctx.rng.pick(CAUSES)) }],
  });
}
