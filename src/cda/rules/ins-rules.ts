/**
 * The usager's identity in the CDA header (digest rules 12–16), reusing the engine's French identifier
 * algorithms: INS authorities by OID, NIR/NIA structure and key, NIR ↔ traits coherence.
 *
 * Severities: the traits and name rules are ART-DECOR asserts (error). The NIR key and the coherence of
 * the NIR with the traits are bench checks that no ANS validator makes: warnings (ANS's own example
 * carries 147720425367411, whose computed key is 30, under the production INS authority).
 */
import type { FindingParams } from '../../validation/finding.js';
import { INS_AUTHORITIES } from '../../rules/fr-identifiers/ins-authorities.js';
import { compareNirWithTraits } from '../../rules/fr-identifiers/nir-traits.js';
import { checkNirKey, parseNir } from '../../rules/fr-identifiers/nir.js';
import { compileXPath, selectElements, toBoolean } from '../xml/xpath-lite.js';
import type { XElement } from '../xml/xml-tree.js';
import { oneOf, type CdaHit, type CdaRule, type CdaRuleContext } from './cda-rule.js';
import { cdaRule } from './define.js';
import { CDA_PAGES } from './spec-links.js';

const P = CDA_PAGES.header;
const C = 'CDA usager (INS)';
const PATIENT_ROLE = '/cda:ClinicalDocument/cda:recordTarget/cda:patientRole';
const INS_OIDS = INS_AUTHORITIES.map((a) => a.oid);
/** NSS (billing NIR/NIA): same structure and key as the INS matricule. */
const NSS_OIDS = ['1.2.250.1.213.1.4.13', '1.2.250.1.213.1.4.14'];
const HAS_INS = `cda:id[${oneOf('@root', INS_OIDS)} and @extension]`;

/** The INS traits required when an INS is present (digest rule 13), as XPaths from patientRole. */
const INS_TRAITS: { trait: string; trait_en: string; xpath: string }[] = [
  { trait: 'nom de naissance (family @qualifier BR)', trait_en: 'birth family name (family @qualifier BR)', xpath: "cda:patient/cda:name/cda:family[@qualifier='BR']" },
  { trait: 'premier prénom de naissance (given @qualifier BR)', trait_en: 'first birth given name (given @qualifier BR)', xpath: "cda:patient/cda:name/cda:given[@qualifier='BR']" },
  { trait: 'liste des prénoms de naissance (given sans qualifier)', trait_en: 'birth given names list (given without qualifier)', xpath: 'cda:patient/cda:name/cda:given[not(@qualifier)]' },
  { trait: 'date de naissance (birthTime)', trait_en: 'birth date (birthTime)', xpath: 'cda:patient/cda:birthTime[@value]' },
  { trait: 'lieu de naissance (birthplace/place/addr/county, code INSEE)', trait_en: 'birth place (birthplace/place/addr/county, INSEE code)', xpath: 'cda:patient/cda:birthplace/cda:place/cda:addr/cda:county' },
  { trait: 'sexe (administrativeGenderCode/@code)', trait_en: 'sex (administrativeGenderCode/@code)', xpath: 'cda:patient/cda:administrativeGenderCode/@code' },
];
const ALL_TRAITS = INS_TRAITS.map((t) => `exists(${t.xpath})`).join(' and ');

const compiledTraits = () => INS_TRAITS.map((t) => ({ ...t, expr: compileXPath(`exists(${t.xpath})`) }));

function missingTraits(role: XElement, ctx: CdaRuleContext): CdaHit[] {
  const hits: CdaHit[] = [];
  for (const t of compiledTraits()) {
    if (!toBoolean(t.expr(role, ctx.doc))) hits.push({ el: role, params: { trait: t.trait, trait_en: t.trait_en } });
  }
  return hits;
}

const GENDER: Record<string, string> = { M: 'male', F: 'female' };

