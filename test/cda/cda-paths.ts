/** Indexed XPaths of ANS's example used by the mutation tables. */
export const DOC = '/cda:ClinicalDocument';
export const PR = `${DOC}/cda:recordTarget/cda:patientRole`;
export const BODY = `${DOC}/cda:component/cda:structuredBody`;
export const SEJ_SECTION = `${BODY}/cda:component[1]/cda:section`;
export const SEJOUR = `${SEJ_SECTION}/cda:entry/cda:organizer`;
export const EVT_SECTION = `${BODY}/cda:component[2]/cda:section`;
export const EVENT = `${EVT_SECTION}/cda:entry/cda:encounter`;

export const COUV_ENTRY = '<entry><act classCode="ACT" moodCode="DEF"><templateId root="1.2.250.1.213.1.1.3.61"/><code code="48768-6" codeSystem="2.16.840.1.113883.6.1"/><statusCode code="completed"/>'
  + '<entryRelationship typeCode="COMP"><act classCode="ACT" moodCode="EVN"><templateId root="1.2.250.1.213.1.1.3.94"/><code code="GEN-105" codeSystem="1.2.250.1.213.1.1.4.322"/>'
  + '<performer typeCode="PRF"><assignedEntity><id root="1.2.250.1.71.4.2.2" extension="1"/><representedOrganization><id root="1.2.250.1.71.4.2.2" extension="1"/></representedOrganization></assignedEntity></performer></act></entryRelationship></act></entry></section>';

export const STATUT_FN = `${BODY}/cda:component[3]/cda:section`;
export const GROUP1 = `${STATUT_FN}/cda:entry[1]/cda:organizer`;
export const GROUP2 = `${STATUT_FN}/cda:entry[2]/cda:organizer`;
export const EVAL1 = `${GROUP1}/cda:component/cda:observation`;
export const EVAL2 = `${GROUP2}/cda:component/cda:observation`;
export const DOCS = `${BODY}/cda:component[4]/cda:section`;
