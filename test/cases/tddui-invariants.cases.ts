/**
 * The FHIRPath invariants of TDDUI 2.4.0-ballot and FR Core 2.1.0 (FHIR-INV-<key>, src/rules/tddui/invariant-messages.ts),
 * on mutated copies of the official examples. For each key: a negative case (rule id, path of the element the
 * constraint sits on, severity) and a positive case (`clean`).
 *
 * The bench evaluates the expressions as published (profiles/ans.fhir.fr.tddui, from the 2.4.0-ballot package).
 * Where the published FHIRPath does not say what its human text says, the case shows what the expression actually
 * does and a comment explains why, from the FHIRPath semantics (http://hl7.org/fhirpath/):
 *  - `implies` is empty when its left side is true and its right side empty, and an invariant that evaluates to
 *    empty fails (as in the reference validator);
 *  - `not()` of an empty collection is empty, not true;
 *  - `=` between a collection of several items and a single value is false (so a second coding disables a rule);
 *  - a one-item collection of a non-Boolean (an extension) is `true` where a Boolean is expected.
 *
 * Where the constraints sit (profiles/ans.fhir.fr.tddui):
 *  - Basic (tddui-basic-decision): idDecisionMAJCardinality, idDecisionMAJInterdiction → `Basic`;
 *  - Extension (tddui-decision root): motivationLocaleRequired, DateEffetClotureCardinality → `Basic.extension[0]`;
 *  - Extension.extension:droitPrestation: FormationCardinality, PrecisionOrientationValues*, temporaliteAccueil*,
 *    cretonCardinality → `Basic.extension[0].extension[3]` in the official decision example;
 *  - Encounter (tddui-encounter-evenement): MatDetailOnlyIfTypeOrg206, FacilityOnlyIfTypeOrg207 → `Encounter`;
 *  - Goal.identifier:idPDV, Observation.identifier:idRepas, Slot.identifier:idPA → `<Type>.identifier[0]`;
 *  - ServiceRequest.identifier:idBesoin.value (a primitive element) → `ServiceRequest.identifier[0].value`;
 *  - QuestionnaireResponse: auto-eval-porteur, professionnel-requis → `QuestionnaireResponse`;
 *  - Slot: motifAbsenceCardinality, absencePrevueCardinality → `Slot`;
 *  - Patient (fr-core-patient-ins, inherited by tddui-patient-ins): fr-core-1 → `Patient`.
 */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';

type R = Record<string, any>;
interface Ext {
  url: string;
  extension?: Ext[];
  valueCodeableConcept?: { coding: { system?: string; code?: string }[] };
  [k: string]: unknown;
}

const inv = (key: string) => `FHIR-INV-${key}`;

// ---- Helpers on complex extensions ----------------------------------------------------------------

function sub(e: Ext, url: string): Ext {
  const x = e.extension?.find((s) => s.url === url);
  if (!x) throw new Error(`sous-extension ${url} absente`);
  return x;
}
function drop(e: Ext, url: string): void {
  e.extension = (e.extension ?? []).filter((s) => s.url !== url);
}
function setCode(e: Ext, code: string): void {
  e.valueCodeableConcept!.coding[0].code = code;
}

// ---- Basic decision (tddui-basic-decision + tddui-decision) -----------------------------------------

/**
 * Official decision: typeDecision 1 (attribution), motivation 9999 + motivationLocale, dateEffetCloture,
 * droitPrestation (extension[3]) of category 8, type 7.8, nature 6 (renouvellement), detailPrestation with
 * temporaliteAccueil and precisionOrientation 1, creton; identifiers IDDECISION and IDDECISIONMAJ.
 */
const DECISION_FILE = 'Basic-tddui-basic-decision-example.json';
const DECISION = () => example<R>(DECISION_FILE);
const decisionExt = (b: R): Ext => b.extension[0];
const droit = (b: R): Ext => sub(decisionExt(b), 'droitPrestation');
const detail = (b: R): Ext => sub(droit(b), 'detailPrestation');

const AT_BASIC = 'Basic';
const AT_DECISION = 'Basic.extension[0]';
const AT_DROIT = 'Basic.extension[0].extension[3]';

