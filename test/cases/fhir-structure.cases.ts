/**
 * FHIR engine — structure (unknown elements, choice types), primitive values (http://hl7.org/fhir/R4/datatypes.html),
 * narrative XHTML (narrative.html#xhtml) and invariants (conformance-rules.html#constraints): the native ones
 * (ele-1, ext-1, ref-1, bdl-7) and those evaluated by fhirpath.js (dom-*, per-1, qty-3, bdl-3, bdl-8, pat-1, obs-6).
 */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';
import { patient } from './fhir-json.cases.js';

const FHIR = { tddui: false };
const NARRATIVE = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Observation de test</div>' };
const UCUM = 'http://unitsofmeasure.org';
const u = (n: number) => `urn:uuid:7c1e2f0a-4b6d-4e8f-9a1b-2c3d4e5f60${String(n).padStart(2, '0')}`;

function observation(): Record<string, any> {
  return {
    resourceType: 'Observation',
    text: NARRATIVE,
    status: 'final',
    code: { text: 'Poids' },
    effectiveDateTime: '2023-05-01T10:00:00+02:00',
    valueQuantity: { value: 62.5, unit: 'kg', system: UCUM, code: 'kg' },
  };
}

/** A Patient with one contained Organization, referenced (dom-3 satisfied). */
function withContained(change?: (org: Record<string, any>) => void): Record<string, any> {
  return mutate(patient(), (p) => {
    const org: Record<string, any> = { resourceType: 'Organization', id: 'org1', name: 'SSIAD Les Tilleuls' };
    change?.(org);
    p.contained = [org];
    p.managingOrganization = { reference: '#org1' };
  });
}

function basicEntry(n: number, extra: Record<string, any> = {}): Record<string, any> {
  return { fullUrl: u(n), resource: { resourceType: 'Basic', text: NARRATIVE, code: { text: 'note' } }, ...extra };
}

