/** Pages of the TDDUI 1.1.0 guide (CDA content) that the CDA rules link to. */
const IG = 'https://interop.esante.gouv.fr/ig/fhir/tddui/1.1.0';

export const CDA_PAGES = {
  header: `${IG}/contenu_dossier_entete_cda.html`,
  body: `${IG}/contenu_dossier_corps_cda.html`,
  structure: `${IG}/contenu_dossier_structure_cda.html`,
  sejour: `${IG}/contenu_sejour.html`,
  evenement: `${IG}/contenu_evenement.html`,
  couvertures: `${IG}/contenu_couvertures.html`,
  evaluation: `${IG}/contenu_evaluation.html`,
  documents: `${IG}/contenu_documents_ajoutes.html`,
  transversal: `${IG}/contenu_elements_transversaux.html`,
  valueSets: `${IG}/terminology_cda.html`,
  resources: `${IG}/ressources_cda.html`,
  flows: `${IG}/description_flux.html`,
  documentReference: `${IG}/StructureDefinition-tddui-documentreference.html`,
  bundle: `${IG}/StructureDefinition-tddui-bundle.html`,
} as const;