/** The decision example with the right's category and type replaced, then `change` applied. */
function decisionWith(categorie: string, type: string, change?: (b: R) => void): R {
  return mutate(DECISION(), (b) => {
    setCode(sub(droit(b), 'categorieDroitPrestation'), categorie);
    setCode(sub(droit(b), 'typeDroitPrestation'), type);
    change?.(b);
  });
}
/** Sets the orientation precision code, or removes the sub-extension (undefined). */
function precision(b: R, code: string | undefined): void {
  if (code === undefined) drop(detail(b), 'precisionOrientation');
  else setCode(sub(detail(b), 'precisionOrientation'), code);
}
function dropIdDecisionMaj(b: R): void {
  b.identifier = b.identifier.filter((i: R) => i.type?.coding?.[0]?.code !== 'IDDECISIONMAJ');
}

// ---- Other examples -----------------------------------------------------------------------------------

const PATIENT_INS = () => example<R>('Patient-tddui-patient-ins-example.json');
const ENCOUNTER = () => example<R>('Encounter-tddui-encounter-evenement-example.json');
const GOAL_PDV = () => example<R>('Goal-tddui-goal-projet-vie-example.json');
const REPAS = () => example<R>('Observation-tddui-observation-repas-example.json');
const BESOIN = () => example<R>('ServiceRequest-tddui-pp-pa-servicerequest-besoin-1-example.json');
const SLOT = () => example<R>('Slot-tddui-slot-presence-absence-example.json');
/** Self-assessment: source Patient/…, qr-participant with TDDUIHolder. */
const QR_AUTO = () => example<R>('QuestionnaireResponse-tddui-pp-pa-questionnaire-response-aggir-pa-example.json');
/** Assessment by a professional: source Practitioner/…, no author, no qr-participant. */
const QR_PRO = () => example<R>('QuestionnaireResponse-tddui-questionnaire-response-situation-ssiad-example.json');

const RESSOURCES_USED = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-ressources-used';
const QR_PARTICIPANT = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-qr-participant';
const PLANNED_ABSENCE = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-planned-absence';
const IDENTITY_RELIABILITY = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability';
const CISIS = 'https://smt.esante.gouv.fr/fhir/CodeSystem/terminologie-cisis';
const cisis = (code: string) => ({ valueCodeableConcept: { coding: [{ system: CISIS, code }] } });

const ressourcesUsed = (e: R): Ext => e.extension.find((x: Ext) => x.url === RESSOURCES_USED);
const identityStatus = (p: R): R => sub(p.extension.find((x: Ext) => x.url === IDENTITY_RELIABILITY), 'identityStatus');

