/**
 * FHIR engine — parsing and JSON representation (http://hl7.org/fhir/R4/json.html): syntax, duplicate keys,
 * null / empty values, arrays for repeating elements only, JSON types of primitives, `_x` primitive parts,
 * resourceType. Plain FHIR inputs (`tddui: false`) so that only the engine speaks.
 */
import { mutate, type Case } from './case.js';

const FHIR = { tddui: false };
const NARRATIVE = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Patient de test</div>' };
const BIRTH_TIME = 'http://hl7.org/fhir/StructureDefinition/patient-birthTime';

/** A small valid Patient (with narrative, so that dom-6 stays quiet). */
export function patient(): Record<string, any> {
  return {
    resourceType: 'Patient',
    text: NARRATIVE,
    active: true,
    name: [{ family: 'Martin', given: ['Claire', 'Anne'] }],
    gender: 'female',
    birthDate: '1980-04-12',
  };
}

const PATIENT_TEXT = JSON.stringify(patient(), null, 2);

export const FHIR_JSON_CASES: Case[] = [
  // --- syntax ---------------------------------------------------------------------------------
  {
    name: 'FHIR-PARSE-JSON : virgule finale avant « } »',
    input: '{\n  "resourceType": "Patient",\n  "active": true,\n}\n',
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PARSE-JSON', path: '(document)', severity: 'fatal' }],
  },
  {
    name: 'FHIR-PARSE-JSON : chaîne non terminée',
    input: '{\n  "resourceType": "Patient",\n  "gender": "female\n}',
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PARSE-JSON', path: '(document)', severity: 'fatal' }],
  },
  {
    name: 'FHIR-PARSE-JSON (positif) : le même document bien formé',
    input: PATIENT_TEXT,
    options: FHIR,
    clean: ['FHIR-PARSE-JSON', 'FHIR-JSON-DUPLICATE-KEY', 'FHIR-JSON-NULL', 'FHIR-JSON-EMPTY-STRING', 'FHIR-JSON-EMPTY-ARRAY',
      'FHIR-JSON-ARRAY-EXPECTED', 'FHIR-JSON-ARRAY-UNEXPECTED', 'FHIR-JSON-TYPE', 'FHIR-JSON-PRIMITIVE-EXTENSION', 'FHIR-RESOURCE-TYPE'],
  },

  // --- duplicate keys (JSON.parse keeps the last one silently) ----------------------------------
  {
    name: 'FHIR-JSON-DUPLICATE-KEY : propriété répétée à la racine',
    input: '{"resourceType": "Patient", "active": true, "active": false}',
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-DUPLICATE-KEY', path: 'Patient', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-DUPLICATE-KEY : propriété répétée dans un élément imbriqué',
    input: '{"resourceType": "Patient", "name": [{"family": "Martin"}, {"family": "Durand", "given": ["Paul"], "family": "Dupont"}]}',
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-DUPLICATE-KEY', path: 'Patient.name[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-DUPLICATE-KEY (positif) : même nom de propriété dans deux objets différents',
    input: '{"resourceType": "Patient", "name": [{"family": "Martin"}, {"family": "Durand"}]}',
    options: FHIR,
    clean: ['FHIR-JSON-DUPLICATE-KEY'],
  },

  // --- null, empty string, empty array -----------------------------------------------------------
  {
    name: 'FHIR-JSON-NULL : null pour un élément simple et dans un tableau',
    input: () => mutate(patient(), (p) => {
      p.active = null;
      p.name.push(null);
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-JSON-NULL', path: 'Patient.active', severity: 'error' },
      { ruleId: 'FHIR-JSON-NULL', path: 'Patient.name[1]', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-JSON-NULL (positif) : null aligné dans un tableau `_given` (seule place où null est permis)',
    input: () => mutate(patient(), (p) => {
      p.name[0]._given = [null, { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'CL' }] }];
    }),
    options: FHIR,
    clean: ['FHIR-JSON-NULL', 'FHIR-JSON-PRIMITIVE-EXTENSION'],
  },
  {
    name: 'FHIR-JSON-EMPTY-STRING : chaîne vide pour un code',
    input: () => mutate(patient(), (p) => { p.gender = ''; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-EMPTY-STRING', path: 'Patient.gender', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-EMPTY-STRING : chaîne vide dans un tableau de chaînes',
    input: () => mutate(patient(), (p) => { p.name[0].given[1] = ''; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-EMPTY-STRING', path: 'Patient.name[0].given[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-EMPTY-STRING (positif) : chaînes non vides',
    input: () => mutate(patient(), (p) => { p.name[0].text = 'Claire Martin'; }),
    options: FHIR,
    clean: ['FHIR-JSON-EMPTY-STRING'],
  },
  {
    name: 'FHIR-JSON-EMPTY-ARRAY : tableau vide',
    input: () => mutate(patient(), (p) => { p.telecom = []; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-EMPTY-ARRAY', path: 'Patient.telecom', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-EMPTY-ARRAY (positif) : élément répétable absent',
    input: () => mutate(patient(), (p) => { delete p.telecom; }),
    options: FHIR,
    clean: ['FHIR-JSON-EMPTY-ARRAY'],
  },

  // --- arrays ---------------------------------------------------------------------------------
  {
    name: 'FHIR-JSON-ARRAY-EXPECTED : élément répétable écrit comme un objet',
    input: () => mutate(patient(), (p) => { p.name = { family: 'Martin' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-ARRAY-EXPECTED', path: 'Patient.name', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-ARRAY-EXPECTED : primitive répétable écrite comme une chaîne',
    input: () => mutate(patient(), (p) => { p.name[0].given = 'Claire'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-ARRAY-EXPECTED', path: 'Patient.name[0].given', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-ARRAY-UNEXPECTED : élément non répétable écrit comme un tableau',
    input: () => mutate(patient(), (p) => { p.gender = ['female']; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-ARRAY-UNEXPECTED', path: 'Patient.gender', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-ARRAY-UNEXPECTED : objet non répétable écrit comme un tableau',
    input: () => mutate(patient(), (p) => { p.maritalStatus = [{ text: 'Mariée' }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-ARRAY-UNEXPECTED', path: 'Patient.maritalStatus', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-ARRAY-EXPECTED / -UNEXPECTED (positif) : tableaux exactement là où l’élément se répète',
    input: () => mutate(patient(), (p) => {
      p.telecom = [{ system: 'phone', value: '0102030405' }];
      p.maritalStatus = { text: 'Mariée' };
    }),
    options: FHIR,
    clean: ['FHIR-JSON-ARRAY-EXPECTED', 'FHIR-JSON-ARRAY-UNEXPECTED'],
  },

  // --- JSON types -----------------------------------------------------------------------------
  {
    name: 'FHIR-JSON-TYPE : booléen écrit comme une chaîne',
    input: () => mutate(patient(), (p) => { p.active = 'true'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-TYPE', path: 'Patient.active', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-TYPE : date écrite comme un nombre, chaîne écrite comme un nombre',
    input: () => mutate(patient(), (p) => {
      p.birthDate = 19800412;
      p.name[0].family = 42;
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-JSON-TYPE', path: 'Patient.birthDate', severity: 'error' },
      { ruleId: 'FHIR-JSON-TYPE', path: 'Patient.name[0].family', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-JSON-TYPE : type complexe écrit comme une chaîne',
    input: () => mutate(patient(), (p) => { p.maritalStatus = 'M'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-TYPE', path: 'Patient.maritalStatus', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-TYPE : entier écrit comme une chaîne (choix multipleBirthInteger)',
    input: () => mutate(patient(), (p) => { p.multipleBirthInteger = '2'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-TYPE', path: 'Patient.multipleBirthInteger', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-TYPE (positif) : chaque primitive avec son type JSON',
    input: () => mutate(patient(), (p) => {
      p.multipleBirthInteger = 2;
      p.maritalStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] };
    }),
    options: FHIR,
    clean: ['FHIR-JSON-TYPE'],
  },

  // --- `_x` parts of primitives ----------------------------------------------------------------
  {
    name: 'FHIR-JSON-PRIMITIVE-EXTENSION : `_given` de longueur différente de `given`',
    input: () => mutate(patient(), (p) => {
      p.name[0]._given = [{ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'CL' }] }];
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-PRIMITIVE-EXTENSION', path: 'Patient.name[0].given', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-PRIMITIVE-EXTENSION : `_birthDate` qui n’est pas un objet',
    input: () => mutate(patient(), (p) => { p._birthDate = 'inconnue'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-PRIMITIVE-EXTENSION', path: 'Patient.birthDate', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-PRIMITIVE-EXTENSION : `_given` objet au lieu d’un tableau',
    input: () => mutate(patient(), (p) => { p.name[0]._given = { id: 'g' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-JSON-PRIMITIVE-EXTENSION', path: 'Patient.name[0].given', severity: 'error' }],
  },
  {
    name: 'FHIR-JSON-PRIMITIVE-EXTENSION (positif) : `_birthDate` portant une extension valide (heure de naissance)',
    input: () => mutate(patient(), (p) => {
      p._birthDate = { extension: [{ url: BIRTH_TIME, valueDateTime: '1980-04-12T06:15:00+02:00' }] };
    }),
    options: FHIR,
    clean: ['FHIR-JSON-PRIMITIVE-EXTENSION', 'FHIR-EXT-CONTEXT', 'FHIR-EXT-UNKNOWN', 'FHIR-STRUCT-UNKNOWN'],
  },
  {
    name: 'FHIR-JSON-PRIMITIVE-EXTENSION (positif) : `_birthDate` sans `birthDate` (valeur absente, extension seule)',
    input: () => mutate(patient(), (p) => {
      delete p.birthDate;
      p._birthDate = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] };
    }),
    options: FHIR,
    clean: ['FHIR-JSON-PRIMITIVE-EXTENSION', 'FHIR-STRUCT-UNKNOWN', 'FHIR-INV-ele-1'],
  },

  // --- resourceType ---------------------------------------------------------------------------
  {
    name: 'FHIR-RESOURCE-TYPE : resourceType absent',
    input: { name: [{ family: 'Martin' }] },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-RESOURCE-TYPE', path: '(racine)', severity: 'error' }],
  },
  {
    name: 'FHIR-RESOURCE-TYPE : type de ressource inconnu',
    input: { resourceType: 'Patiente', name: [{ family: 'Martin' }] },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-RESOURCE-TYPE', path: 'Patiente', severity: 'error' }],
  },
  {
    name: 'FHIR-RESOURCE-TYPE : type abstrait (DomainResource) à la racine',
    input: { resourceType: 'DomainResource', text: NARRATIVE },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-RESOURCE-TYPE', path: 'DomainResource', severity: 'error' }],
  },
  {
    name: 'FHIR-RESOURCE-TYPE : ressource inconnue ou sans type dans des entrées de Bundle',
    input: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:5d2c9a0e-3b57-4f0e-9a0b-1c2d3e4f5a01', resource: { resourceType: 'Usager', id: 'u1' } },
        { fullUrl: 'urn:uuid:5d2c9a0e-3b57-4f0e-9a0b-1c2d3e4f5a02', resource: { id: 'u2' } },
      ],
    },
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-RESOURCE-TYPE', path: 'Bundle.entry[0].resource', severity: 'error' },
      { ruleId: 'FHIR-RESOURCE-TYPE', path: 'Bundle.entry[1].resource', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-RESOURCE-TYPE : ressource contenue de type inconnu',
    input: () => mutate(patient(), (p) => {
      p.contained = [{ resourceType: 'Etablissement', id: 'e1' }];
      p.managingOrganization = { reference: '#e1' };
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-RESOURCE-TYPE', path: 'Patient.contained[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-RESOURCE-TYPE (positif) : Bundle et ressource contenue de types connus',
    input: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{
        fullUrl: 'urn:uuid:5d2c9a0e-3b57-4f0e-9a0b-1c2d3e4f5a03',
        resource: mutate(patient(), (p) => {
          p.contained = [{ resourceType: 'Organization', id: 'e1', name: 'SSIAD Les Tilleuls' }];
          p.managingOrganization = { reference: '#e1' };
        }),
      }],
    },
    options: FHIR,
    clean: ['FHIR-RESOURCE-TYPE'],
  },
];
