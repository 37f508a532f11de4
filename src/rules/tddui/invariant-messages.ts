/**
 * Project-written messages for the FHIRPath invariants of TDDUI 2.4.0-ballot and FR Core 2.1.0.
 * The engine evaluates the expressions from profiles/; these entries only give each invariant a
 * French and English explanation and its page. Key → rule id `FHIR-INV-<key>`.
 */
import type { RuleDefinition } from '../../validation/finding.js';
import { frCorePage, profilePage } from './spec-links.js';

type Entry = [key: string, page: string, fr: string, en: string];

/**
 * Invariants whose published expression cannot be satisfied in some cases (found by the bench's cases):
 * the finding stands, as the reference validator would report it, with an explanation.
 */
const PUBLISHED_DEFECTS: Record<string, { fr: string; en: string }> = {
  FormationCardinality: {
    fr: 'Défaut connu de l’expression publiée : elle cherche droitPrestation à l’intérieur de droitPrestation, donc tout droit 11.1 échoue, même avec la formation. Expression : {expression}',
    en: 'Known defect of the published expression: it looks for droitPrestation inside droitPrestation, so every 11.1 right fails, even with the training detail. Expression: {expression}',
  },
  temporaliteAccueilCardinalityViaTypeDroitPrestation: {
    fr: 'Défaut connu de l’expression publiée : elle cherche droitPrestation à l’intérieur de droitPrestation, donc tout droit 8.6, 8.7, 8.8 ou 8.10 échoue, même avec la temporalité. Expression : {expression}',
    en: 'Known defect of the published expression: it looks for droitPrestation inside droitPrestation, so every 8.6, 8.7, 8.8 or 8.10 right fails, even with the temporality. Expression: {expression}',
  },
  'PrecisionOrientationValues13.1-13.2': {
    fr: 'Défaut connu de l’expression publiée : not() d’une collection vide est vide, donc tout droit 13.1 ou 13.2 échoue, avec ou sans précision. Expression : {expression}',
    en: 'Known defect of the published expression: not() of an empty collection is empty, so every 13.1 or 13.2 right fails, with or without a precision. Expression: {expression}',
  },
  'fr-core-1': {
    fr: 'L’expression publiée teste deux fois l’OID …4.10 et jamais …4.11 : une INS de démonstration seule ne la satisfait pas. Expression : {expression}',
    en: 'The published expression tests the …4.10 OID twice and never …4.11: a demo INS alone does not satisfy it. Expression: {expression}',
  },
};

