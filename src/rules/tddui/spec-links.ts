/** Official pages the TDDUI rules point to (2.4.0-ballot, French rendering). */
export const TDDUI_IG = 'https://interop.esante.gouv.fr/ig/fhir/tddui/2.4.0-ballot';
export const FLOW_PAGE = `${TDDUI_IG}/description_flux_1_transmission_donnees_dui.html`;
export const FR_CORE_IG = 'https://hl7.fr/ig/fhir/core/2.1.0';
export const profilePage = (id: string) => `${TDDUI_IG}/StructureDefinition-${id}.html`;
export const frCorePage = (id: string) => `${FR_CORE_IG}/StructureDefinition-${id}.html`;
/** FR Core INS patient profile: INS slices and OIDs, required traits, invariant fr-core-1. */
export const INS_PAGE = frCorePage('fr-core-patient-ins');
