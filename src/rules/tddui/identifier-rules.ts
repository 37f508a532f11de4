/**
 * French identifiers carried by a TDDUI export: the INS (matricule NIR/NIA + assigning authority +
 * traits) and the identifiers of structures and professionals (FINESS, SIREN, SIRET, RPPS, ADELI,
 * idNat_PS, idNat_Struct), wherever an Identifier appears in the input (resource identifiers,
 * Reference.identifier, Encounter.hospitalization.preAdmissionIdentifier, extensions…).
 *
 * Severities follow how sure the rule is: a structure or check digit that FR Core or the issuing body
 * defines gives an error; a rule known only from practice (FINESS and RPPS check digits, ADELI format,
 * the La Poste SIRET rule) gives a warning. These are bench checks: FR Core itself checks none of them.
 *
 * Rule ids (stable, never reused):
 *   TDDUI-INS-001 error    INS value (NIR/NIA) structurally invalid
 *   TDDUI-INS-002 error    NIR/NIA key wrong
 *   TDDUI-INS-003 error    identifier type inconsistent with the INS authority OID
 *   TDDUI-INS-004 info     test or demonstration authority: fictitious identity
 *   TDDUI-INS-005 error    identity status VALI without an INS identifier
 *   TDDUI-INS-006 error    INS present but an INS trait missing (one finding per trait)
 *   TDDUI-INS-007 warning  NIR field incoherent with the traits (one finding per field)
 *   TDDUI-INS-008 warning  official first given name is not the first of the birth first-name list
 *   TDDUI-IDF-001 error    FINESS malformed            TDDUI-IDF-002 warning  FINESS Luhn digit wrong
 *   TDDUI-IDF-003 error    SIREN malformed             TDDUI-IDF-004 error    SIREN Luhn digit wrong
 *   TDDUI-IDF-005 error    SIRET malformed             TDDUI-IDF-006 error    SIRET Luhn digit wrong
 *   TDDUI-IDF-007 warning  La Poste SIRET digit sum    TDDUI-IDF-008 error    RPPS malformed
 *   TDDUI-IDF-009 warning  RPPS Luhn digit wrong       TDDUI-IDF-010 warning  ADELI malformed
 *   TDDUI-IDF-011 error    idNat_PS prefix unknown     TDDUI-IDF-012 warning  idNat_PS prefix closed in 2020
 *   TDDUI-IDF-013 warning  idNat_PS structure prefix without "<structure id>/<registry number>"
 *   TDDUI-IDF-014 error    idNat_Struct prefix unknown
 * A number embedded in a national id (1+FINESS, 8+RPPS…) or the SIREN part of a SIRET is checked with
 * the rules of its own kind; the finding says where it was found.
 */
import type { FindingParams } from '../../validation/finding.js';
import { isObject, type JsonObject } from '../../validation/json-values.js';
import type { IdentifierIssue, IdentifierKind } from '../fr-identifiers/identifier-issue.js';
import { identifierKind, type TypeCoding } from '../fr-identifiers/identifier-systems.js';
import { FR_CORE_IDENTIFIER_TYPE_SYSTEM, insAuthority, NSS_TYPE, type InsAuthority } from '../fr-identifiers/ins-authorities.js';
import { checkIdentifierValue } from '../fr-identifiers/national-ids.js';
import { compareNirWithTraits, type InsTraits, type NirTraitField } from '../fr-identifiers/nir-traits.js';
import { checkNirKey, parseNir } from '../fr-identifiers/nir.js';
import { inputResources, type CheckRule, type InputResource, type RuleContext } from '../rule.js';
import { frCorePage, INS_PAGE } from './spec-links.js';

// ---------------------------------------------------------------------------------------------
// Identifiers of the input

/**
 * An Identifier found in the input. Its path and type codings are computed when asked: a large export
 * holds hundreds of thousands of identifiers and only the reported ones need them.
 */
export class FoundIdentifier {
  private pathCache?: string;
  private codingsCache?: TypeCoding[];

  constructor(
    /** The input resource that holds it. */
    readonly owner: InputResource,
    readonly identifier: JsonObject,
  ) {}

  /** FHIRPath-style location of the Identifier element. */
  get path(): string {
    return (this.pathCache ??= this.owner.path + (pathTo(this.owner.resource, this.identifier) ?? ''));
  }