function div(inner: string): string {
  return `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;
}

const withDiv = (xhtml: string) => mutate(patient(), (p) => { p.text = { status: 'generated', div: xhtml }; });

export const FHIR_STRUCTURE_CASES: Case[] = [
  // --- unknown elements ---------------------------------------------------------------------------
  {
    name: 'FHIR-STRUCT-UNKNOWN : propriété inconnue à la racine',
    input: () => mutate(patient(), (p) => { p.sexe = 'F'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-STRUCT-UNKNOWN', path: 'Patient.sexe', severity: 'error' }],
  },
  {
    name: 'FHIR-STRUCT-UNKNOWN : propriété inconnue dans un type de données',
    input: () => mutate(patient(), (p) => { p.name[0].famly = 'Martin'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-STRUCT-UNKNOWN', path: 'Patient.name[0].famly', severity: 'error' }],
  },
  {
    name: 'FHIR-STRUCT-UNKNOWN : propriété inconnue dans un élément de structure (backbone)',
    input: () => mutate(patient(), (p) => { p.contact = [{ name: { family: 'Martin' }, lien: 'fille' }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-STRUCT-UNKNOWN', path: 'Patient.contact[0].lien', severity: 'error' }],
  },
  {
    name: 'FHIR-STRUCT-UNKNOWN : propriété inconnue dans une ressource contenue',
    input: () => withContained((org) => { org.nom = 'SSIAD'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-STRUCT-UNKNOWN', path: 'Patient.contained[0].nom', severity: 'error' }],
  },
  {
    name: 'FHIR-STRUCT-UNKNOWN (positif) : ressource contenue, backbone et types de données connus',
    input: () => mutate(withContained(), (p) => { p.contact = [{ name: { family: 'Martin' } }]; }),
    options: FHIR,
    clean: ['FHIR-STRUCT-UNKNOWN'],
  },

  // --- choice types ---------------------------------------------------------------------------
  {
    name: 'FHIR-STRUCT-CHOICE-MULTIPLE : deceasedBoolean et deceasedDateTime ensemble',
    input: () => mutate(patient(), (p) => {
      p.deceasedBoolean = true;
      p.deceasedDateTime = '2023-01-05';
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-STRUCT-CHOICE-MULTIPLE', path: 'Patient.deceased[x]', severity: 'error' }],
  },
  {
    name: 'FHIR-STRUCT-CHOICE-MULTIPLE (positif) : un seul type pour deceased[x]',
    input: () => mutate(patient(), (p) => { p.deceasedDateTime = '2023-01-05'; }),
    options: FHIR,
    clean: ['FHIR-STRUCT-CHOICE-MULTIPLE', 'FHIR-STRUCT-TYPE'],
  },
  {
    name: 'FHIR-STRUCT-TYPE : type hors de la définition R4 (deceasedString)',
    input: () => mutate(patient(), (p) => { p.deceasedString = 'oui'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-STRUCT-TYPE', path: 'Patient.deceasedString', severity: 'error' }],
  },
  {
    name: 'FHIR-STRUCT-TYPE : type que le profil TDDUI interdit (tddui-observation-mobilite-usager : value[x] = CodeableConcept)',
    needsSpec: true,
    input: () => mutate(example<Record<string, any>>('Observation-tddui-observation-mobilite-usager-example.json'), (o) => {
      delete o.valueCodeableConcept;
      o.valueString = 'VSL';
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-STRUCT-TYPE', path: 'Observation.valueString', severity: 'error' }],
  },
  {
    name: 'FHIR-STRUCT-TYPE (positif) : exemple officiel tddui-observation-mobilite-usager (valueCodeableConcept)',
    needsSpec: true,
    input: () => example('Observation-tddui-observation-mobilite-usager-example.json'),
    options: FHIR,
    clean: ['FHIR-STRUCT-TYPE', 'FHIR-STRUCT-UNKNOWN'],
  },
  {
    name: 'FHIR-STRUCT-TYPE (positif) : valueString permis par la définition de base (sans profil)',
    input: () => mutate(example<Record<string, any>>('Observation-tddui-observation-mobilite-usager-example.json'), (o) => {
      delete o.meta;
      delete o.valueCodeableConcept;
      o.valueString = 'VSL';
    }),
    needsSpec: true,
    options: FHIR,
    clean: ['FHIR-STRUCT-TYPE'],
  },

  // --- primitive formats ------------------------------------------------------------------------
  {
    name: 'FHIR-PRIM-FORMAT : date (mois sur un chiffre)',
    input: () => mutate(patient(), (p) => { p.birthDate = '1980-4-12'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-FORMAT', path: 'Patient.birthDate', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-FORMAT : dateTime avec heure mais sans fuseau horaire',
    input: () => mutate(observation(), (o) => { o.effectiveDateTime = '2023-05-01T10:00:00'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-FORMAT', path: 'Observation.effectiveDateTime', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-FORMAT : instant sans heure',
    input: () => mutate(patient(), (p) => { p.meta = { lastUpdated: '2023-05-01' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-FORMAT', path: 'Patient.meta.lastUpdated', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-FORMAT : time sans secondes, et heure 25',
    input: () => mutate(observation(), (o) => {
      delete o.valueQuantity;
      o.valueTime = '10:00';
      o.component = [{ code: { text: 'fin' }, valueTime: '25:00:00' }];
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-PRIM-FORMAT', path: 'Observation.valueTime', severity: 'error' },
      { ruleId: 'FHIR-PRIM-FORMAT', path: 'Observation.component[0].valueTime', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-PRIM-FORMAT : id avec un caractère interdit',
    input: () => mutate(patient(), (p) => { p.id = 'patient_1'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-FORMAT', path: 'Patient.id', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-FORMAT : oid (composant commençant par 0) et uuid en majuscules',
    input: {
      resourceType: 'Parameters',
      parameter: [
        { name: 'oid', valueOid: 'urn:oid:1.2.250.01' },
        { name: 'uuid', valueUuid: 'urn:uuid:7C1E2F0A-4B6D-4E8F-9A1B-2C3D4E5F6001' },
      ],
    },
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-PRIM-FORMAT', path: 'Parameters.parameter[0].valueOid', severity: 'error' },
      { ruleId: 'FHIR-PRIM-FORMAT', path: 'Parameters.parameter[1].valueUuid', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-PRIM-FORMAT : code contenant deux espaces consécutifs',
    input: () => mutate(patient(), (p) => { p.meta = { tag: [{ system: 'http://example.org/tags', code: 'a  b' }] }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-FORMAT', path: 'Patient.meta.tag[0].code', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-FORMAT : uri et url contenant une espace',
    input: () => mutate(patient(), (p) => {
      p.identifier = [{ system: 'urn:mon systeme', value: '1' }];
      p.photo = [{ contentType: 'image/png', url: 'https://example.org/photo 1.png' }];
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-PRIM-FORMAT', path: 'Patient.identifier[0].system', severity: 'error' },
      { ruleId: 'FHIR-PRIM-FORMAT', path: 'Patient.photo[0].url', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-PRIM-FORMAT : integer non entier',
    input: () => mutate(observation(), (o) => {
      delete o.valueQuantity;
      o.valueInteger = 2.5;
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-FORMAT', path: 'Observation.valueInteger', severity: 'error' }],
  },
  {
    // json.html: numbers are JSON numbers; a quoted number is a representation error (FHIR-JSON-TYPE), not a format one.
    name: 'FHIR-JSON-TYPE : decimal et integer écrits comme des chaînes',
    input: () => mutate(observation(), (o) => {
      o.valueQuantity.value = '62.5';
      o.component = [{ code: { text: 'rang' }, valueInteger: '3' }];
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-JSON-TYPE', path: 'Observation.valueQuantity.value', severity: 'error' },
      { ruleId: 'FHIR-JSON-TYPE', path: 'Observation.component[0].valueInteger', severity: 'error' },
    ],
    clean: ['FHIR-PRIM-FORMAT'],
  },
  {
    name: 'FHIR-PRIM-FORMAT : base64Binary invalide',
    input: () => mutate(patient(), (p) => { p.photo = [{ contentType: 'image/png', data: 'abc' }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-FORMAT', path: 'Patient.photo[0].data', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-FORMAT (positif) : une valeur valide de chaque famille',
    input: {
      resourceType: 'Parameters',
      id: 'params-1.a',
      meta: { lastUpdated: '2023-05-01T10:00:00.123Z', tag: [{ system: 'http://example.org/tags', code: 'a b' }] },
      parameter: [
        { name: 'date', valueDate: '1980-04' },
        { name: 'dateTime', valueDateTime: '2023-05-01T10:00:00+02:00' },
        { name: 'dateTime-jour', valueDateTime: '2023-05-01' },
        { name: 'time', valueTime: '10:00:00.5' },
        { name: 'oid', valueOid: 'urn:oid:1.2.250.1.71.4.2.2' },
        { name: 'uuid', valueUuid: 'urn:uuid:7c1e2f0a-4b6d-4e8f-9a1b-2c3d4e5f6001' },
        { name: 'uri', valueUri: 'urn:oid:1.2.250.1.213.1.4.8' },
        { name: 'url', valueUrl: 'https://example.org/photo%201.png' },
        { name: 'integer', valueInteger: -12 },
        { name: 'decimal', valueDecimal: 1.5e3 },
        { name: 'base64', valueBase64Binary: 'aGVsbG8=' },
        { name: 'id', valueId: 'a-b.1' },
      ],
    },
    options: FHIR,
    clean: ['FHIR-PRIM-FORMAT', 'FHIR-PRIM-DATE', 'FHIR-PRIM-RANGE', 'FHIR-JSON-TYPE'],
  },

  // --- calendar dates and ranges ------------------------------------------------------------------
  {
    name: 'FHIR-PRIM-DATE : 30 février (dateTime) et 29 février d’une année non bissextile (date)',
    input: () => mutate(observation(), (o) => {
      o.effectiveDateTime = '2023-02-30';
      o.issued = '2023-02-29T10:00:00Z';
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-PRIM-DATE', path: 'Observation.effectiveDateTime', severity: 'error' },
      { ruleId: 'FHIR-PRIM-DATE', path: 'Observation.issued', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-PRIM-DATE : 29 février 2023 (date de naissance)',
    input: () => mutate(patient(), (p) => { p.birthDate = '2023-02-29'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-DATE', path: 'Patient.birthDate', severity: 'error' }],
    clean: ['FHIR-PRIM-FORMAT'],
  },
  {
    name: 'FHIR-PRIM-DATE (positif) : 29 février 2024 (année bissextile)',
    input: () => mutate(patient(), (p) => { p.birthDate = '2024-02-29'; }),
    options: FHIR,
    clean: ['FHIR-PRIM-DATE', 'FHIR-PRIM-FORMAT'],
  },
  {
    name: 'FHIR-PRIM-RANGE : integer 2147483648, positiveInt 0, unsignedInt -1',
    input: () => mutate(observation(), (o) => {
      delete o.valueQuantity;
      delete o.effectiveDateTime;
      o.valueInteger = 2147483648;
      o.effectiveTiming = { repeat: { count: 0, period: 1, periodUnit: 'd' } };
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-PRIM-RANGE', path: 'Observation.valueInteger', severity: 'error' },
      { ruleId: 'FHIR-PRIM-RANGE', path: 'Observation.effectiveTiming.repeat.count', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-PRIM-RANGE : unsignedInt négatif (taille d’une pièce jointe)',
    input: () => mutate(patient(), (p) => { p.photo = [{ contentType: 'image/png', size: -1 }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-RANGE', path: 'Patient.photo[0].size', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-RANGE (positif) : bornes atteintes (2147483647, positiveInt 1, unsignedInt 0)',
    input: () => mutate(observation(), (o) => {
      delete o.valueQuantity;
      delete o.effectiveDateTime;
      o.valueInteger = 2147483647;
      o.effectiveTiming = { repeat: { count: 1, period: 1, periodUnit: 'd' } };
    }),
    options: FHIR,
    clean: ['FHIR-PRIM-RANGE'],
  },
  {
    name: 'FHIR-PRIM-RANGE (positif) : unsignedInt 0',
    input: () => mutate(patient(), (p) => { p.photo = [{ contentType: 'image/png', size: 0 }]; }),
    options: FHIR,
    clean: ['FHIR-PRIM-RANGE'],
  },

  // --- whitespace and length --------------------------------------------------------------------
  {
    name: 'FHIR-PRIM-WHITESPACE : espaces en début et fin de chaîne',
    input: () => mutate(patient(), (p) => { p.name[0].family = ' Martin '; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-WHITESPACE', path: 'Patient.name[0].family', severity: 'warning' }],
  },
  {
    name: 'FHIR-PRIM-WHITESPACE (positif) : espace à l’intérieur seulement',
    input: () => mutate(patient(), (p) => { p.name[0].family = 'Martin Durand'; }),
    options: FHIR,
    clean: ['FHIR-PRIM-WHITESPACE'],
  },
  {
    // R4 string.value carries maxLength 1048576 (datatypes.html#string: strings SHALL NOT exceed 1 MB).
    name: 'FHIR-PRIM-LENGTH : chaîne de plus de 1 048 576 caractères (maxLength de string.value)',
    input: () => mutate(patient(), (p) => { p.name[0].text = 'x'.repeat(1048577); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-LENGTH', path: 'Patient.name[0].text', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-LENGTH : ligne d’adresse trop longue pour tddui-patient (maxLength déroulé Patient.address.line.value)',
    needsSpec: true,
    input: () => mutate(example<Record<string, any>>('Patient-tddui-patient-example.json'), (p) => {
      p.address = [{ line: ['y'.repeat(1048577)], city: 'Paris' }];
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-LENGTH', path: 'Patient.address[0].line[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-PRIM-LENGTH (positif) : chaîne d’exactement 1 048 576 caractères',
    input: () => mutate(patient(), (p) => { p.name[0].text = 'x'.repeat(1048576); }),
    options: FHIR,
    clean: ['FHIR-PRIM-LENGTH'],
  },

  // --- narrative ------------------------------------------------------------------------------
  {
    name: 'FHIR-NARRATIVE : élément <script>',
    input: () => withDiv(div('<p>Claire Martin</p><script>alert(1)</script>')),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE : attribut d’événement (onclick)',
    input: () => withDiv(div('<p onclick="go()">Claire Martin</p>')),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE : racine <p> au lieu de <div>',
    input: () => withDiv('<p xmlns="http://www.w3.org/1999/xhtml">Claire Martin</p>'),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE : <div> hors de l’espace de noms XHTML',
    input: () => withDiv('<div>Claire Martin</div>'),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE : narratif sans contenu (txt-2)',
    input: () => withDiv(div('  <p> </p> ')),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE : déclaration DOCTYPE',
    input: () => withDiv(`<!DOCTYPE div>${div('Claire Martin')}`),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE : DOCTYPE déclarant une entité, utilisée dans le div (jamais développée)',
    input: () => withDiv(`<!DOCTYPE div [<!ENTITY nom "Claire Martin">]>${div('&nom;')}`),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE : XHTML mal formé',
    input: () => withDiv(div('<p>Claire Martin')),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-NARRATIVE', path: 'Patient.text.div', severity: 'error' }],
  },
  {
    name: 'FHIR-NARRATIVE (positif) : XHTML de base, entités XML et numériques, image seule',
    input: () => mutate(withDiv(div('<p><b>Claire</b> Martin &lt;1980&gt; &#233;</p><table><tr><td>a</td></tr></table>')), (p) => {
      p.contained = [{ resourceType: 'Organization', id: 'o', name: 'x', text: { status: 'generated', div: div('<img src="#logo" alt=""/>') } }];
      p.managingOrganization = { reference: '#o' };
    }),
    options: FHIR,
    clean: ['FHIR-NARRATIVE'],
  },

  // --- native invariants ----------------------------------------------------------------------
  {
    name: 'FHIR-INV-ele-1 : objet vide',
    input: () => mutate(patient(), (p) => { p.maritalStatus = {}; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-ele-1', path: 'Patient.maritalStatus', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-ele-1 : élément portant seulement un id',
    input: () => mutate(patient(), (p) => { p.maritalStatus = { id: 'ms1' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-ele-1', path: 'Patient.maritalStatus', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-ele-1 (positif) : élément avec un contenu',
    input: () => mutate(patient(), (p) => { p.maritalStatus = { id: 'ms1', text: 'Mariée' }; }),
    options: FHIR,
    clean: ['FHIR-INV-ele-1'],
  },
  {
    name: 'FHIR-INV-ext-1 : extension avec une valeur et des sous-extensions',
    input: () => mutate(patient(), (p) => {
      p.extension = [{
        url: 'http://hl7.org/fhir/StructureDefinition/patient-nationality',
        valueCode: 'FR',
        extension: [{ url: 'code', valueCodeableConcept: { text: 'française' } }],
      }];
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-ext-1', path: 'Patient.extension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-ext-1 : extension ni valeur ni sous-extension',
    input: () => mutate(patient(), (p) => { p.extension = [{ url: 'http://example.org/fhir/StructureDefinition/vide', id: 'e1' }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-ext-1', path: 'Patient.extension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-ext-1 (positif) : extension complexe à sous-extensions seulement',
    input: () => mutate(patient(), (p) => {
      p.extension = [{
        url: 'http://hl7.org/fhir/StructureDefinition/patient-nationality',
        extension: [{ url: 'code', valueCodeableConcept: { text: 'française' } }],
      }];
    }),
    options: FHIR,
    clean: ['FHIR-INV-ext-1'],
  },
  {
    name: 'FHIR-INV-ref-1 : référence locale vers une ressource contenue absente',
    input: () => mutate(withContained(), (p) => { p.managingOrganization = { reference: '#org2' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-ref-1', path: 'Patient.managingOrganization', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-ref-1 (positif) : référence locale vers la ressource contenue',
    input: () => withContained(),
    options: FHIR,
    clean: ['FHIR-INV-ref-1', 'FHIR-INV-dom-3'],
  },

  // --- DomainResource invariants (fhirpath.js) ----------------------------------------------------
  {
    name: 'FHIR-INV-dom-2 : ressource contenue qui contient elle-même une ressource',
    input: () => withContained((org) => {
      org.contained = [{ resourceType: 'Organization', id: 'org2', name: 'Siège' }];
      org.partOf = { reference: '#org2' };
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-dom-2', path: 'Patient', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-dom-3 : ressource contenue référencée nulle part',
    input: () => mutate(withContained(), (p) => { delete p.managingOrganization; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-dom-3', path: 'Patient', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-dom-3 (positif) : ressource contenue désignée par un canonical (#q) ou qui référence son conteneur (#)',
    input: {
      resourceType: 'QuestionnaireResponse',
      text: NARRATIVE,
      status: 'in-progress',
      questionnaire: '#q',
      contained: [
        { resourceType: 'Questionnaire', id: 'q', name: 'Q', status: 'active', item: [{ linkId: 'a', type: 'string' }] },
        { resourceType: 'RelatedPerson', id: 'rp', patient: { reference: '#' } },
      ],
    },
    options: FHIR,
    clean: ['FHIR-INV-dom-3', 'FHIR-INV-ERROR'],
  },
  {
    name: 'FHIR-INV-dom-4 : ressource contenue avec meta.versionId et meta.lastUpdated',
    input: () => withContained((org) => { org.meta = { versionId: '3', lastUpdated: '2023-05-01T10:00:00Z' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-dom-4', path: 'Patient', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-dom-5 : ressource contenue avec meta.security',
    input: () => withContained((org) => {
      org.meta = { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] };
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-dom-5', path: 'Patient', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-dom-2/3/4/5 (positif) : ressource contenue simple, référencée, avec meta.profile seulement',
    input: () => withContained((org) => { org.meta = { profile: ['http://hl7.org/fhir/StructureDefinition/Organization'] }; }),
    options: FHIR,
    clean: ['FHIR-INV-dom-2', 'FHIR-INV-dom-3', 'FHIR-INV-dom-4', 'FHIR-INV-dom-5', 'FHIR-INV-ERROR'],
  },
  {
    name: 'FHIR-INV-dom-6 : ressource sans narratif (bonne pratique : avertissement)',
    input: () => mutate(patient(), (p) => { delete p.text; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-dom-6', path: 'Patient', severity: 'warning' }],
  },
  {
    name: 'FHIR-INV-dom-6 (positif) : ressource avec narratif',
    input: patient,
    options: FHIR,
    clean: ['FHIR-INV-dom-6'],
  },

  // --- data type and resource invariants (fhirpath.js) ---------------------------------------------
  {
    name: 'FHIR-INV-per-1 : période dont le début suit la fin',
    input: () => mutate(patient(), (p) => { p.name[0].period = { start: '2020-01-02', end: '2020-01-01' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-per-1', path: 'Patient.name[0].period', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-per-1 (positif) : début avant la fin, ou fin absente',
    input: () => mutate(patient(), (p) => {
      p.name[0].period = { start: '2020-01-01', end: '2020-01-02' };
      p.address = [{ city: 'Paris', period: { start: '2020-01-01' } }];
    }),
    options: FHIR,
    clean: ['FHIR-INV-per-1'],
  },
  {
    name: 'FHIR-INV-qty-3 : code d’unité sans système',
    input: () => mutate(observation(), (o) => { delete o.valueQuantity.system; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-qty-3', path: 'Observation.valueQuantity', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-qty-3 (positif) : code d’unité avec son système',
    input: observation,
    options: FHIR,
    clean: ['FHIR-INV-qty-3'],
  },
  {
    name: 'FHIR-INV-obs-6 : dataAbsentReason avec une valeur',
    input: () => mutate(observation(), (o) => { o.dataAbsentReason = { text: 'non mesuré' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-obs-6', path: 'Observation', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-obs-6 (positif) : dataAbsentReason sans valeur',
    input: () => mutate(observation(), (o) => {
      delete o.valueQuantity;
      o.dataAbsentReason = { text: 'non mesuré' };
    }),
    options: FHIR,
    clean: ['FHIR-INV-obs-6'],
  },
  {
    name: 'FHIR-INV-pat-1 : contact sans nom, télécom, adresse ni organisation',
    input: () => mutate(patient(), (p) => { p.contact = [{ gender: 'male' }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-pat-1', path: 'Patient.contact[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-pat-1 (positif) : contact avec un nom',
    input: () => mutate(patient(), (p) => { p.contact = [{ gender: 'male', name: { family: 'Martin' } }]; }),
    options: FHIR,
    clean: ['FHIR-INV-pat-1'],
  },

  // --- Bundle invariants ------------------------------------------------------------------------
  {
    name: 'FHIR-INV-bdl-3 : entrée avec request dans un Bundle collection',
    input: { resourceType: 'Bundle', type: 'collection', entry: [basicEntry(1, { request: { method: 'POST', url: 'Basic' } })] },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-bdl-3', path: 'Bundle', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-bdl-3 : entrée sans request dans un Bundle transaction',
    input: { resourceType: 'Bundle', type: 'transaction', entry: [basicEntry(1)] },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-bdl-3', path: 'Bundle', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-bdl-3 (positif) : transaction dont chaque entrée a sa requête',
    input: { resourceType: 'Bundle', type: 'transaction', entry: [basicEntry(1, { request: { method: 'POST', url: 'Basic' } })] },
    options: FHIR,
    clean: ['FHIR-INV-bdl-3'],
  },
  {
    name: 'FHIR-INV-bdl-7 : deux entrées de même fullUrl',
    input: { resourceType: 'Bundle', type: 'collection', entry: [basicEntry(1), basicEntry(1)] },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-bdl-7', path: 'Bundle', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-bdl-7 (positif) : fullUrl distincts',
    input: { resourceType: 'Bundle', type: 'collection', entry: [basicEntry(1), basicEntry(2)] },
    options: FHIR,
    clean: ['FHIR-INV-bdl-7'],
  },
  {
    name: 'FHIR-INV-bdl-8 : fullUrl désignant une version (/_history/)',
    input: { resourceType: 'Bundle', type: 'collection', entry: [basicEntry(1, { fullUrl: 'https://example.org/fhir/Basic/1/_history/2' })] },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-bdl-8', path: 'Bundle.entry[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-INV-bdl-8 (positif) : fullUrl sans version',
    input: { resourceType: 'Bundle', type: 'collection', entry: [basicEntry(1, { fullUrl: 'https://example.org/fhir/Basic/1' })] },
    options: FHIR,
    clean: ['FHIR-INV-bdl-8'],
  },

  // --- invariant that cannot be evaluated --------------------------------------------------------
  {
    // que-0 is name.matches(...): fhirpath.js refuses a collection of two names (the JSON array of a 0..1
    // element), so the invariant is reported as not evaluable besides the representation errors.
    name: 'FHIR-INV-ERROR : que-0 sur un nom écrit comme tableau (matches() sur une collection)',
    input: { resourceType: 'Questionnaire', text: NARRATIVE, status: 'active', name: ['EvaluationAggir', 'Aggir'] },
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-INV-ERROR', path: 'Questionnaire', severity: 'warning' },
      { ruleId: 'FHIR-JSON-ARRAY-UNEXPECTED', path: 'Questionnaire.name', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-INV-ERROR (positif) : que-0 évalué sur un nom unique',
    input: { resourceType: 'Questionnaire', text: NARRATIVE, status: 'active', name: 'EvaluationAggir' },
    options: FHIR,
    clean: ['FHIR-INV-ERROR', 'FHIR-INV-que-0'],
  },
  {
    name: 'FHIR-INV-que-0 : nom qui n’est pas un identifiant (avertissement)',
    input: { resourceType: 'Questionnaire', text: NARRATIVE, status: 'active', name: 'évaluation aggir' },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-que-0', path: 'Questionnaire', severity: 'warning' }],
    clean: ['FHIR-INV-ERROR'],
  },
];