const ENTRIES: Entry[] = [
  ['fr-core-1', frCorePage('fr-core-patient-ins'), 'Statut d’identité VALI sans identifiant INS (NIR, NIA, test ou démo)', 'Identity status VALI without an INS identifier (NIR, NIA, test or demo)'],
  ['idDecisionMAJCardinality', profilePage('tddui-basic-decision'), 'Décision d’attribution en renouvellement ou révision : l’identifiant révisé (IDDECISIONMAJ) est requis', 'Renewal or revision decision: the revised identifier (IDDECISIONMAJ) is required'],
  ['idDecisionMAJInterdiction', profilePage('tddui-basic-decision'), 'Première attribution : l’identifiant révisé (IDDECISIONMAJ) est interdit', 'First attribution: the revised identifier (IDDECISIONMAJ) is not allowed'],
  ['motivationLocaleRequired', profilePage('tddui-decision'), 'Motivation 9999 (autre) : la motivation locale en texte est requise', 'Reason 9999 (other): the local reason text is required'],
  ['DateEffetClotureCardinality', profilePage('tddui-decision'), 'Décision de clôture (type 5) : la date d’effet de clôture est requise', 'Closing decision (type 5): the closing effective date is required'],
  ['FormationCardinality', profilePage('tddui-decision'), 'Droit de type 11.1 : le détail de formation est requis', 'Right of type 11.1: the training detail is required'],
  ['PrecisionOrientationValues7.8', profilePage('tddui-decision'), 'Droit de type 7.8 : la précision d’orientation doit être comprise entre 1 et 6', 'Right of type 7.8: the orientation precision must be between 1 and 6'],
  ['PrecisionOrientationValues7.9', profilePage('tddui-decision'), 'Droit de type 7.9 : la précision d’orientation doit être 7 ou 8', 'Right of type 7.9: the orientation precision must be 7 or 8'],
  ['PrecisionOrientationValues13.1-13.2', profilePage('tddui-decision'), 'Droits de type 13.1 et 13.2 : pas de précision d’orientation', 'Rights of type 13.1 and 13.2: no orientation precision'],
  ['PrecisionOrientationValues8.3', profilePage('tddui-decision'), 'Droit de type 8.3 : la précision d’orientation doit être 9 ou 10', 'Right of type 8.3: the orientation precision must be 9 or 10'],
  ['PrecisionOrientationValues8.6', profilePage('tddui-decision'), 'Droit de type 8.6 : la précision d’orientation doit être UEA ou UEM', 'Right of type 8.6: the orientation precision must be UEA or UEM'],
  ['temporaliteAccueilCardinalityViaCategorieDroitPrestation', profilePage('tddui-decision'), 'Catégorie de droit 7 ou 13 : la temporalité d’accueil est requise', 'Right category 7 or 13: the reception temporality is required'],
  ['temporaliteAccueilCardinalityViaTypeDroitPrestation', profilePage('tddui-decision'), 'Droits de type 8.6, 8.7, 8.8 ou 8.10 : la temporalité d’accueil est requise', 'Rights of type 8.6, 8.7, 8.8 or 8.10: the reception temporality is required'],
  ['cretonCardinality', profilePage('tddui-decision'), 'Droit de catégorie 7 (ou de type 7.x) : l’indicateur amendement Creton est requis', 'Right of category 7 (or type 7.x): the Creton amendment flag is required'],
  ['MatDetailOnlyIfTypeOrg206', profilePage('tddui-encounter-evenement'), 'Détail de matériel spécialisé seulement avec le type de ressource ORG-206', 'Specialised equipment detail only with resource type ORG-206'],
  ['FacilityOnlyIfTypeOrg207', profilePage('tddui-encounter-evenement'), 'Ressource immobilière seulement avec le type de ressource ORG-207', 'Facility resource only with resource type ORG-207'],
  ['GoalProjetVieIdentifierFormat', profilePage('tddui-goal-projet-vie'), 'Identifiant du projet de vie hors format 3+FINESS/idLocal-PDV-id', 'Life project identifier not in the 3+FINESS/localId-PDV-id format'],
  ['ObservationRepasIdentifierFormat', profilePage('tddui-observation-repas'), 'Identifiant du repas hors format 3+FINESS/idLocal-REPAS-id (sensible à la casse)', 'Meal identifier not in the 3+FINESS/localId-REPAS-id format (case sensitive)'],
  ['ServiceRequestBesoinIdentifierFormat', profilePage('tddui-service-request-besoin'), 'Identifiant du besoin hors format 3+FINESS/idLocal-BESO-id', 'Need identifier not in the 3+FINESS/localId-BESO-id format'],
  ['SlotPresenceAbsenceIdentifierFormat', profilePage('tddui-slot-presence-absence'), 'Identifiant de présence/absence hors format 3+FINESS/idLocal-PA-id', 'Presence/absence identifier not in the 3+FINESS/localId-PA-id format'],
  ['auto-eval-porteur', profilePage('tddui-questionnaire-response'), 'Auto-évaluation (source = usager) : la structure porteuse (TDDUIHolder) est requise', 'Self-assessment (source = patient): the holding organisation (TDDUIHolder) is required'],
  ['professionnel-requis', profilePage('tddui-questionnaire-response'), 'Évaluation hors auto-évaluation : un professionnel (source, auteur ou responsable) est requis', 'Assessment other than self-assessment: a professional (source, author or responsible) is required'],
  ['motifAbsenceCardinality', profilePage('tddui-slot-presence-absence'), 'Absence (type 2) : le motif d’absence est requis', 'Absence (type 2): the absence reason is required'],
  ['absencePrevueCardinality', profilePage('tddui-slot-presence-absence'), 'Absence (type 2) : l’indicateur d’absence prévue est requis', 'Absence (type 2): the planned-absence flag is required'],
];

export const INVARIANT_RULES: RuleDefinition[] = ENTRIES.map(([key, page, fr, en]) => ({
  id: `FHIR-INV-${key}`,
  category: 'invariants TDDUI / FR Core',
  severity: 'error',
  specUrl: page,
  message: { fr: `${fr} (invariant ${key})`, en: `${en} (invariant ${key})` },
  hint: PUBLISHED_DEFECTS[key] ?? { fr: 'Expression : {expression}', en: 'Expression: {expression}' },
}));
