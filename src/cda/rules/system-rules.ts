/**
 * Rules of the CDA pipeline itself (no table check): XML safety and syntax, rule-set version, XSD, and
 * the FHIR 1.1.0 transport layer (DocumentReference/Bundle carrying CDA as base64 attachments).
 */
import type { RuleDefinition } from '../../validation/finding.js';
import { CDA_PAGES } from './spec-links.js';

const X = 'CDA XML';
const F = 'CDA transport FHIR 1.1.0';

export const CDA_SYSTEM_RULES: RuleDefinition[] = [
  { id: 'CDA-XML-001', severity: 'fatal', category: X, specUrl: 'https://www.w3.org/TR/xml/', message: { fr: 'XML mal formé : {detail}', en: 'Malformed XML: {detail}' } },
  { id: 'CDA-XML-002', severity: 'fatal', category: X, specUrl: 'https://www.w3.org/TR/xml/#sec-prolog-dtd',
    message: { fr: 'DOCTYPE refusé : une DTD (et ses entités) n’est jamais lue ni développée ; le document n’est pas analysé', en: 'DOCTYPE refused: a DTD (and its entities) is never read nor expanded; the document is not analysed' },
    hint: { fr: 'Un document CDA n’a pas de DOCTYPE : le retirer.', en: 'A CDA document has no DOCTYPE: remove it.' } },
  { id: 'CDA-XML-003', severity: 'fatal', category: X, specUrl: 'https://www.w3.org/TR/xml/', message: { fr: 'Document refusé : {detail}', en: 'Document refused: {detail}' } },
  { id: 'CDA-XML-004', severity: 'fatal', category: X, specUrl: CDA_PAGES.structure,
    message: { fr: 'élément racine « {found} » : ClinicalDocument dans l’espace de noms urn:hl7-org:v3 attendu', en: 'root element "{found}": ClinicalDocument in the urn:hl7-org:v3 namespace expected' } },
  { id: 'CDA-VER-001', severity: 'information', category: X, specUrl: CDA_PAGES.resources,
    message: { fr: 'règles TDDUI CDA {version} appliquées ({origin})', en: 'TDDUI CDA {version} rules applied ({origin})' } },
  { id: 'CDA-VER-002', severity: 'warning', category: X, specUrl: CDA_PAGES.header,
    message: { fr: 'version « {found} » du modèle 1.2.250.1.213.1.1.1.58 inconnue : règles {version} appliquées', en: 'unknown version "{found}" of template 1.2.250.1.213.1.1.1.58: {version} rules applied' } },
  { id: 'CDA-XSD-000', severity: 'information', category: X, specUrl: CDA_PAGES.resources,
    message: { fr: 'schéma XSD CDA non vérifié : aucun jeu de schémas installé ; les autres règles ont été appliquées', en: 'CDA XSD not checked: no schema set installed; the other rules were applied' },
    hint: { fr: 'Installer les schémas officiels (CDA_extended.xsd) : tddui-bench cda import-schemas <dossier|zip>, ou --cda-schemas <dossier>, ou TDDUI_BENCH_CDA_SCHEMAS.', en: 'Install the official schemas (CDA_extended.xsd): tddui-bench cda import-schemas <dir|zip>, or --cda-schemas <dir>, or TDDUI_BENCH_CDA_SCHEMAS.' } },
  { id: 'CDA-XSD-001', severity: 'error', category: X, specUrl: CDA_PAGES.resources, message: { fr: 'schéma XSD CDA : {detail}', en: 'CDA XSD: {detail}' } },
  { id: 'CDA-XSD-002', severity: 'warning', category: X, specUrl: CDA_PAGES.resources,
    message: { fr: 'schéma XSD CDA non vérifié : jeu de schémas inutilisable ({detail})', en: 'CDA XSD not checked: unusable schema set ({detail})' } },
  { id: 'CDA-FHIR-001', severity: 'error', category: F, specUrl: CDA_PAGES.documentReference,
    message: { fr: 'pièce jointe {attachment} : données base64 illisibles', en: 'attachment {attachment}: unreadable base64 data' } },
  { id: 'CDA-FHIR-002', severity: 'error', category: F, specUrl: CDA_PAGES.documentReference,
    message: { fr: 'pièce jointe {attachment} (contentType « {contentType} ») : ce n’est pas un document CDA ClinicalDocument', en: 'attachment {attachment} (contentType "{contentType}"): not a CDA ClinicalDocument' } },
  { id: 'CDA-FHIR-003', severity: 'error', category: F, specUrl: CDA_PAGES.documentReference,
    message: { fr: '{element} : {found} occurrence(s), cardinalité {min}..{max} attendue (profil TDDUI 1.1.0 {profile})', en: '{element}: {found} occurrence(s), cardinality {min}..{max} expected (TDDUI 1.1.0 profile {profile})' } },
  { id: 'CDA-FHIR-004', severity: 'error', category: F, specUrl: CDA_PAGES.documentReference,
    message: { fr: '{element} : « {found} », valeur {expected} attendue (profil TDDUI 1.1.0 {profile})', en: '{element}: "{found}", value {expected} expected (TDDUI 1.1.0 profile {profile})' } },
  { id: 'CDA-FHIR-005', severity: 'warning', category: F, specUrl: CDA_PAGES.documentReference,
    message: { fr: 'pièce jointe {attachment} : contentType « {contentType} » pour un document CDA (text/xml ou application/xml attendu)', en: 'attachment {attachment}: contentType "{contentType}" for a CDA document (text/xml or application/xml expected)' } },
];
