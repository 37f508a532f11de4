/**
 * Codes drawn from the value sets the TDDUI profiles bind, as compiled in profiles/: the generator asks for
 * a value set and gets one of its enumerated codes (with the code system's display). When a value set is not
 * available locally (ANS value sets the bench does not ship), it draws from the given codes, taken from the
 * guide's published examples.
 */
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import type { Random } from './random.js';

export type Coding = {
  system: string;
  code: string;
  display?: string;
};

export const VS = {
  householdSituation: 'https://mos.esante.gouv.fr/NOS/JDV_J176-SituationVieQuotidienne-MDPH/FHIR/JDV-J176-SituationVieQuotidienne-MDPH',
  receptionMode: 'https://mos.esante.gouv.fr/NOS/JDV_J226-ModaliteAccueil-ROR/FHIR/JDV-J226-ModaliteAccueil-ROR',
  ssiadEventType: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-type-evenement-ssiad-cisis',
  transportNature: 'https://mos.esante.gouv.fr/NOS/JDV_J282-TransportsLiesAuProjetIndividuel_SERAFIN/FHIR/JDV-J282-TransportsLiesAuProjetIndividuel-SERAFIN',
  carePlanType: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j367-type-projet-personnalise-ms',
  reviewStatus: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j366-statut-bilan-projet-personnalise-ms',
  familyRole: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j384-role-membre-famille-ms',
  specialisedTeaching: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j386-type-enseignement-specialise-ms',
  decisionMotivation: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j399-motivation-ms',
  rightCategory: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j401-categorie-droit-prestation-ms',
  rightType: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j402-type-droit-prestation-ms',
  rightNature: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j400-nature-droit-prestation-ms',
  receptionTemporality: 'https://mos.esante.gouv.fr/NOS/JDV_J30-TemporaliteAccueil-ROR/FHIR/JDV-J30-TemporaliteAccueil-ROR',
  orientation: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j408-orientation-ms',
  compensationNature: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j395-nature-demande-compensation-ms',
  mealType: 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j407-type-repas-ms',
  roleCode: 'https://mos.esante.gouv.fr/NOS/JDV_J47-FunctionCode-CISIS/FHIR/JDV-J47-FunctionCode-CISIS',
  contactRelation: 'https://interop.esante.gouv.fr/ig/fhir/tddui/ValueSet/tddui-contact-relation',
  legalProtection: 'https://interop.esante.gouv.fr/ig/fhir/tddui/ValueSet/tddui-contact-protection-juridique',
  exerciseMode: 'https://mos.esante.gouv.fr/NOS/JDV_J117-ModeExercice-ENREG/FHIR/JDV-J117-ModeExercice-ENREG',
} as const;

export class CodePicker {
  private readonly cache = new Map<string, Coding[]>();

  constructor(private readonly definitions: DefinitionContext, private readonly rng: Random) {}

  /** Every enumerated coding of the value set (sorted as compiled; of one system if given), or the fallback codings. */
  codings(valueSet: string, fallback: readonly Coding[] = [], system?: string): Coding[] {
    const key = system ? `${valueSet}|${system}` : valueSet;
    let list = this.cache.get(key);
    if (!list) {
      list = [];
      const vs = this.definitions.valueSet(valueSet);
      for (const s of vs?.def.systems ?? []) {
        if (!s.codes || s.open || (system && s.system !== system)) continue;
        const cs = this.definitions.codeSystem(s.system);
        for (const code of s.codes) {
          const display = cs?.displays(code)?.[0];
          list.push(display ? { system: s.system, code, display } : { system: s.system, code });
        }
      }
      if (!list.length) list = [...fallback];
      if (!list.length) throw new Error(`jeu de valeurs indisponible et sans codes de repli : ${valueSet}`);
      this.cache.set(key, list);
    }
    return list;
  }

  pick(valueSet: string, fallback?: readonly Coding[], system?: string): Coding {
    return { ...this.rng.pick(this.codings(valueSet, fallback, system)) };
  }
}