  get system(): string | undefined {
    return typeof this.identifier.system === 'string' ? this.identifier.system : undefined;
  }

  get value(): string | undefined {
    return typeof this.identifier.value === 'string' ? this.identifier.value : undefined;
  }

  get codings(): TypeCoding[] {
    return (this.codingsCache ??= typeCodings(this.identifier));
  }
}

function typeCodings(identifier: JsonObject): TypeCoding[] {
  const type = identifier.type;
  if (!isObject(type) || !Array.isArray(type.coding)) return [];
  return type.coding.filter(isObject).map((c) => ({
    system: typeof c.system === 'string' ? c.system : undefined,
    code: typeof c.code === 'string' ? c.code : undefined,
  }));
}

/** Relative path from a resource to one of its objects (found by identity). */
function pathTo(from: JsonObject, target: JsonObject, prefix = ''): string | undefined {
  if (from === target) return prefix;
  for (const key in from) {
    const v = from[key];
    if (typeof v !== 'object' || v === null) continue;
    const name = key.charCodeAt(0) === 0x5f ? key.slice(1) : key;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i];
        const found = isObject(item) ? pathTo(item, target, `${prefix}.${name}[${i}]`) : undefined;
        if (found !== undefined) return found;
      }
    } else {
      const found = pathTo(v, target, `${prefix}.${name}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** An Identifier: a string value with a system or a type (Coding has code, Quantity a numeric value). */
function looksLikeIdentifier(o: JsonObject): boolean {
  return typeof o.value === 'string' && !('code' in o) && (typeof o.system === 'string' || isObject(o.type));
}

/** Depth-first search for identifiers. */
function collect(o: JsonObject, owner: InputResource, out: FoundIdentifier[]): void {
  if (looksLikeIdentifier(o)) out.push(new FoundIdentifier(owner, o));
  for (const key in o) {
    if (key === 'resourceType') continue;
    const v = o[key];
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v) if (isObject(item)) collect(item, owner, out);
    } else collect(v, owner, out);
  }
}

const identifierMemo = new WeakMap<object, FoundIdentifier[]>();

/** Every Identifier of every input resource, in document order (memoised per input). */
export function identifiersOf(ctx: Pick<RuleContext, 'root' | 'bundle'>): FoundIdentifier[] {
  let found = identifierMemo.get(ctx.root);
  if (!found) {
    found = [];
    for (const r of inputResources(ctx)) collect(r.resource, r, found);
    identifierMemo.set(ctx.root, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// INS

const IDENTITY_RELIABILITY_URL = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability';
const BIRTH_PLACE_URL = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
const INSEE_CODE_URL = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code';
const BIRTH_LIST_GIVEN_NAME_URL = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name';
const BIRTH_ORDER_URL = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-birth-order';

const isNss = (f: Pick<FoundIdentifier, 'codings'>) => f.codings.some((c) => c.system === NSS_TYPE.system && c.code === NSS_TYPE.code);

class InsIdentifier extends FoundIdentifier {
  constructor(
    f: FoundIdentifier,
    readonly authority: InsAuthority,
    /** Slice name, or NSS for FR Core's billing-number slice that shares the INS-NIR system. */
    readonly label: string,
  ) {
    super(f.owner, f.identifier);
  }
}

function insIdentifiers(ctx: RuleContext): InsIdentifier[] {
  const out: InsIdentifier[] = [];
  for (const f of identifiersOf(ctx)) {
    const authority = insAuthority(f.system);
    if (authority) out.push(new InsIdentifier(f, authority, isNss(f) ? 'NSS' : authority.slice));
  }
  return out;
}

const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Index and value of the first extension with this url. */
function extension(o: unknown, url: string): { index: number; ext: JsonObject } | undefined {
  if (!isObject(o)) return undefined;
  const list = items(o.extension);
  const index = list.findIndex((e) => isObject(e) && e.url === url);
  return index >= 0 ? { index, ext: list[index] as JsonObject } : undefined;
}

interface PatientView {
  r: InputResource;
  /** INS identifiers of Patient.identifier (NSS excluded: it is not the person's INS). */
  ins: { index: number; identifier: JsonObject; authority: InsAuthority; value?: string }[];
  official?: { index: number; name: JsonObject };
}

function patients(ctx: RuleContext): PatientView[] {
  const out: PatientView[] = [];
  for (const r of inputResources(ctx)) {
    if (r.resource.resourceType !== 'Patient') continue;
    const ins: PatientView['ins'] = [];
    items(r.resource.identifier).forEach((id, index) => {
      if (!isObject(id)) return;
      const authority = insAuthority(typeof id.system === 'string' ? id.system : undefined);
      if (authority && !isNss({ codings: typeCodings(id) })) ins.push({ index, identifier: id, authority, value: typeof id.value === 'string' ? id.value : undefined });
    });
    const names = items(r.resource.name);
    const officialIndex = names.findIndex((n) => isObject(n) && n.use === 'official');
    const view: PatientView = { r, ins };
    if (officialIndex >= 0) view.official = { index: officialIndex, name: names[officialIndex] as JsonObject };
    out.push(view);
  }
  return out;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

interface MissingTrait {
  path: string;
  trait: string;
  trait_en: string;
  element: string;
}

/** The INS traits a Patient lacks, each with the path of the missing element's closest existing parent. */
function missingTraits(p: PatientView): MissingTrait[] {
  const out: MissingTrait[] = [];
  const base = p.r.path;
  const res = p.r.resource;
  const miss = (path: string, trait: string, trait_en: string, element: string) => out.push({ path, trait, trait_en, element });

  // Birth name, birth first-name list, first given name: the official name.
  if (!p.official) {
    miss(base, 'nom de naissance', 'birth name', "name.where(use='official').family");
    miss(base, 'liste des prénoms de naissance', 'birth first-name list', "name.where(use='official').extension[birth-list-given-name]");
    miss(base, 'premier prénom de naissance', 'first birth given name', "name.where(use='official').given");
  } else {
    const np = `${base}.name[${p.official.index}]`;
    const name = p.official.name;
    if (!nonEmpty(name.family)) miss(np, 'nom de naissance', 'birth name', 'family');
    const list = extension(name, BIRTH_LIST_GIVEN_NAME_URL);
    if (!list) miss(np, 'liste des prénoms de naissance', 'birth first-name list', 'extension[birth-list-given-name]');
    else if (!nonEmpty(list.ext.valueString)) miss(`${np}.extension[${list.index}]`, 'liste des prénoms de naissance', 'birth first-name list', 'valueString');
    if (!nonEmpty(items(name.given)[0])) miss(np, 'premier prénom de naissance', 'first birth given name', 'given');
  }
  if (!nonEmpty(res.birthDate)) miss(base, 'date de naissance', 'birth date', 'birthDate');
  if (res.gender === undefined) miss(base, 'sexe (male ou female)', 'sex (male or female)', 'gender');
  else if (res.gender !== 'male' && res.gender !== 'female') miss(`${base}.gender`, 'sexe (male ou female)', 'sex (male or female)', `gender = ${String(res.gender)}`);

  // Birth place INSEE code.
  const place = extension(res, BIRTH_PLACE_URL);
  const trait = 'code INSEE du lieu de naissance';
  const trait_en = 'birth place INSEE code';
  if (!place) miss(base, trait, trait_en, 'extension[birthPlace]');
  else {
    const pp = `${base}.extension[${place.index}]`;
    const address = place.ext.valueAddress;
    if (!isObject(address)) miss(pp, trait, trait_en, 'valueAddress');
    else {
      const insee = extension(address, INSEE_CODE_URL);
      if (!insee) miss(`${pp}.valueAddress`, trait, trait_en, 'extension[inseeCode]');
      else {
        const ip = `${pp}.valueAddress.extension[${insee.index}]`;
        const coding = insee.ext.valueCoding;
        if (!isObject(coding)) miss(ip, trait, trait_en, 'valueCoding');
        else if (!nonEmpty(coding.code)) miss(`${ip}.valueCoding`, trait, trait_en, 'code');
      }
    }
  }
  return out;
}

interface TraitSource {
  traits: InsTraits;
  /** Where each trait was read (for the findings). */
  where: Partial<Record<NirTraitField, string>>;
}

function traitsOf(p: PatientView): TraitSource {
  const res = p.r.resource;
  const base = p.r.path;
  const traits: InsTraits = {};
  const where: TraitSource['where'] = {};
  if (typeof res.gender === 'string') {
    traits.gender = res.gender;
    where.sex = `${base}.gender`;
  }
  if (typeof res.birthDate === 'string') {
    traits.birthDate = res.birthDate;
    where.year = where.month = `${base}.birthDate`;
  }
  const place = extension(res, BIRTH_PLACE_URL);
  const insee = place && isObject(place.ext.valueAddress) ? extension(place.ext.valueAddress, INSEE_CODE_URL) : undefined;
  const coding = insee?.ext.valueCoding;
  if (place && insee && isObject(coding) && typeof coding.code === 'string') {
    traits.birthPlaceInsee = coding.code;
    where.birthPlace = `${base}.extension[${place.index}].valueAddress.extension[${insee.index}].valueCoding.code`;
  }
  const order = extension(res._birthDate, BIRTH_ORDER_URL);
  if (order && typeof order.ext.valuePositiveInt === 'number') {
    traits.birthOrder = order.ext.valuePositiveInt;
    where.order = `${base}.birthDate.extension[${order.index}].valuePositiveInt`;
  }
  return { traits, where };
}

const FIELD_LABELS: Record<NirTraitField, [fr: string, en: string]> = {
  sex: ['sexe (position 1)', 'sex (position 1)'],
  year: ['année de naissance (positions 2–3)', 'birth year (positions 2–3)'],
  month: ['mois de naissance (positions 4–5)', 'birth month (positions 4–5)'],
  birthPlace: ['lieu de naissance (positions 6–10)', 'birth place (positions 6–10)'],
  order: ['numéro d’ordre (positions 11–13)', 'order number (positions 11–13)'],
};

const expectedInsType = (a: InsAuthority) => `${FR_CORE_IDENTIFIER_TYPE_SYSTEM}#${a.typeCode}`;

export const INS_RULES: CheckRule[] = [
  {
    id: 'TDDUI-INS-001', category: 'identifiants INS', severity: 'error', specUrl: INS_PAGE,
    message: {
      fr: '{label} « {value} » : structure de NIR/NIA invalide ({problems})',
      en: '{label} "{value}": invalid NIR/NIA structure ({problems})',
    },
    hint: {
      fr: 'Un matricule INS a 15 caractères sans espace : sexe 1/2, année, mois (01–12 ou 20–99), département (2A/2B en Corse), commune ou pays, ordre 001–999, clé.',
      en: 'An INS matricule has 15 characters, no spaces: sex 1/2, year, month (01–12 or 20–99), département (2A/2B for Corsica), commune or country, order 001–999, key.',
    },
    check(ctx) {
      for (const f of insIdentifiers(ctx)) {
        if (f.value === undefined) continue;
        const parsed = parseNir(f.value);
        if (parsed.ok) continue;
        ctx.report(this.id, `${f.path}.value`, {
          label: f.label, value: f.value,
          problems: parsed.problems.map((p) => p.reason.fr).join(' ; '),
          problems_en: parsed.problems.map((p) => p.reason.en).join('; '),
        });
      }
    },
  },
  {
    id: 'TDDUI-INS-002', category: 'identifiants INS', severity: 'error', specUrl: INS_PAGE,
    message: {
      fr: '{label} « {value} » : clé {found} incorrecte, la clé calculée est {expected} (97 − N mod 97 ; contrôle du banc, FR Core ne vérifie pas la clé)',
      en: '{label} "{value}": wrong key {found}, the computed key is {expected} (97 − N mod 97; a bench check, FR Core does not check the key)',
    },
    hint: {
      fr: 'Reprendre le matricule tel que renvoyé par le téléservice INSi ; pour des données fictives, utiliser l’autorité de test (…1.4.10) avec une clé valide.',
      en: 'Use the matricule as returned by the INSi teleservice; for fictitious data, use the test authority (…1.4.10) with a valid key.',
    },
    check(ctx) {
      for (const f of insIdentifiers(ctx)) {
        if (f.value === undefined) continue;
        const parsed = parseNir(f.value);
        const key = parsed.ok ? checkNirKey(parsed.nir) : undefined;
        if (key && !key.valid) ctx.report(this.id, `${f.path}.value`, { label: f.label, value: f.value, expected: key.expected, found: key.found });
      }
    },
  },
  {
    id: 'TDDUI-INS-003', category: 'identifiants INS', severity: 'error', specUrl: INS_PAGE,
    message: {
      fr: 'Type d’identifiant incohérent avec l’autorité {system} : attendu {expected}, trouvé {found}',
      en: 'Identifier type inconsistent with authority {system}: expected {expected}, found {found}',
    },
    hint: {
      fr: 'OID .8 → INS-NIR (ou v2-0203#NH pour le NSS), .9 → INS-NIA, .10 → INS-NIR-TEST, .11 → INS-NIR-DEMO (système fr-core-cs-v2-0203).',
      en: 'OID .8 → INS-NIR (or v2-0203#NH for the NSS), .9 → INS-NIA, .10 → INS-NIR-TEST, .11 → INS-NIR-DEMO (fr-core-cs-v2-0203 system).',
    },
    check(ctx) {
      for (const f of insIdentifiers(ctx)) {
        if (!f.codings.length) continue;
        const a = f.authority;
        const ok = f.codings.some((c) => c.system === FR_CORE_IDENTIFIER_TYPE_SYSTEM && c.code === a.typeCode) || (a.slice === 'INS-NIR' && isNss(f));
        if (ok) continue;
        const expected = expectedInsType(a);
        ctx.report(this.id, `${f.path}.type`, {
          system: a.system,
          expected: a.slice === 'INS-NIR' ? `${expected} (ou ${NSS_TYPE.system}#${NSS_TYPE.code} pour le NSS)` : expected,
          expected_en: a.slice === 'INS-NIR' ? `${expected} (or ${NSS_TYPE.system}#${NSS_TYPE.code} for the NSS)` : expected,
          found: f.codings.map((c) => `${c.system ?? '(sans système)'}#${c.code ?? '(sans code)'}`).join(', '),
          found_en: f.codings.map((c) => `${c.system ?? '(no system)'}#${c.code ?? '(no code)'}`).join(', '),
        });
      }
    },
  },
  {
    id: 'TDDUI-INS-004', category: 'identifiants INS', severity: 'information', specUrl: INS_PAGE,
    message: {
      fr: 'Autorité INS de {kind} ({system}) : identité fictive, à ne pas transmettre en production',
      en: 'INS {kind} authority ({system}): fictitious identity, not to be sent in production',
    },
    check(ctx) {
      for (const f of insIdentifiers(ctx)) {
        const fict = f.authority.fictitious;
        if (!fict) continue;
        ctx.report(this.id, `${f.path}.system`, { system: f.authority.system, kind: fict === 'test' ? 'test' : 'démonstration', kind_en: fict === 'test' ? 'test' : 'demonstration' });
      }
    },
  },
  {
    id: 'TDDUI-INS-005', category: 'identifiants INS', severity: 'error', specUrl: frCorePage('fr-core-identity-reliability'),
    message: {
      fr: 'Statut d’identité VALI sans identifiant INS (système …1.4.8, .9, .10 ou .11 hors NSS)',
      en: 'Identity status VALI without an INS identifier (system …1.4.8, .9, .10 or .11, NSS excluded)',
    },
    hint: {
      fr: 'Ajouter le matricule INS obtenu par INSi, ou déclarer le statut PROV.',
      en: 'Add the INS matricule obtained from INSi, or declare the PROV status.',
    },
    check(ctx) {
      for (const p of patients(ctx)) {
        if (p.ins.length) continue;
        items(p.r.resource.extension).forEach((e, i) => {
          if (!isObject(e) || e.url !== IDENTITY_RELIABILITY_URL) return;
          items(e.extension).forEach((sub, j) => {
            if (isObject(sub) && sub.url === 'identityStatus' && isObject(sub.valueCoding) && sub.valueCoding.code === 'VALI') {
              ctx.report(this.id, `${p.r.path}.extension[${i}].extension[${j}].valueCoding`);
            }
          });
        });
      }
    },
  },
  {
    id: 'TDDUI-INS-006', category: 'identifiants INS', severity: 'error', specUrl: INS_PAGE,
    message: {
      fr: 'INS présent mais trait INS absent : {trait} ({element})',
      en: 'INS present but an INS trait is missing: {trait} ({element})',
    },
    hint: {
      fr: 'Les traits INS (nom et prénoms de naissance, date et lieu de naissance, sexe) accompagnent toujours le matricule INS.',
      en: 'The INS traits (birth name and first names, birth date and place, sex) always come with the INS matricule.',
    },
    check(ctx) {
      for (const p of patients(ctx)) {
        if (!p.ins.length) continue;
        for (const m of missingTraits(p)) ctx.report(this.id, m.path, { trait: m.trait, trait_en: m.trait_en, element: m.element });
      }
    },
  },
  {
    id: 'TDDUI-INS-007', category: 'identifiants INS', severity: 'warning', specUrl: INS_PAGE,
    message: {
      fr: '{label} « {value} » : {field} « {nirPart} » incohérent avec {trait} : attendu {expected}, trouvé {found}',
      en: '{label} "{value}": {field} "{nirPart}" inconsistent with {trait}: expected {expected}, found {found}',
    },
    hint: {
      fr: 'Le matricule et les traits viennent ensemble d’INSi : vérifier qu’ils désignent la même personne.',
      en: 'The matricule and the traits come together from INSi: check that they describe the same person.',
    },
    check(ctx) {
      for (const p of patients(ctx)) {
        if (!p.ins.length) continue;
        const { traits, where } = traitsOf(p);
        for (const id of p.ins) {
          if (id.value === undefined) continue;
          const parsed = parseNir(id.value);
          if (!parsed.ok) continue;
          for (const m of compareNirWithTraits(parsed.nir, traits)) {
            const [field, field_en] = FIELD_LABELS[m.field];
            ctx.report(this.id, `${p.r.path}.identifier[${id.index}].value`, {
              label: id.authority.slice, value: id.value, field, field_en, nirPart: m.nirPart,
              trait: where[m.field] ?? m.field, expected: m.expected, found: m.found,
            });
          }
        }
      }
    },
  },
  {
    id: 'TDDUI-INS-008', category: 'identifiants INS', severity: 'warning', specUrl: INS_PAGE,
    message: {
      fr: 'Le prénom du nom officiel « {found} » n’est pas le premier de la liste des prénoms de naissance « {list} » (attendu « {expected} »)',
      en: 'The official name’s given name "{found}" is not the first of the birth first-name list "{list}" (expected "{expected}")',
    },
    hint: {
      fr: 'name[officialName].given reprend le premier prénom de la liste renvoyée par INSi, à l’identique.',
      en: 'name[officialName].given repeats the first name of the list returned by INSi, exactly.',
    },
    check(ctx) {
      for (const p of patients(ctx)) {
        if (!p.official) continue;
        const list = extension(p.official.name, BIRTH_LIST_GIVEN_NAME_URL)?.ext.valueString;
        const given = items(p.official.name.given)[0];
        if (!nonEmpty(list) || !nonEmpty(given)) continue;
        const first = list.trim().split(/\s+/)[0];
        if (given.trim() !== first) ctx.report(this.id, `${p.r.path}.name[${p.official.index}].given[0]`, { found: given, expected: first, list });
      }
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Structures and professionals

const ORGANIZATION_PAGE = frCorePage('fr-core-organization');
const PRACTITIONER_PAGE = frCorePage('fr-core-practitioner');

interface LocatedIssue {
  found: FoundIdentifier;
  issue: IdentifierIssue;
}

const issueMemo = new WeakMap<object, LocatedIssue[]>();

function identifierIssues(ctx: RuleContext): LocatedIssue[] {
  let out = issueMemo.get(ctx.root);
  if (!out) {
    out = [];
    for (const f of identifiersOf(ctx)) {
      if (f.value === undefined) continue;
      const kind = identifierKind(f.system, f.codings, f.value);
      if (!kind) continue;
      for (const issue of checkIdentifierValue(kind, f.value)) out.push({ found: f, issue });
    }
    issueMemo.set(ctx.root, out);
  }
  return out;
}

/** How the finding names the identifier a checked number was found in. */
const CONTAINERS: Record<IdentifierKind, [fr: string, en: string]> = {
  FINESS: ['du FINESS', 'FINESS'],
  SIREN: ['du SIREN', 'SIREN'],
  SIRET: ['du SIRET', 'SIRET'],
  RPPS: ['du RPPS', 'RPPS'],
  ADELI: ['de l’ADELI', 'ADELI'],
  IDNPS: ['de l’idNat_PS', 'idNat_PS'],
  IDNST: ['de l’idNat_Struct', 'idNat_Struct'],
};

function issueParams(l: LocatedIssue): FindingParams {
  const { issue } = l;
  const params: FindingParams = { value: l.found.value ?? '', part: issue.value, where: '', where_en: '' };
  if (issue.within) {
    const [fr, en] = CONTAINERS[issue.within.kind];
    params.where = ` (partie ${fr} « ${issue.within.value} »)`;
    params.where_en = ` (part of ${en} "${issue.within.value}")`;
  }
  if (issue.reason) {
    params.reason = issue.reason.fr;
    params.reason_en = issue.reason.en;
  }
  if (issue.expected !== undefined) params.expected = issue.expected;
  if (issue.found !== undefined) params.found = issue.found;
  return params;
}

interface IssueRuleSpec {
  id: string;
  kind: IdentifierKind;
  code: IdentifierIssue['code'];
  severity: CheckRule['severity'];
  specUrl: string;
  fr: string;
  en: string;
  hint?: { fr: string; en: string };
}

function issueRule(s: IssueRuleSpec): CheckRule {
  return {
    id: s.id, category: 'identifiants de structures et de professionnels', severity: s.severity, specUrl: s.specUrl,
    message: { fr: s.fr, en: s.en },
    ...(s.hint ? { hint: s.hint } : {}),
    check(ctx) {
      for (const l of identifierIssues(ctx)) {
        if (l.issue.kind === s.kind && l.issue.code === s.code) ctx.report(this.id, `${l.found.path}.value`, issueParams(l));
      }
    },
  };
}

const LUHN_HINT = {
  fr: 'Le dernier chiffre est une clé de Luhn : vérifier le numéro à la source (annuaire FINESS, répertoire SIRENE, RPPS).',
  en: 'The last digit is a Luhn check digit: check the number at its source (FINESS directory, SIRENE register, RPPS).',
};

export const IDENTIFIER_FORMAT_RULES: CheckRule[] = [
  issueRule({
    id: 'TDDUI-IDF-001', kind: 'FINESS', code: 'format', severity: 'error', specUrl: ORGANIZATION_PAGE,
    fr: 'FINESS « {part} » mal formé : {reason}{where}', en: 'Malformed FINESS "{part}": {reason}{where}',
    hint: { fr: 'Un FINESS a 9 caractères : le département (2A/2B en Corse) puis 7 chiffres.', en: 'A FINESS has 9 characters: the département (2A/2B for Corsica) then 7 digits.' },
  }),
  issueRule({
    id: 'TDDUI-IDF-002', kind: 'FINESS', code: 'check-digit', severity: 'warning', specUrl: ORGANIZATION_PAGE,
    fr: 'FINESS « {part} » : chiffre de contrôle {found} au lieu de {expected} (clé de Luhn, règle d’usage non normative){where}',
    en: 'FINESS "{part}": check digit {found} instead of {expected} (Luhn key, usual but non-normative rule){where}',
    hint: LUHN_HINT,
  }),
  issueRule({
    id: 'TDDUI-IDF-003', kind: 'SIREN', code: 'format', severity: 'error', specUrl: ORGANIZATION_PAGE,
    fr: 'SIREN « {part} » mal formé : {reason} (9 chiffres attendus){where}', en: 'Malformed SIREN "{part}": {reason} (9 digits expected){where}',
  }),
  issueRule({
    id: 'TDDUI-IDF-004', kind: 'SIREN', code: 'check-digit', severity: 'error', specUrl: ORGANIZATION_PAGE,
    fr: 'SIREN « {part} » : chiffre de contrôle (Luhn) {found} au lieu de {expected}{where}', en: 'SIREN "{part}": Luhn check digit {found} instead of {expected}{where}',
    hint: LUHN_HINT,
  }),
  issueRule({
    id: 'TDDUI-IDF-005', kind: 'SIRET', code: 'format', severity: 'error', specUrl: ORGANIZATION_PAGE,
    fr: 'SIRET « {part} » mal formé : {reason} (14 chiffres attendus : SIREN + NIC){where}', en: 'Malformed SIRET "{part}": {reason} (14 digits expected: SIREN + NIC){where}',
  }),
  issueRule({
    id: 'TDDUI-IDF-006', kind: 'SIRET', code: 'check-digit', severity: 'error', specUrl: ORGANIZATION_PAGE,
    fr: 'SIRET « {part} » : chiffre de contrôle (Luhn sur 14 chiffres) {found} au lieu de {expected}{where}', en: 'SIRET "{part}": check digit (Luhn over 14 digits) {found} instead of {expected}{where}',
    hint: LUHN_HINT,
  }),
  issueRule({
    id: 'TDDUI-IDF-007', kind: 'SIRET', code: 'la-poste', severity: 'warning', specUrl: ORGANIZATION_PAGE,
    fr: 'SIRET de La Poste « {part} » : la somme des chiffres devrait être multiple de 5 (trouvé {found} ; règle d’usage non vérifiée){where}',
    en: 'La Poste SIRET "{part}": the digit sum should be a multiple of 5 (found {found}; usual rule, not verified){where}',
  }),
  issueRule({
    id: 'TDDUI-IDF-008', kind: 'RPPS', code: 'format', severity: 'error', specUrl: PRACTITIONER_PAGE,
    fr: 'RPPS « {part} » mal formé : {reason} (11 chiffres attendus){where}', en: 'Malformed RPPS "{part}": {reason} (11 digits expected){where}',
  }),
  issueRule({
    id: 'TDDUI-IDF-009', kind: 'RPPS', code: 'check-digit', severity: 'warning', specUrl: PRACTITIONER_PAGE,
    fr: 'RPPS « {part} » : chiffre de contrôle {found} au lieu de {expected} (clé de Luhn, règle d’usage non vérifiée){where}',
    en: 'RPPS "{part}": check digit {found} instead of {expected} (Luhn key, usual rule, not verified){where}',
    hint: LUHN_HINT,
  }),
  issueRule({
    id: 'TDDUI-IDF-010', kind: 'ADELI', code: 'format', severity: 'warning', specUrl: PRACTITIONER_PAGE,
    fr: 'ADELI « {part} » inhabituel : {reason} (format d’usage non vérifié){where}',
    en: 'Unusual ADELI "{part}": {reason} (usual format, not verified){where}',
  }),
  issueRule({
    id: 'TDDUI-IDF-011', kind: 'IDNPS', code: 'prefix', severity: 'error', specUrl: PRACTITIONER_PAGE,
    fr: 'idNat_PS « {value} » : {reason} (préfixes TRE_G08 : {expected})', en: 'idNat_PS "{value}": {reason} (TRE_G08 prefixes: {expected})',
    hint: { fr: 'idNat_PS = 8 + RPPS ou 0 + ADELI pour un professionnel inscrit.', en: 'idNat_PS = 8 + RPPS or 0 + ADELI for a registered professional.' },
  }),
  issueRule({
    id: 'TDDUI-IDF-012', kind: 'IDNPS', code: 'closed-prefix', severity: 'warning', specUrl: PRACTITIONER_PAGE,
    fr: 'idNat_PS « {value} » : préfixe {found} ({reason}), type d’identifiant clos en 2020 dans TRE_G08', en: 'idNat_PS "{value}": prefix {found} ({reason}), an identifier type closed in 2020 in TRE_G08',
  }),
  issueRule({
    id: 'TDDUI-IDF-013', kind: 'IDNPS', code: 'registry-form', severity: 'warning', specUrl: PRACTITIONER_PAGE,
    fr: 'idNat_PS « {value} » : le préfixe {found} ({reason}) attend la forme <identifiant de structure>/<n° de registre>',
    en: 'idNat_PS "{value}": prefix {found} ({reason}) expects the form <structure id>/<registry number>',
    hint: {
      fr: 'Pour un professionnel inscrit au RPPS, idNat_PS = 8 + RPPS (12 caractères) ; un RPPS seul ne doit pas être écrit sans son préfixe.',
      en: 'For a professional registered in the RPPS, idNat_PS = 8 + RPPS (12 characters); a bare RPPS must not be written without its prefix.',
    },
  }),
  issueRule({
    id: 'TDDUI-IDF-014', kind: 'IDNST', code: 'prefix', severity: 'error', specUrl: ORGANIZATION_PAGE,
    fr: 'idNat_Struct « {value} » : {reason} (préfixes FR Core : {expected})', en: 'idNat_Struct "{value}": {reason} (FR Core prefixes: {expected})',
    hint: {
      fr: 'idNat_Struct = 1 + FINESS, 2 + SIREN, 3 + SIRET, 4 + RPPS rang ou 0 + ADELI rang.',
      en: 'idNat_Struct = 1 + FINESS, 2 + SIREN, 3 + SIRET, 4 + RPPS rank or 0 + ADELI rank.',
    },
  }),
];

export const IDENTIFIER_RULES: CheckRule[] = [...INS_RULES, ...IDENTIFIER_FORMAT_RULES];