export const INVARIANT_CASES: Case[] = [
  // ---- fr-core-1 (FR Core 2.1.0 fr-core-patient-ins, on Patient) ---------------------------------------
  // (…identityStatus.value.code = 'VALI') implies (identifier system …4.8 or …4.9 or …4.10 or …4.10)
  {
    name: 'fr-core-1 : l’exemple officiel (VALI avec INS-NIR …4.8) est conforme',
    needsSpec: true,
    input: PATIENT_INS,
    clean: [inv('fr-core-1')],
  },
  {
    name: 'fr-core-1 : identité VALI sans identifiant INS',
    needsSpec: true,
    input: () => mutate(PATIENT_INS(), (p) => {
      p.identifier = p.identifier.filter((i: R) => i.system !== 'urn:oid:1.2.250.1.213.1.4.8');
    }),
    fires: [{ ruleId: inv('fr-core-1'), path: 'Patient', severity: 'error' }],
  },
  {
    name: 'fr-core-1 : identité provisoire (PROV) sans INS, la règle ne s’applique pas',
    needsSpec: true,
    input: () => mutate(PATIENT_INS(), (p) => {
      identityStatus(p).valueCoding.code = 'PROV';
      p.identifier = p.identifier.filter((i: R) => i.system !== 'urn:oid:1.2.250.1.213.1.4.8');
    }),
    clean: [inv('fr-core-1')],
  },
  {
    name: 'fr-core-1 : VALI avec INS-NIR-TEST (…4.10) est conforme',
    needsSpec: true,
    input: () => mutate(PATIENT_INS(), (p) => {
      p.identifier[0].system = 'urn:oid:1.2.250.1.213.1.4.10';
      p.identifier[0].type.coding[0].code = 'INS-NIR-TEST';
    }),
    clean: [inv('fr-core-1')],
  },
  {
    // Published expression: the right side tests urn:oid:1.2.250.1.213.1.4.10 twice and never …4.11, the
    // INS-NIR-DEMO authority that FR Core slices in the same profile. A VALI identity whose only INS is a
    // demonstration INS therefore fails fr-core-1, although the rule's intent (and its message) accepts it.
    name: 'fr-core-1 (tel que publié) : VALI avec le seul INS-NIR-DEMO (…4.11) échoue, …4.11 manque à l’expression',
    needsSpec: true,
    input: () => mutate(PATIENT_INS(), (p) => {
      p.identifier[0].system = 'urn:oid:1.2.250.1.213.1.4.11';
      p.identifier[0].type.coding[0].code = 'INS-NIR-DEMO';
    }),
    fires: [{ ruleId: inv('fr-core-1'), path: 'Patient', severity: 'error' }],
  },

  // ---- idDecisionMAJCardinality / idDecisionMAJInterdiction (on Basic) -----------------------------------
  // (typeDecision = '1' and (nature = '6' or nature = '7')) implies IDDECISIONMAJ exists
  {
    name: 'idDecisionMAJCardinality / idDecisionMAJInterdiction : l’exemple officiel (type 1, nature 6, IDDECISIONMAJ) est conforme',
    needsSpec: true,
    input: DECISION,
    clean: [inv('idDecisionMAJCardinality'), inv('idDecisionMAJInterdiction')],
  },
  {
    name: 'idDecisionMAJCardinality : attribution en renouvellement (nature 6) sans IDDECISIONMAJ',
    needsSpec: true,
    input: () => mutate(DECISION(), dropIdDecisionMaj),
    fires: [{ ruleId: inv('idDecisionMAJCardinality'), path: AT_BASIC, severity: 'error' }],
    clean: [inv('idDecisionMAJInterdiction')],
  },
  {
    name: 'idDecisionMAJCardinality : attribution en révision (nature 7) avec IDDECISIONMAJ est conforme',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => { setCode(sub(droit(b), 'natureDroitPrestation'), '7'); }),
    clean: [inv('idDecisionMAJCardinality'), inv('idDecisionMAJInterdiction')],
  },
  {
    name: 'idDecisionMAJCardinality : attribution en révision (nature 7) sans IDDECISIONMAJ',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => {
      setCode(sub(droit(b), 'natureDroitPrestation'), '7');
      dropIdDecisionMaj(b);
    }),
    fires: [{ ruleId: inv('idDecisionMAJCardinality'), path: AT_BASIC, severity: 'error' }],
  },
  // (typeDecision = '1' and nature = '1') implies IDDECISIONMAJ absent
  {
    name: 'idDecisionMAJInterdiction : première attribution (nature 1) avec un IDDECISIONMAJ',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => { setCode(sub(droit(b), 'natureDroitPrestation'), '1'); }),
    fires: [{ ruleId: inv('idDecisionMAJInterdiction'), path: AT_BASIC, severity: 'error' }],
    clean: [inv('idDecisionMAJCardinality')],
  },
  {
    name: 'idDecisionMAJInterdiction : première attribution (nature 1) sans IDDECISIONMAJ est conforme',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => {
      setCode(sub(droit(b), 'natureDroitPrestation'), '1');
      dropIdDecisionMaj(b);
    }),
    clean: [inv('idDecisionMAJInterdiction'), inv('idDecisionMAJCardinality')],
  },

  // ---- motivationLocaleRequired / DateEffetClotureCardinality (root of tddui-decision) -------------------
  {
    name: 'motivationLocaleRequired / DateEffetClotureCardinality : l’exemple officiel (motivation 9999 + motivationLocale, type 1) est conforme',
    needsSpec: true,
    input: DECISION,
    clean: [inv('motivationLocaleRequired'), inv('DateEffetClotureCardinality')],
  },
  {
    name: 'motivationLocaleRequired : motivation 9999 (autre) sans motivation locale',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => { drop(decisionExt(b), 'motivationLocale'); }),
    fires: [{ ruleId: inv('motivationLocaleRequired'), path: AT_DECISION, severity: 'error' }],
  },
  {
    name: 'motivationLocaleRequired : motivation codée (hors 9999) sans motivation locale est conforme',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => {
      setCode(sub(decisionExt(b), 'motivation'), '1');
      drop(decisionExt(b), 'motivationLocale');
    }),
    clean: [inv('motivationLocaleRequired')],
  },
  {
    name: 'DateEffetClotureCardinality : décision de clôture (type 5) sans date d’effet de clôture',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => {
      setCode(sub(decisionExt(b), 'typeDecision'), '5');
      drop(decisionExt(b), 'dateEffetCloture');
    }),
    fires: [{ ruleId: inv('DateEffetClotureCardinality'), path: AT_DECISION, severity: 'error' }],
  },
  {
    name: 'DateEffetClotureCardinality : décision de clôture (type 5) avec sa date d’effet est conforme',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => { setCode(sub(decisionExt(b), 'typeDecision'), '5'); }),
    clean: [inv('DateEffetClotureCardinality')],
  },

  // ---- FormationCardinality (on droitPrestation) ----------------------------------------------------------
  // (type = '11.1') implies (extension.where(url='droitPrestation').extension.where(url='detailPrestation')
  //   .extension.where(url='formation'))
  // The context is the droitPrestation extension itself: it has no sub-extension 'droitPrestation', so the right
  // side is always empty and, for a right of type 11.1, `true implies {}` is empty: the invariant fails whether
  // or not detailPrestation.formation is given. Only rights of another type satisfy it.
  {
    name: 'FormationCardinality : l’exemple officiel (type 7.8) est conforme',
    needsSpec: true,
    input: DECISION,
    clean: [inv('FormationCardinality')],
  },
  {
    name: 'FormationCardinality : droit de type 11.1 sans détail de formation',
    needsSpec: true,
    input: () => decisionWith('11', '11.1'),
    fires: [{ ruleId: inv('FormationCardinality'), path: AT_DROIT, severity: 'error' }],
  },
  {
    name: 'FormationCardinality (tel que publié) : type 11.1 AVEC formation échoue aussi, l’expression cherche droitPrestation sous droitPrestation',
    needsSpec: true,
    input: () => decisionWith('11', '11.1', (b) => {
      detail(b).extension!.push({ url: 'formation', valueString: 'CAP cuisine' });
    }),
    fires: [{ ruleId: inv('FormationCardinality'), path: AT_DROIT, severity: 'error' }],
  },

  // ---- PrecisionOrientationValues7.8 / 7.9 / 8.3 / 8.6 / 13.1-13.2 (on droitPrestation) -------------------
  {
    name: 'PrecisionOrientationValues* : l’exemple officiel (type 7.8, précision 1) est conforme',
    needsSpec: true,
    input: DECISION,
    clean: ['7.8', '7.9', '13.1-13.2', '8.3', '8.6'].map((k) => inv(`PrecisionOrientationValues${k}`)),
  },
  {
    name: 'PrecisionOrientationValues7.8 : type 7.8 avec la précision 6 (borne haute) est conforme',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => precision(b, '6')),
    clean: [inv('PrecisionOrientationValues7.8')],
  },
  {
    name: 'PrecisionOrientationValues7.8 : type 7.8 avec la précision 7',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => precision(b, '7')),
    fires: [{ ruleId: inv('PrecisionOrientationValues7.8'), path: AT_DROIT, severity: 'error' }],
  },
  {
    // code.toInteger() of an absent precision is empty, `{} >= 1 and {} <= 6` is empty, `true implies {}` is empty.
    name: 'PrecisionOrientationValues7.8 : type 7.8 sans précision d’orientation',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => precision(b, undefined)),
    fires: [{ ruleId: inv('PrecisionOrientationValues7.8'), path: AT_DROIT, severity: 'error' }],
  },
  {
    // `coding.code = '7.8'` compares a two-item collection with a single value: false, so the rule does not
    // apply and precision 9 passes. The same second coding makes cretonCardinality's `matches()` (a function
    // that needs a single input) an evaluation error, reported as FHIR-INV-ERROR.
    name: 'PrecisionOrientationValues7.8 (tel que publié) : un second codage du type 7.8 désactive la règle (= sur une collection)',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => {
      sub(droit(b), 'typeDroitPrestation').valueCodeableConcept!.coding.push({ system: 'https://example.org/CodeSystem/droits-locaux', code: '7.8' });
      precision(b, '9');
    }),
    fires: [{ ruleId: 'FHIR-INV-ERROR', path: AT_DROIT }],
    clean: [inv('PrecisionOrientationValues7.8')],
  },
  {
    name: 'PrecisionOrientationValues7.9 : type 7.9 avec la précision 8 est conforme',
    needsSpec: true,
    input: () => decisionWith('7', '7.9', (b) => precision(b, '8')),
    clean: [inv('PrecisionOrientationValues7.9'), inv('PrecisionOrientationValues7.8')],
  },
  {
    name: 'PrecisionOrientationValues7.9 : type 7.9 avec la précision 1',
    needsSpec: true,
    input: () => decisionWith('7', '7.9', (b) => precision(b, '1')),
    fires: [{ ruleId: inv('PrecisionOrientationValues7.9'), path: AT_DROIT, severity: 'error' }],
  },
  {
    name: 'PrecisionOrientationValues8.3 : type 8.3 avec la précision 9 est conforme',
    needsSpec: true,
    input: () => decisionWith('8', '8.3', (b) => precision(b, '9')),
    clean: [inv('PrecisionOrientationValues8.3')],
  },
  {
    name: 'PrecisionOrientationValues8.3 : type 8.3 avec la précision 1',
    needsSpec: true,
    input: () => decisionWith('8', '8.3', (b) => precision(b, '1')),
    fires: [{ ruleId: inv('PrecisionOrientationValues8.3'), path: AT_DROIT, severity: 'error' }],
  },
  {
    // PrecisionOrientationValues8.6 holds; temporaliteAccueilCardinalityViaTypeDroitPrestation, which always
    // fails on a type 8.6 right (see below), is not asserted here.
    name: 'PrecisionOrientationValues8.6 : type 8.6 avec la précision UEA est conforme',
    needsSpec: true,
    input: () => decisionWith('8', '8.6', (b) => precision(b, 'UEA')),
    clean: [inv('PrecisionOrientationValues8.6')],
  },
  {
    name: 'PrecisionOrientationValues8.6 : type 8.6 avec la précision 1',
    needsSpec: true,
    input: () => decisionWith('8', '8.6', (b) => precision(b, '1')),
    fires: [{ ruleId: inv('PrecisionOrientationValues8.6'), path: AT_DROIT, severity: 'error' }],
  },
  // (type = '13.1' or type = '13.2') implies (…detailPrestation.extension.where(url='precisionOrientation').not())
  {
    name: 'PrecisionOrientationValues13.1-13.2 : type 13.1 avec une précision d’orientation',
    needsSpec: true,
    input: () => decisionWith('13', '13.1'),
    fires: [{ ruleId: inv('PrecisionOrientationValues13.1-13.2'), path: AT_DROIT, severity: 'error' }],
  },
  {
    // `not()` of an empty collection is empty (FHIRPath: not() is empty unless its input evaluates to a
    // Boolean), so without a precision the right side is empty and `true implies {}` is empty: the published
    // invariant fails on every right of type 13.1 or 13.2 (the intent needs `.empty()` or `.exists().not()`).
    // Only rights of another type satisfy it (the official example above).
    name: 'PrecisionOrientationValues13.1-13.2 (tel que publié) : type 13.2 SANS précision échoue aussi (not() d’une collection vide)',
    needsSpec: true,
    input: () => decisionWith('13', '13.2', (b) => precision(b, undefined)),
    fires: [{ ruleId: inv('PrecisionOrientationValues13.1-13.2'), path: AT_DROIT, severity: 'error' }],
  },

  // ---- temporaliteAccueilCardinality* (on droitPrestation) ------------------------------------------------
  {
    name: 'temporaliteAccueilCardinality* : l’exemple officiel (catégorie 8, type 7.8) est conforme',
    needsSpec: true,
    input: DECISION,
    clean: [inv('temporaliteAccueilCardinalityViaCategorieDroitPrestation'), inv('temporaliteAccueilCardinalityViaTypeDroitPrestation')],
  },
  // (categorie = '13' or categorie = '7') implies (extension.where(url='detailPrestation').extension.where(url='temporaliteAccueil'))
  {
    name: 'temporaliteAccueilCardinalityViaCategorieDroitPrestation : catégorie 7 avec la temporalité d’accueil est conforme',
    needsSpec: true,
    input: () => decisionWith('7', '7.8'),
    clean: [inv('temporaliteAccueilCardinalityViaCategorieDroitPrestation')],
  },
  {
    name: 'temporaliteAccueilCardinalityViaCategorieDroitPrestation : catégorie 7 sans temporalité d’accueil',
    needsSpec: true,
    input: () => decisionWith('7', '7.8', (b) => drop(detail(b), 'temporaliteAccueil')),
    fires: [{ ruleId: inv('temporaliteAccueilCardinalityViaCategorieDroitPrestation'), path: AT_DROIT, severity: 'error' }],
  },
  {
    name: 'temporaliteAccueilCardinalityViaCategorieDroitPrestation : catégorie 13 sans temporalité d’accueil',
    needsSpec: true,
    input: () => decisionWith('13', '13.1', (b) => drop(detail(b), 'temporaliteAccueil')),
    fires: [{ ruleId: inv('temporaliteAccueilCardinalityViaCategorieDroitPrestation'), path: AT_DROIT, severity: 'error' }],
  },
  // (type in 8.6 | 8.7 | 8.8 | 8.10) implies (extension.where(url='droitPrestation').extension.where(url='detailPrestation')
  //   .extension.where(url='temporaliteAccueil'))
  // Same flaw as FormationCardinality: the right side looks for a 'droitPrestation' sub-extension of the
  // droitPrestation extension, so it is always empty; every right of type 8.6, 8.7, 8.8 or 8.10 fails.
  {
    name: 'temporaliteAccueilCardinalityViaTypeDroitPrestation : type 8.7 sans temporalité d’accueil',
    needsSpec: true,
    input: () => decisionWith('8', '8.7', (b) => drop(detail(b), 'temporaliteAccueil')),
    fires: [{ ruleId: inv('temporaliteAccueilCardinalityViaTypeDroitPrestation'), path: AT_DROIT, severity: 'error' }],
  },
  {
    name: 'temporaliteAccueilCardinalityViaTypeDroitPrestation (tel que publié) : type 8.7 AVEC temporalité d’accueil échoue aussi',
    needsSpec: true,
    input: () => decisionWith('8', '8.7'),
    fires: [{ ruleId: inv('temporaliteAccueilCardinalityViaTypeDroitPrestation'), path: AT_DROIT, severity: 'error' }],
  },

  // ---- cretonCardinality (on droitPrestation) ---------------------------------------------------------------
  // (categorie = '7' or type.matches('^7[.][0-9]+$')) implies (extension.where(url='creton'))
  {
    name: 'cretonCardinality : l’exemple officiel (type 7.8 avec l’indicateur Creton) est conforme',
    needsSpec: true,
    input: DECISION,
    clean: [inv('cretonCardinality')],
  },
  {
    name: 'cretonCardinality : droit de type 7.8 sans indicateur Creton',
    needsSpec: true,
    input: () => mutate(DECISION(), (b) => drop(droit(b), 'creton')),
    fires: [{ ruleId: inv('cretonCardinality'), path: AT_DROIT, severity: 'error' }],
  },
  {
    name: 'cretonCardinality : droit de catégorie 8, type 8.3, sans indicateur Creton est conforme',
    needsSpec: true,
    input: () => decisionWith('8', '8.3', (b) => {
      precision(b, '9');
      drop(droit(b), 'creton');
    }),
    clean: [inv('cretonCardinality')],
  },

  // ---- MatDetailOnlyIfTypeOrg206 / FacilityOnlyIfTypeOrg207 (on Encounter) ---------------------------------
  // (…ressources-used.extension('TDDUIMaterialDetail').exists()) implies (…TDDUIRessourceType.exists() and
  //   …TDDUIRessourceType.value.coding.code = 'ORG-206'), and the same for TDDUIFacilityResource / ORG-207.
  {
    name: 'MatDetailOnlyIfTypeOrg206 / FacilityOnlyIfTypeOrg207 : l’exemple officiel (ORG-206 + détail matériel) est conforme',
    needsSpec: true,
    input: ENCOUNTER,
    clean: [inv('MatDetailOnlyIfTypeOrg206'), inv('FacilityOnlyIfTypeOrg207')],
  },
  {
    name: 'MatDetailOnlyIfTypeOrg206 : détail de matériel avec le type de ressource ORG-207',
    needsSpec: true,
    input: () => mutate(ENCOUNTER(), (e) => setCode(sub(ressourcesUsed(e), 'TDDUIRessourceType'), 'ORG-207')),
    fires: [{ ruleId: inv('MatDetailOnlyIfTypeOrg206'), path: 'Encounter', severity: 'error' }],
    clean: [inv('FacilityOnlyIfTypeOrg207')],
  },
  {
    name: 'MatDetailOnlyIfTypeOrg206 : détail de matériel sans type de ressource',
    needsSpec: true,
    input: () => mutate(ENCOUNTER(), (e) => drop(ressourcesUsed(e), 'TDDUIRessourceType')),
    fires: [{ ruleId: inv('MatDetailOnlyIfTypeOrg206'), path: 'Encounter', severity: 'error' }],
  },
  {
    name: 'FacilityOnlyIfTypeOrg207 : ressource immobilière avec le type ORG-207 est conforme',
    needsSpec: true,
    input: () => mutate(ENCOUNTER(), (e) => {
      const used = ressourcesUsed(e);
      setCode(sub(used, 'TDDUIRessourceType'), 'ORG-207');
      drop(used, 'TDDUIMaterialDetail');
      used.extension!.push({ url: 'TDDUIFacilityResource', ...cisis('ORG-210') });
    }),
    clean: [inv('FacilityOnlyIfTypeOrg207'), inv('MatDetailOnlyIfTypeOrg206')],
  },
  {
    name: 'FacilityOnlyIfTypeOrg207 : ressource immobilière avec le type de ressource ORG-206',
    needsSpec: true,
    input: () => mutate(ENCOUNTER(), (e) => {
      ressourcesUsed(e).extension!.push({ url: 'TDDUIFacilityResource', ...cisis('ORG-210') });
    }),
    fires: [{ ruleId: inv('FacilityOnlyIfTypeOrg207'), path: 'Encounter', severity: 'error' }],
    clean: [inv('MatDetailOnlyIfTypeOrg206')],
  },
  {
    // TDDUIRessourcesUsed is 0..*: with two resources, `…TDDUIRessourceType.value.coding.code` is the collection
    // (ORG-206, ORG-207) and its `=` with a single code is false, so both invariants fail although each resource
    // is consistent. The expressions also never tie a detail to the type of its own resource.
    name: 'MatDetailOnlyIfTypeOrg206 / FacilityOnlyIfTypeOrg207 (tel que publié) : deux ressources cohérentes (ORG-206 et ORG-207) échouent toutes deux',
    needsSpec: true,
    input: () => mutate(ENCOUNTER(), (e) => {
      e.extension.splice(1, 0, {
        url: RESSOURCES_USED,
        extension: [{ url: 'TDDUIRessourceType', ...cisis('ORG-207') }, { url: 'TDDUIFacilityResource', ...cisis('ORG-210') }],
      });
    }),
    fires: [
      { ruleId: inv('MatDetailOnlyIfTypeOrg206'), path: 'Encounter', severity: 'error' },
      { ruleId: inv('FacilityOnlyIfTypeOrg207'), path: 'Encounter', severity: 'error' },
    ],
  },

  // ---- Identifier formats (value.matches('^3[0-9]{9}/[A-Za-z0-9]+-<MARK>-[A-Za-z0-9]+$'), case sensitive) ----
  {
    name: 'GoalProjetVieIdentifierFormat : l’identifiant officiel 3480787529/123456789-PDV-1234 est conforme',
    needsSpec: true,
    input: GOAL_PDV,
    clean: [inv('GoalProjetVieIdentifierFormat')],
  },
  {
    name: 'GoalProjetVieIdentifierFormat : marqueur en minuscules (-pdv-)',
    needsSpec: true,
    input: () => mutate(GOAL_PDV(), (g) => { g.identifier[0].value = '3480787529/123456789-pdv-1234'; }),
    fires: [{ ruleId: inv('GoalProjetVieIdentifierFormat'), path: 'Goal.identifier[0]', severity: 'error' }],
  },
  {
    name: 'ObservationRepasIdentifierFormat : l’identifiant officiel 3480787529/1012-REPAS-0002 est conforme',
    needsSpec: true,
    input: REPAS,
    clean: [inv('ObservationRepasIdentifierFormat')],
  },
  {
    name: 'ObservationRepasIdentifierFormat : marqueur -Repas- (graphie des scénarios) refusé, la règle est sensible à la casse',
    needsSpec: true,
    input: () => mutate(REPAS(), (o) => { o.identifier[0].value = '3480787529/1012-Repas-0002'; }),
    fires: [{ ruleId: inv('ObservationRepasIdentifierFormat'), path: 'Observation.identifier[0]', severity: 'error' }],
  },
  {
    name: 'SlotPresenceAbsenceIdentifierFormat : l’identifiant officiel 3480787529/1012-PA-0001 est conforme',
    needsSpec: true,
    input: SLOT,
    clean: [inv('SlotPresenceAbsenceIdentifierFormat')],
  },
  {
    name: 'SlotPresenceAbsenceIdentifierFormat : FINESS ne commençant pas par 3 (préfixe du format)',
    needsSpec: true,
    input: () => mutate(SLOT(), (s) => { s.identifier[0].value = '480787529/1012-PA-0001'; }),
    fires: [{ ruleId: inv('SlotPresenceAbsenceIdentifierFormat'), path: 'Slot.identifier[0]', severity: 'error' }],
  },
  // The constraint sits on the primitive ServiceRequest.identifier:idBesoin.value: `value` there is the string itself.
  {
    name: 'ServiceRequestBesoinIdentifierFormat : marqueur -BES- au lieu de -BESO-',
    needsSpec: true,
    input: () => mutate(BESOIN(), (s) => { s.identifier[0].value = '3480787529/123456789-BES-1234'; }),
    fires: [{ ruleId: inv('ServiceRequestBesoinIdentifierFormat'), path: 'ServiceRequest.identifier[0].value', severity: 'error' }],
  },
  {
    name: 'ServiceRequestBesoinIdentifierFormat : l’identifiant officiel 3480787529/123456789-BESO-1234 est conforme',
    needsSpec: true,
    input: BESOIN,
    clean: [inv('ServiceRequestBesoinIdentifierFormat')],
  },

  // ---- auto-eval-porteur / professionnel-requis (on QuestionnaireResponse) --------------------------------
  // (source.exists() and source.reference.contains('Patient/')) implies qr-participant.TDDUIHolder exists
  {
    name: 'auto-eval-porteur / professionnel-requis : l’auto-évaluation officielle (source Patient, TDDUIHolder) est conforme',
    needsSpec: true,
    input: QR_AUTO,
    clean: [inv('auto-eval-porteur'), inv('professionnel-requis')],
  },
  {
    name: 'auto-eval-porteur : auto-évaluation sans structure porteuse',
    needsSpec: true,
    input: () => mutate(QR_AUTO(), (q) => {
      q.extension = q.extension.filter((x: Ext) => x.url !== QR_PARTICIPANT);
      if (!q.extension.length) delete q.extension;
    }),
    fires: [{ ruleId: inv('auto-eval-porteur'), path: 'QuestionnaireResponse', severity: 'error' }],
    clean: [inv('professionnel-requis')],
  },
  // source.reference.contains('Patient/').not() implies (source is Practitioner/… or author exists or
  //   qr-participant.TDDUIResponsible exists)
  {
    name: 'professionnel-requis / auto-eval-porteur : l’évaluation officielle (source Practitioner) est conforme',
    needsSpec: true,
    input: QR_PRO,
    clean: [inv('professionnel-requis'), inv('auto-eval-porteur')],
  },
  {
    name: 'professionnel-requis : évaluation renseignée par un proche sans professionnel',
    needsSpec: true,
    input: () => mutate(QR_PRO(), (q) => { q.source = { reference: 'RelatedPerson/tddui-related-person-contact-example' }; }),
    fires: [{ ruleId: inv('professionnel-requis'), path: 'QuestionnaireResponse', severity: 'error' }],
    clean: [inv('auto-eval-porteur')],
  },
  {
    name: 'professionnel-requis : évaluation renseignée par un proche avec un auteur professionnel est conforme',
    needsSpec: true,
    input: () => mutate(QR_PRO(), (q) => {
      q.source = { reference: 'RelatedPerson/tddui-related-person-contact-example' };
      q.author = { reference: 'Practitioner/tddui-practitioner-example' };
    }),
    clean: [inv('professionnel-requis')],
  },

  // ---- motifAbsenceCardinality / absencePrevueCardinality (on Slot) ----------------------------------------
  // (serviceType.coding.code = '2') implies appointmentType.exists() / tddui-planned-absence exists
  {
    name: 'motifAbsenceCardinality / absencePrevueCardinality : l’absence officielle (type 2, motif, absence prévue) est conforme',
    needsSpec: true,
    input: SLOT,
    clean: [inv('motifAbsenceCardinality'), inv('absencePrevueCardinality')],
  },
  {
    name: 'motifAbsenceCardinality : absence (type 2) sans motif',
    needsSpec: true,
    input: () => mutate(SLOT(), (s) => { delete s.appointmentType; }),
    fires: [{ ruleId: inv('motifAbsenceCardinality'), path: 'Slot', severity: 'error' }],
    clean: [inv('absencePrevueCardinality')],
  },
  {
    name: 'absencePrevueCardinality : absence (type 2) sans indicateur d’absence prévue',
    needsSpec: true,
    input: () => mutate(SLOT(), (s) => { s.extension = s.extension.filter((x: Ext) => x.url !== PLANNED_ABSENCE); }),
    fires: [{ ruleId: inv('absencePrevueCardinality'), path: 'Slot', severity: 'error' }],
    clean: [inv('motifAbsenceCardinality')],
  },
  {
    name: 'motifAbsenceCardinality / absencePrevueCardinality : présence (type 1) sans motif ni indicateur est conforme',
    needsSpec: true,
    input: () => mutate(SLOT(), (s) => {
      s.serviceType[0].coding[0].code = '1';
      delete s.appointmentType;
      s.extension = s.extension.filter((x: Ext) => x.url !== PLANNED_ABSENCE);
    }),
    clean: [inv('motifAbsenceCardinality'), inv('absencePrevueCardinality')],
  },
];
