/**
 * Tests as data: each row mutates ANS's example (first occurrence of `find` → `replace`) and names the
 * rule it must fire and the XPath of the finding. `version`/`example` select the 1.0.1 rule set/example.
 */
import { BODY_MUTATIONS } from './cda-mutations-body.js';
import { BODY, DOC, EVENT, EVT_SECTION, PR, SEJ_SECTION, SEJOUR } from './cda-paths.js';

export interface CdaMutation {
  rule: string;
  /** First match is replaced (examples are read without their XML comments). */
  find: string | RegExp;
  replace: string;
  path: string;
  example?: '1.1.0' | '1.0.1';
  version?: '1.1.0' | '1.0.1';
}

export const CDA_MUTATIONS: CdaMutation[] = [
  { rule: 'CDA-HDR-001', find: '<realmCode code="FR"/>', replace: '<realmCode code="BE"/>', path: `${DOC}/cda:realmCode` },
  { rule: 'CDA-HDR-002', find: 'extension="POCD_HD000040"', replace: 'extension="POCD_HD000041"', path: `${DOC}/cda:typeId` },
  { rule: 'CDA-HDR-003', find: '<templateId root="1.2.250.1.213.1.1.1.1"/>', replace: '', path: DOC },
  { rule: 'CDA-HDR-004', find: '<id root="1.2.250.2345.3245.13.58130.1"/>', replace: '<id extension="1"/>', path: `${DOC}/cda:id` },
  { rule: 'CDA-HDR-005', find: 'code="EXPORT_DUI"', replace: 'code="EXPORT_DLU"', path: `${DOC}/cda:code` },
  { rule: 'CDA-HDR-006', find: '<title>Document transfert de données DUI</title>', replace: '', path: DOC },
  { rule: 'CDA-HDR-007', find: '<effectiveTime value="20230414111500+0200"/>', replace: '<effectiveTime nullFlavor="UNK"/>', path: `${DOC}/cda:effectiveTime` },
  { rule: 'CDA-HDR-008', find: '<confidentialityCode code="N"', replace: '<confidentialityCode code="X"', path: `${DOC}/cda:confidentialityCode` },
  { rule: 'CDA-HDR-009', find: 'displayName="Normal"', replace: '', path: `${DOC}/cda:confidentialityCode` },
  { rule: 'CDA-HDR-010', find: '<languageCode code="fr-FR"/>', replace: '<languageCode code="french"/>', path: `${DOC}/cda:languageCode` },
  { rule: 'CDA-HDR-011', find: '<languageCode code="fr-FR"/>', replace: '<languageCode code="en-GB"/>', path: `${DOC}/cda:languageCode` },
  { rule: 'CDA-HDR-012', find: '<versionNumber value="1"/>', replace: '<versionNumber value="0"/>', path: DOC },
  { rule: 'CDA-HDR-013', find: '<structuredBody>', replace: '<structuredBody><!-- x --></structuredBody></component><component><structuredBody>', path: DOC },
  { rule: 'CDA-HDR-014', find: '<componentOf>', replace: '<relatedDocument typeCode="RPLC"><parentDocument><id root="1.2.3"/></parentDocument></relatedDocument><relatedDocument typeCode="RPLC"><parentDocument><id root="1.2.4"/></parentDocument></relatedDocument><componentOf>', path: DOC },
  { rule: 'CDA-HDR-015', find: '<recordTarget>', replace: '<recordTarget><patientRole><id root="1.2.3" extension="x"/></patientRole></recordTarget><recordTarget>', path: DOC },
  { rule: 'CDA-HDR-016', find: 'root="1.2.250.1.213.1.4.8"/>', replace: 'root="1.2.250.1.213.1.4.8"/><id root="1.2.250.1.213.1.4.13"/>', path: `${PR}/cda:id[2]` },
  { rule: 'CDA-PAT-001', find: '<given qualifier="BR">Jean</given>', replace: '', path: PR },
  { rule: 'CDA-PAT-002', find: 'extension="147720425367411"', replace: 'extension="1477204253674"', path: `${PR}/cda:id` },
  { rule: 'CDA-PAT-003', find: 'extension="147720425367411"', replace: 'extension="147720425367412"', path: `${PR}/cda:id` },
  { rule: 'CDA-PAT-004', find: '<administrativeGenderCode code="M"', replace: '<administrativeGenderCode code="F"', path: `${PR}/cda:id` },
  { rule: 'CDA-PAT-005', find: 'root="1.2.250.1.213.1.4.8"/>', replace: 'root="1.2.250.1.213.1.4.10"/>', path: `${PR}/cda:id` },
  { rule: 'CDA-PAT-006', find: '<family qualifier="CL">DUPONT</family>', replace: '<family qualifier="SP">DUPONT</family>', path: `${PR}/cda:patient/cda:name/cda:family[2]` },
  { rule: 'CDA-PAT-007', find: /<given>Jean Stéphane Patrick<\/given>[\s\S]*<given qualifier="CL">Jean<\/given>/, replace: '', path: `${PR}/cda:patient/cda:name` },
  { rule: 'CDA-PAT-008', find: /<sdtc:multipleBirthOrderNumber value="2"\/>([\s\S]*?)<county>63220<\/county>/, replace: '$1', path: `${PR}/cda:patient` },
  { rule: 'CDA-PAT-009', find: '<administrativeGenderCode code="M"', replace: '<administrativeGenderCode code="H"', path: `${PR}/cda:patient/cda:administrativeGenderCode` },
  { rule: 'CDA-PAT-010', find: '<administrativeGenderCode code="M"', replace: '<administrativeGenderCode nullFlavor="UNK"', path: `${PR}/cda:patient/cda:administrativeGenderCode` },
  { rule: 'CDA-AUT-001', find: '<custodian>', replace: '<author><time value="2023"/><assignedAuthor><id root="1.2.250.1.71.4.2.1" extension="a/b"/></assignedAuthor></author><custodian>', path: DOC },
  { rule: 'CDA-AUT-002', find: 'extension="3480787529/1453"/>', replace: 'nullFlavor="UNK"/>', path: `${DOC}/cda:author/cda:assignedAuthor/cda:id` },
  { rule: 'CDA-AUT-003', find: 'extension="3480787529/1453"/>', replace: 'extension="1453"/>', path: `${DOC}/cda:author/cda:assignedAuthor/cda:id` },
  { rule: 'CDA-AUT-004', find: '<code code="LOGICIEL_DUI"', replace: '<code code="LOGICIEL_DPI"', path: `${DOC}/cda:author/cda:assignedAuthor/cda:code` },
  { rule: 'CDA-AUT-005', find: '<manufacturerModelName>ANS</manufacturerModelName>', replace: '</assignedAuthoringDevice><assignedAuthoringDevice>', path: `${DOC}/cda:author/cda:assignedAuthor` },
  { rule: 'CDA-AUT-006', find: '<id root="1.2.250.1.71.4.2.2"', replace: '<id root="1.2.250.1.71.4.2.9"', path: `${DOC}/cda:author/cda:assignedAuthor` },
  { rule: 'CDA-AUT-007', find: '<time value="20230414103000+0200"/>', replace: '', path: `${DOC}/cda:author` },
  { rule: 'CDA-CUS-001', find: '<custodian>', replace: '<custodian><!-- --></custodian><custodian>', path: `${DOC}/cda:custodian[1]` },
  { rule: 'CDA-LEG-001', find: '<documentationOf>', replace: '<legalAuthenticator><time value="2023"/><signatureCode code="S"/><assignedEntity><id root="1.2.250.1.71.4.2.1"/></assignedEntity></legalAuthenticator><documentationOf>', path: DOC },
  { rule: 'CDA-LEG-002', find: /(<signatureCode code="S"\/>\s*<assignedEntity>\s*<id root=")1\.2\.250\.1\.71\.4\.2\.1/, replace: '$11.2.250.1.71.4.2.3', path: `${DOC}/cda:legalAuthenticator/cda:assignedEntity/cda:id` },
  { rule: 'CDA-LEG-003', find: /codeSystem="1\.2\.250\.1\.213\.1\.1\.4\.6"\/>(\s*<assignedPerson>)/, replace: 'codeSystem="1.2.250.1.213.1.1.4.7"/>$1', path: `${DOC}/cda:legalAuthenticator/cda:assignedEntity/cda:code` },
  { rule: 'CDA-LEG-004', find: /(<\/assignedPerson>\s*<representedOrganization>\s*<id root=")1\.2\.250\.1\.71\.4\.2\.2/, replace: '$11.2.250.1.71.4.2.1', path: `${DOC}/cda:legalAuthenticator/cda:assignedEntity/cda:representedOrganization/cda:id` },
  { rule: 'CDA-LEG-005', find: '<signatureCode code="S"/>', replace: '<signatureCode code="X"/>', path: `${DOC}/cda:legalAuthenticator` },
  { rule: 'CDA-DOF-001', find: /<performer typeCode="PRF">(\s*<assignedEntity>\s*<id root="1\.2\.250\.1\.71\.4\.2\.1"\s*extension="3480787529\/1453"\/>[\s\S]*?<\/assignedEntity>\s*)<\/performer>/, replace: '<x:performer xmlns:x="urn:other">$1</x:performer>', path: DOC },
  { rule: 'CDA-DOF-002', find: /<serviceEvent>\s*<effectiveTime>[\s\S]*?<\/effectiveTime>/, replace: '<serviceEvent>', path: `${DOC}/cda:documentationOf/cda:serviceEvent` },
  { rule: 'CDA-DOF-003', find: /(<serviceEvent>[\s\S]*?<assignedEntity>\s*<id root=")1\.2\.250\.1\.71\.4\.2\.1/, replace: '$11.2.250.1.71.4.2.2', path: `${DOC}/cda:documentationOf/cda:serviceEvent/cda:performer/cda:assignedEntity` },
  { rule: 'CDA-DOF-004', find: '<standardIndustryClassCode code="ESSMS"', replace: '<standardIndustryClassCode code="ES"', path: `${DOC}/cda:documentationOf/cda:serviceEvent/cda:performer/cda:assignedEntity` },
  { rule: 'CDA-DOF-005', find: '<serviceEvent>', replace: '<serviceEvent><code code="X"/>', path: `${DOC}/cda:documentationOf/cda:serviceEvent/cda:code` },
  { rule: 'CDA-PRF-001', find: '<id root="1.2.250.1.71.4.2.2" extension="480787529" />', replace: '', path: `${EVENT}/cda:performer/cda:assignedEntity/cda:representedOrganization` },
  { rule: 'CDA-ENC-001', find: '<encompassingEncounter>', replace: '<encompassingEncounter><effectiveTime/>', path: DOC },
  { rule: 'CDA-ENC-002', find: '<code code="SA41"', replace: '<code code="SA40"', path: `${DOC}/cda:componentOf/cda:encompassingEncounter/cda:location/cda:healthCareFacility/cda:code` },
  { rule: 'CDA-ENC-003', find: '<translation code="354"', replace: '<translation code="209" codeSystem="1.2.250.1.213.1.6.1.8"/><translation code="354"', path: `${DOC}/cda:componentOf/cda:encompassingEncounter/cda:location/cda:healthCareFacility/cda:code` },
  { rule: 'CDA-ENC-004', find: '<translation code="354"', replace: '<translation code="999"', path: `${DOC}/cda:componentOf/cda:encompassingEncounter/cda:location/cda:healthCareFacility/cda:code/cda:translation` },
  { rule: 'CDA-GEN-001', find: '<prefix>MME</prefix>', replace: '<prefix>Mlle</prefix>', path: `${EVENT}/cda:performer/cda:assignedEntity/cda:assignedPerson/cda:name/cda:prefix` },
  { rule: 'CDA-GEN-002', find: '<prefix>MME</prefix>', replace: '<prefix>MME</prefix><suffix>DOC</suffix>', path: `${EVENT}/cda:performer/cda:assignedEntity/cda:assignedPerson/cda:name/cda:suffix` },
  { rule: 'CDA-GEN-003', find: /<addr>(\s*<houseNumber>12)/, replace: '<telecom value="0612345678"/><addr>$1', path: `${PR}/cda:telecom` },
  { rule: 'CDA-GEN-004', find: /<addr>(\s*<houseNumber>12)/, replace: '<telecom use="XX" value="tel:0612345678"/><addr>$1', path: `${PR}/cda:telecom` },
  { rule: 'CDA-GEN-005', find: /<addr>(\s*<houseNumber>12)/, replace: '<addr use="PST">$1', path: `${PR}/cda:addr` },
  { rule: 'CDA-GEN-006', find: '<custodian>', replace: '<informant><relatedEntity classCode="XYZ"/></informant><custodian>', path: `${DOC}/cda:informant/cda:relatedEntity` },
  { rule: 'CDA-GEN-007', find: '<documentationOf>', replace: '<participant typeCode="IND"><associatedEntity classCode="ECON"/></participant><documentationOf>', path: `${DOC}/cda:participant/cda:associatedEntity` },
  { rule: 'CDA-GEN-008', find: '<custodian>', replace: '<informant><assignedEntity><id root="1.2.3"/></assignedEntity></informant><custodian>', path: `${DOC}/cda:informant/cda:assignedEntity/cda:id` },
  // Body
  { rule: 'CDA-SEC-001', find: '<templateId root="1.2.250.1.213.1.1.2.248" />', replace: '<templateId root="1.2.250.1.213.1.1.2.249" />', path: BODY },
  { rule: 'CDA-SEC-002', find: '<templateId root="1.2.250.1.213.1.1.2.249"/>', replace: '<templateId root="1.2.250.1.213.1.1.2.79"/>', path: SEJ_SECTION },
  { rule: 'CDA-SEC-003', find: 'code="GEN-362"', replace: 'code="GEN-363"', path: SEJ_SECTION },
  { rule: 'CDA-SEC-004', find: '<code code="89793-4"', replace: '<code code="89793-5"', path: EVT_SECTION },
  { rule: 'CDA-SEC-005', find: '<templateId root="2.16.840.1.113883.10.22.3.8"/>', replace: '', path: `${BODY}/cda:component[3]/cda:section` },
  { rule: 'CDA-SEC-006', find: /(<templateId root="1\.2\.250\.1\.213\.1\.1\.2\.37"\/>[\s\S]*?<code code=")55107-7/, replace: '$155107-8', path: `${BODY}/cda:component[4]/cda:section` },
  { rule: 'CDA-SEC-007', find: /<entry>\s*<organizer classCode="CLUSTER" moodCode="EVN">\s*<templateId root="1\.2\.250\.1\.213\.1\.1\.3\.219"\/>[\s\S]*?<\/organizer>\s*<\/entry>/, replace: '', path: SEJ_SECTION },
  { rule: 'CDA-SEC-008', find: '<reference value="#modaliteE"/>', replace: '<reference value="#modaliteX"/>', path: `${SEJOUR}/cda:component[2]/cda:observation/cda:text/cda:reference` },
  ...BODY_MUTATIONS,
];