function text(el: XElement, xpath: string, ctx: CdaRuleContext): string | undefined {
  const v = compileXPath(`string(${xpath})`)(el, ctx.doc);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** NIR structure, key and coherence with the traits, for each INS or NSS identifier of the usager. */
function nirChecks(kind: 'structure' | 'key' | 'traits') {
  return (role: XElement, ctx: CdaRuleContext): CdaHit[] => {
    const hits: CdaHit[] = [];
    for (const id of selectElements(compileXPath(`cda:id[${oneOf('@root', [...INS_OIDS, ...NSS_OIDS])}][@extension]`), role, ctx.doc)) {
      const value = id.attrs.extension;
      const base: FindingParams = { value, root: id.attrs.root };
      const parsed = parseNir(value);
      if (!parsed.ok) {
        if (kind === 'structure') {
          hits.push({ el: id, params: { ...base, problems: parsed.problems.map((p) => p.reason.fr).join(' ; '), problems_en: parsed.problems.map((p) => p.reason.en).join('; ') } });
        }
        continue;
      }
      if (kind === 'key') {
        const key = checkNirKey(parsed.nir);
        if (key && !key.valid) hits.push({ el: id, params: { ...base, found: key.found, expected: key.expected } });
      }
      if (kind === 'traits') {
        const birth = text(role, 'cda:patient/cda:birthTime/@value', ctx);
        const mismatches = compareNirWithTraits(parsed.nir, {
          gender: GENDER[text(role, 'cda:patient/cda:administrativeGenderCode/@code', ctx) ?? ''],
          birthDate: birth && /^\d{6}/.test(birth) ? `${birth.slice(0, 4)}-${birth.slice(4, 6)}` : birth?.slice(0, 4),
          birthPlaceInsee: text(role, 'cda:patient/cda:birthplace/cda:place/cda:addr/cda:county', ctx)?.trim(),
        });
        for (const m of mismatches) hits.push({ el: id, params: { ...base, field: m.field, expected: m.expected, found: m.found } });
      }
    }
    return hits;
  };
}

export function insRules(): CdaRule[] {
  return [
    cdaRule('CDA-PAT-001', 'error', C, P, 'r13 (ART-DECOR)', `${PATIENT_ROLE}[${HAS_INS}]`, { custom: missingTraits },
      'INS présent : trait d’identité manquant, {trait}', 'INS present: identity trait missing, {trait}',
      { hint: { fr: 'Avec un INS, les traits stricts sont obligatoires et sans nullFlavor.', en: 'With an INS, the strict traits are mandatory and without nullFlavor.' } }),
    cdaRule('CDA-PAT-002', 'error', C, P, 'r12 (identifiants INS/NSS)', PATIENT_ROLE, { custom: nirChecks('structure') },
      'identifiant {root} « {value} » : structure de NIR/NIA invalide ({problems})', 'identifier {root} "{value}": invalid NIR/NIA structure ({problems})'),
    cdaRule('CDA-PAT-003', 'warning', C, P, 'r12 (contrôle du banc : clé du NIR)', PATIENT_ROLE, { custom: nirChecks('key') },
      'identifiant {root} « {value} » : clé {found} incorrecte, la clé calculée est {expected} (97 − N mod 97)', 'identifier {root} "{value}": wrong key {found}, the computed key is {expected} (97 − N mod 97)'),
    cdaRule('CDA-PAT-004', 'warning', C, P, 'r13 (contrôle du banc : NIR et traits)', `${PATIENT_ROLE}[${HAS_INS}]`, { custom: nirChecks('traits') },
      'identifiant {root} « {value} » : le NIR indique {expected} pour « {field} », le document porte {found}', 'identifier {root} "{value}": the NIR implies {expected} for "{field}", the document has {found}'),
    cdaRule('CDA-PAT-005', 'information', C, P, 'r12 (autorités de test)', `${PATIENT_ROLE}/cda:id[@root='1.2.250.1.213.1.4.10' or @root='1.2.250.1.213.1.4.11']`,
      { test: 'false()', params: { root: 'string(@root)' } },
      'INS d’une autorité de test ou de démonstration ({root}) : identité fictive', 'INS from a test or demonstration authority ({root}): fictitious identity'),
    cdaRule('CDA-PAT-006', 'error', C, P, 'r14 (ART-DECOR)', `${PATIENT_ROLE}/cda:patient/cda:name/cda:family | ${PATIENT_ROLE}/cda:patient/cda:name/cda:given`, { test: "not(@qualifier) or @qualifier='BR' or @qualifier='CL'", params: { found: 'string(@qualifier)' } },
      'qualifier « {found} » d’un nom ou prénom de l’usager : BR (naissance) ou CL (utilisé) attendu', 'qualifier "{found}" of a usager name part: BR (birth) or CL (used) expected'),
    cdaRule('CDA-PAT-007', 'error', C, P, 'r14 (ART-DECOR + guide)', `${PATIENT_ROLE}/cda:patient`, { test: 'exists(cda:name/cda:family[not(@nullFlavor)]) and exists(cda:name/cda:given[not(@nullFlavor)])', at: 'cda:name' },
      'nom de l’usager : au moins un nom (family) et un prénom (given) sans nullFlavor', 'usager name: at least one family and one given name without nullFlavor'),
    cdaRule('CDA-PAT-008', 'error', C, P, 'r15 (ART-DECOR « ordre de naissance »)', PATIENT_ROLE,
      { test: `exists(cda:patient/sdtc:multipleBirthOrderNumber/@value) or (exists(${HAS_INS}) and ${ALL_TRAITS})`, at: 'cda:patient' },
      'ordre de naissance (sdtc:multipleBirthOrderNumber) obligatoire en l’absence d’INS avec tous ses traits', 'birth order (sdtc:multipleBirthOrderNumber) required unless an INS with all its traits is present'),
    cdaRule('CDA-PAT-009', 'error', C, P, 'r16 (modèle)', `${PATIENT_ROLE}/cda:patient/cda:administrativeGenderCode`, { valueSet: '1.2.250.1.213.1.1.5.590' },
      'sexe administratif « {found} » absent de {valueSet}', 'administrative gender "{found}" not in {valueSet}'),
    cdaRule('CDA-PAT-010', 'error', C, P, 'r16 (guide)', `${PATIENT_ROLE}[${HAS_INS}]/cda:patient/cda:administrativeGenderCode`, { test: 'not(@nullFlavor)' },
      'sexe administratif : nullFlavor interdit quand un INS est présent', 'administrative gender: nullFlavor not allowed when an INS is present'),
  ];
}
