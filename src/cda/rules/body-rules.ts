/**
 * TDDUI CDA body rules (digest §2.2–2.8, rules 32–74): sections, séjours, évènements, statuts, transports,
 * évaluations, couvertures sociales, documents ajoutés.
 *
 * FR-Modalite-entree/-sortie follow the TDDUI templates (1.2.250.1.213.1.1.3.48.6/.7 only, moodCode EVN
 * or INT), not the generic CI-SIS rules E_modaliteEntree_fr/E_modaliteSortie_fr, which also require the
 * templateIds …1.4.13 and …1.3.48 and moodCode EVN: ANS's own TDDUI examples fail those (digest §6.4).
 */
import { compileXPath, selectElements } from '../xml/xpath-lite.js';
import type { XElement } from '../xml/xml-tree.js';
import { oneOf, tpl, type CdaHit, type CdaRule, type CdaRuleContext } from './cda-rule.js';
import { cdaRule } from './define.js';
import { CDA_PAGES } from './spec-links.js';

const TA = '1.2.250.1.213.1.1.4.322';
const LOINC = '2.16.840.1.113883.6.1';
const SECTIONS = '/cda:ClinicalDocument/cda:component/cda:structuredBody/cda:component/cda:section';

/** Section templates: templateIds (all required) and code. */
const SECTION_DEFS = [
  { name: 'FR-Couvertures-sociales', key: '1.2.250.1.213.1.1.2.79', ids: ['1.3.6.1.4.1.19376.1.5.3.1.1.5.3.7', '2.16.840.1.113883.10.20.1.9', '1.2.250.1.213.1.1.2.79'], code: '48768-6', system: LOINC },
  { name: 'FR-Sejours', key: '1.2.250.1.213.1.1.2.249', ids: ['1.2.250.1.213.1.1.2.249'], code: 'GEN-362', system: TA },
  { name: 'FR-Evenements', key: '1.2.250.1.213.1.1.2.248', ids: ['1.2.250.1.213.1.1.2.248'], code: '89793-4', system: LOINC },
  { name: 'FR-Statut-fonctionnel', key: '1.2.250.1.213.1.1.2.246', ids: ['2.16.840.1.113883.10.22.3.8', '1.2.250.1.213.1.1.2.246'], code: '47420-5', system: LOINC },
  { name: 'FR-Documents-ajoutes', key: '1.2.250.1.213.1.1.2.37', ids: ['1.2.250.1.213.1.1.2.37'], code: '55107-7', system: LOINC },
];

const EVENT = `//cda:encounter${tpl('1.2.250.1.213.1.1.3.215')}`;
const SEJOUR = `//cda:organizer${tpl('1.2.250.1.213.1.1.3.219')}`;
const ADMISSION = `//cda:encounter${tpl('1.2.250.1.213.1.1.3.218')}`;
const ENTREE = `//cda:observation${tpl('1.2.250.1.213.1.1.3.48.6')}`;
const SORTIE = `//cda:observation${tpl('1.2.250.1.213.1.1.3.48.7')}`;
const STATUT = `//cda:observation${tpl('1.2.250.1.213.1.1.3.217')}`;
const TP_PAT = `//cda:act${tpl('1.2.250.1.213.1.1.3.24')}`;
const TP_PRO = `//cda:act${tpl('1.2.250.1.213.1.1.3.216')}`;
const GROUP = `//cda:organizer${tpl('1.2.250.1.213.1.1.3.95')}`;
const EVAL = `//cda:observation${tpl('1.2.250.1.213.1.1.3.25')}`;
const COMPOSANT = `cda:entryRelationship/cda:observation${tpl('1.2.250.1.213.1.1.3.214')}`;
const N2 = `//cda:observation${tpl('1.2.250.1.213.1.1.3.220')}`;
const SIMPLE_OBS = `cda:entryRelationship/cda:observation${tpl('1.2.250.1.213.1.1.3.48')}[not(cda:templateId/@root='1.2.250.1.213.1.1.3.217')]`;
const LOW_HIGH = 'count(cda:effectiveTime/cda:low)=1 and count(cda:effectiveTime/cda:high)=1 and not(cda:effectiveTime/cda:low/@nullFlavor) and not(cda:effectiveTime/cda:high/@nullFlavor)';
const ONE_ID = 'count(cda:id)=1 and not(cda:id/@nullFlavor)';
const CODE_FOUND = { found: "concat(cda:code/@code, '|', cda:code/@codeSystem)" };
const AGGIR = ['MED-1292', 'MED-1293'];

const B = 'CDA corps';
const S = 'CDA séjour';
const E = 'CDA évènement';
const T = 'CDA transport';
const V = 'CDA évaluation';
const D = 'CDA couverture et documents';

/** Value type by code: "code X has value of xsi:type T" for a list of (codes, type). */
function valueTypeTest(pairs: [string[], string][]): string {
  return pairs.map(([codes, type]) => `(not(${oneOf('cda:code/@code', codes)}) or cda:value/@xsi:type='${type}')`).join(' and ');
}

/** One FR-Groupe-de-questionnaires-d-evaluation per evaluation type (digest rule 64). */
function duplicateGroups(body: XElement, ctx: CdaRuleContext): CdaHit[] {
  const seen = new Set<string>();
  const hits: CdaHit[] = [];
  for (const g of selectElements(compileXPath(`.//cda:organizer${tpl('1.2.250.1.213.1.1.3.95')}`), body, ctx.doc)) {
    const code = g.children.find((c) => c.q === 'cda:code')?.attrs.code ?? '';
    if (seen.has(code)) hits.push({ el: g, params: { found: code } });
    seen.add(code);
  }
  return hits;
}

/** Narrative references (`text/reference/@value="#id"`) whose target ID is not in the document. */
function danglingReferences(body: XElement): CdaHit[] {
  const ids = new Set<string>();
  const refs: XElement[] = [];
  const walk = (el: XElement) => {
    if (el.attrs.ID) ids.add(el.attrs.ID);
    if (el.q === 'cda:reference' && el.parent?.q === 'cda:text' && el.attrs.value?.startsWith('#')) refs.push(el);
    for (const c of el.children) walk(c);
  };
  walk(body);
  return refs.filter((r) => !ids.has(r.attrs.value.slice(1))).map((el) => ({ el, params: { found: el.attrs.value } }));
}

/** AGGIR completeness (digest rule 70, guide): one composant per code of the AGGIR value set of the type. */
function aggirCompleteness(evaluation: XElement, ctx: CdaRuleContext): CdaHit[] {
  const type = evaluation.children.find((c) => c.q === 'cda:code')?.attrs.code;
  const set = ctx.valueSet(type === 'MED-1292' ? '1.2.250.1.213.1.1.5.805' : '1.2.250.1.213.1.1.5.806');
  if (!set) return [];
  const found = selectElements(compileXPath(COMPOSANT), evaluation, ctx.doc).length;
  return found === set.size ? [] : [{ el: evaluation, params: { found, expected: set.size } }];
}

export const BODY_RULES: CdaRule[] = [
  cdaRule('CDA-SEC-001', 'error', B, CDA_PAGES.body, 'r32 (modèle)', '/cda:ClinicalDocument/cda:component/cda:structuredBody',
    { test: SECTION_DEFS.map((s) => `count(cda:component/cda:section[cda:templateId/@root='${s.key}'])<=1`).join(' and ') },
    'corps : chaque section TDDUI (couvertures, séjours, évènements, statut fonctionnel, documents ajoutés) apparaît au plus une fois', 'body: each TDDUI section (coverages, stays, events, functional status, added documents) appears at most once'),
  ...SECTION_DEFS.map((s, i) => cdaRule(`CDA-SEC-00${i + 2}`, 'error', B, CDA_PAGES.body, 'r33 (modèle)', `${SECTIONS}${tpl(s.key)}`,
    { test: `${s.ids.map((id) => `cda:templateId/@root='${id}'`).join(' and ')} and cda:code/@code='${s.code}' and cda:code/@codeSystem='${s.system}'`, params: CODE_FOUND },
    `section ${s.name} : templateId ${s.ids.join(', ')} et code ${s.code} (${s.system}) attendus ; trouvé {found}`,
    `section ${s.name}: templateIds ${s.ids.join(', ')} and code ${s.code} (${s.system}) expected; found {found}`)),
  cdaRule('CDA-SEC-007', 'error', B, CDA_PAGES.body, 'r33 (modèle)', `${SECTIONS}${tpl('1.2.250.1.213.1.1.2.249')} | ${SECTIONS}${tpl('1.2.250.1.213.1.1.2.248')} | ${SECTIONS}${tpl('1.2.250.1.213.1.1.2.37')}`,
    { test: 'count(cda:entry)>=1' },
    'section séjours, évènements ou documents ajoutés : au moins une entrée est attendue', 'stays, events or added documents section: at least one entry is expected'),
  cdaRule('CDA-SEC-008', 'warning', B, CDA_PAGES.body, 'r34 (note du banc, aucun assert)', '/cda:ClinicalDocument/cda:component/cda:structuredBody', { custom: danglingReferences },
    'référence narrative « {found} » : aucun élément de ce ID dans le document', 'narrative reference "{found}": no element with this ID in the document'),
  // Séjour (rules 35–38)
  cdaRule('CDA-SEJ-001', 'error', S, CDA_PAGES.sejour, 'r37 (modèle)', SEJOUR,
    { test: `@classCode='CLUSTER' and cda:code/@code='ORG-211' and cda:code/@codeSystem='${TA}' and count(cda:id)>=1 and count(cda:statusCode)=1 and count(cda:effectiveTime)=1 and not(cda:component[not(@typeCode='COMP')])`, params: CODE_FOUND },
    `FR-Sejour : organizer CLUSTER de code ORG-211 (${TA}), id, statusCode, effectiveTime, component de typeCode COMP`, `FR-Sejour: CLUSTER organizer with code ORG-211 (${TA}), id, statusCode, effectiveTime, components with typeCode COMP`),
  cdaRule('CDA-SEJ-002', 'error', S, CDA_PAGES.sejour, 'r37 (modèle)', SEJOUR,
    { test: `count(cda:component/cda:encounter${tpl('1.2.250.1.213.1.1.3.218')})=1 and count(cda:component/cda:observation${tpl('1.2.250.1.213.1.1.3.48.6')})<=2 and count(cda:component/cda:observation${tpl('1.2.250.1.213.1.1.3.48.7')})<=2` },
    'FR-Sejour : une admission (FR-Sejour-Admission), au plus deux modalités d’entrée et deux de sortie', 'FR-Sejour: one admission (FR-Sejour-Admission), at most two entry and two exit modalities'),
  cdaRule('CDA-SEJ-003', 'error', S, CDA_PAGES.sejour, 'r35 (ART-DECOR)', ADMISSION,
    { test: `cda:templateId/@root='2.16.840.1.113883.10.20.1.21' and cda:code/@code='GEN-351' and cda:code/@codeSystem='${TA}' and count(cda:id)>=1`, params: CODE_FOUND },
    `FR-Sejour-Admission : templateId 2.16.840.1.113883.10.20.1.21, id et code GEN-351 (${TA}) attendus ; trouvé {found}`, `FR-Sejour-Admission: templateId 2.16.840.1.113883.10.20.1.21, id and code GEN-351 (${TA}) expected; found {found}`),
  cdaRule('CDA-SEJ-004', 'error', S, CDA_PAGES.sejour, 'r36 (ART-DECOR)', ADMISSION,
    { test: "count(cda:participant[@typeCode='RESP'])=1 and count(cda:participant[@typeCode='RESP']/cda:participantRole/cda:scopingEntity[@classCode='ENT'][@determinerCode='INSTANCE'][cda:id])=1" },
    'FR-Sejour-Admission : un participant RESP dont participantRole/scopingEntity (ENT, INSTANCE) porte un id (l’ESSMS)', 'FR-Sejour-Admission: one RESP participant whose participantRole/scopingEntity (ENT, INSTANCE) has an id (the ESSMS)'),
  cdaRule('CDA-SEJ-005', 'error', S, CDA_PAGES.sejour, 'r38 (modèle TDDUI, prime sur la règle CI-SIS E_modaliteEntree_fr)', ENTREE,
    { test: `cda:code/@code='ORG-070' and cda:code/@codeSystem='${TA}' and (@moodCode='EVN' or @moodCode='INT')`, params: CODE_FOUND },
    `FR-Modalite-entree : code ORG-070 (${TA}) et moodCode EVN ou INT attendus ; trouvé {found}`, `FR-Modalite-entree: code ORG-070 (${TA}) and moodCode EVN or INT expected; found {found}`,
    { hint: { fr: 'Le modèle TDDUI ne demande que le templateId 1.2.250.1.213.1.1.3.48.6 et admet INT (sortie prévue) ; les règles CI-SIS génériques contraires ne s’appliquent pas.', en: 'The TDDUI template asks only for templateId 1.2.250.1.213.1.1.3.48.6 and allows INT (planned); the contrary generic CI-SIS rules do not apply.' } }),
  cdaRule('CDA-SEJ-006', 'error', S, CDA_PAGES.sejour, 'r38 (modèle 1.1.0)', ENTREE, { test: "count(cda:value)=1 and cda:value/@nullFlavor='NA'", at: 'cda:value' },
    'FR-Modalite-entree (1.1.0) : value avec nullFlavor « NA » attendue', 'FR-Modalite-entree (1.1.0): value with nullFlavor "NA" expected', { versions: ['1.1.0'] }),
  cdaRule('CDA-SEJ-007', 'error', S, CDA_PAGES.sejour, 'r38 (modèle 1.0.1)', ENTREE, { test: 'count(cda:value)=1 and (exists(cda:value/@code) or exists(cda:value/@nullFlavor))', at: 'cda:value' },
    'FR-Modalite-entree (1.0.1) : value avec un code ou un nullFlavor attendue', 'FR-Modalite-entree (1.0.1): value with a code or a nullFlavor expected', { versions: ['1.0.1'] }),
  cdaRule('CDA-SEJ-008', 'error', S, CDA_PAGES.sejour, 'r38 (modèle 1.0.1)', `${ENTREE}/cda:value[@code]`, { valueSet: '1.2.250.1.213.1.1.5.73' },
    'modalité d’entrée « {found} » absente de {valueSet}', 'entry modality "{found}" not in {valueSet}', { versions: ['1.0.1'] }),
  cdaRule('CDA-SEJ-009', 'error', S, CDA_PAGES.sejour, 'r38 (modèle TDDUI, prime sur la règle CI-SIS E_modaliteSortie_fr)', SORTIE,
    { test: `cda:code/@code='ORG-074' and cda:code/@codeSystem='${TA}' and (@moodCode='EVN' or @moodCode='INT') and count(cda:value)=1 and (cda:value/@nullFlavor='NA' or exists(cda:value/@code))`, params: CODE_FOUND },
    `FR-Modalite-sortie : code ORG-074 (${TA}), moodCode EVN ou INT, une value (nullFlavor NA) attendus ; trouvé {found}`, `FR-Modalite-sortie: code ORG-074 (${TA}), moodCode EVN or INT, one value (nullFlavor NA) expected; found {found}`),
  // Évènement (rules 39–50)
  cdaRule('CDA-EVN-001', 'error', E, CDA_PAGES.evenement, 'r39 (ART-DECOR)', EVENT, { test: 'count(cda:id)=1' },
    'FR-Evenement : exactement un id attendu', 'FR-Evenement: exactly one id expected'),
  cdaRule('CDA-EVN-002', 'error', E, CDA_PAGES.evenement, 'r40 (ART-DECOR)', EVENT, { test: `cda:code/@code='GEN-367' and cda:code/@codeSystem='${TA}' and (@moodCode='EVN' or @moodCode='INT')`, params: CODE_FOUND },
    `FR-Evenement : code GEN-367 (${TA}) et moodCode EVN (réalisé) ou INT (prévu) attendus ; trouvé {found}`, `FR-Evenement: code GEN-367 (${TA}) and moodCode EVN (done) or INT (planned) expected; found {found}`),
  cdaRule('CDA-EVN-003', 'error', E, CDA_PAGES.evenement, 'r41 (ART-DECOR)', `${EVENT}/cda:code/cda:qualifier/cda:name`,
    { test: `(@code='GEN-364' or @code='GEN-363') and @codeSystem='${TA}'`, params: { found: "concat(@code, '|', @codeSystem)" } },
    `qualificatif du type d’évènement « {found} » : GEN-364 (réforme SSIAD) ou GEN-363 (réforme SERAFIN) de ${TA}`, `event type qualifier "{found}": GEN-364 (SSIAD reform) or GEN-363 (SERAFIN reform) from ${TA}`),
  cdaRule('CDA-EVN-004', 'error', E, CDA_PAGES.evenement, 'r42 (ART-DECOR)', `${EVENT}/cda:code/cda:qualifier/cda:value`, { valueSet: ['1.2.250.1.213.1.1.5.811', '1.2.250.1.213.3.3.252', '1.2.250.1.213.3.3.253'] },
    'type d’évènement « {found} » absent de {valueSet}', 'event type "{found}" not in {valueSet}'),
  cdaRule('CDA-EVN-005', 'error', E, CDA_PAGES.evenement, 'r43 (ART-DECOR)', EVENT, { test: LOW_HIGH, at: 'cda:effectiveTime' },
    'FR-Evenement : effectiveTime/low et effectiveTime/high, une fois chacun et sans nullFlavor', 'FR-Evenement: effectiveTime/low and effectiveTime/high, once each and without nullFlavor'),
  cdaRule('CDA-EVN-006', 'error', E, CDA_PAGES.evenement, 'r44 (ART-DECOR)', `${EVENT}/cda:participant[@typeCode='RESP']/cda:participantRole/cda:scopingEntity`, { test: 'exists(cda:id)' },
    'FR-Evenement : la structure responsable (scopingEntity) porte un id', 'FR-Evenement: the responsible organisation (scopingEntity) has an id'),
  cdaRule('CDA-EVN-007', 'error', E, CDA_PAGES.evenement, 'r45 (ART-DECOR)', `${EVENT}/cda:performer/cda:assignedEntity`, { test: ONE_ID },
    'FR-Evenement : performer/assignedEntity porte exactement un id sans nullFlavor', 'FR-Evenement: performer/assignedEntity has exactly one id without nullFlavor'),
  cdaRule('CDA-EVN-008', 'error', E, CDA_PAGES.evenement, 'r46 (ART-DECOR)', `${EVENT}/cda:participant[@typeCode='LOC']`,
    { test: "cda:participantRole/@classCode='SDLOC' and cda:participantRole/cda:playingEntity/@classCode='PLC' and cda:participantRole/cda:playingEntity/@determinerCode='INSTANCE'" },
    'FR-Evenement, lieu (participant LOC) : participantRole SDLOC et playingEntity PLC/INSTANCE attendus', 'FR-Evenement, place (LOC participant): participantRole SDLOC and playingEntity PLC/INSTANCE expected'),
  cdaRule('CDA-EVN-009', 'error', E, CDA_PAGES.evenement, 'r46 (ART-DECOR)', `${EVENT}/cda:participant[@typeCode='RESP']/cda:participantRole/cda:playingEntity`,
    { test: "@classCode='ENT' and @determinerCode='INSTANCE'" },
    'FR-Evenement, responsable (participant RESP) : playingEntity ENT/INSTANCE attendu', 'FR-Evenement, responsible (RESP participant): playingEntity ENT/INSTANCE expected'),
  cdaRule('CDA-EVN-010', 'error', E, CDA_PAGES.evenement, 'r46 (guide)', EVENT, { test: 'count(cda:participant)<=2' },
    'FR-Evenement : au plus deux participants (lieu et responsable)', 'FR-Evenement: at most two participants (place and responsible)'),
  cdaRule('CDA-EVN-011', 'error', E, CDA_PAGES.evenement, 'r47 (ART-DECOR)', `${EVENT}/${SIMPLE_OBS}/cda:code`, { valueSet: '1.2.250.1.213.1.1.1.58.2024.11.1' },
    'observation de l’évènement « {found} » absente de {valueSet}', 'event observation "{found}" not in {valueSet}'),
  cdaRule('CDA-EVN-012', 'error', E, CDA_PAGES.evenement, 'r48 (ART-DECOR)', `${EVENT}/${SIMPLE_OBS}`,
    { test: valueTypeTest([[['GEN-347', 'GEN-350', '38887-6'], 'BL'], [['106177-9'], 'TS'], [['GEN-349'], 'CD']]), params: { code: 'string(cda:code/@code)', found: 'string(cda:value/@xsi:type)' } },
    'observation {code} de l’évènement : type de valeur « {found} » inattendu (GEN-347, GEN-350, 38887-6 → BL ; 106177-9 → TS ; GEN-349 → CD)', 'event observation {code}: unexpected value type "{found}" (GEN-347, GEN-350, 38887-6 → BL; 106177-9 → TS; GEN-349 → CD)'),
  cdaRule('CDA-EVN-013', 'error', E, CDA_PAGES.evenement, 'r48 (ART-DECOR)', `${EVENT}/${SIMPLE_OBS}[cda:code/@code='GEN-349']/cda:value`, { valueSet: '1.2.250.1.213.1.1.5.807', nullFlavor: 'forbidden' },
    'ressource utilisée « {found} » absente de {valueSet}', 'resource used "{found}" not in {valueSet}'),
  cdaRule('CDA-EVN-014', 'error', E, CDA_PAGES.evenement, 'r49 (ART-DECOR)', `${EVENT}/${SIMPLE_OBS}[cda:code/@code='GEN-349']/cda:value[@code='ORG-206']/cda:qualifier/cda:value`, { valueSet: '1.2.250.1.213.1.1.5.808' },
    'détail du matériel spécialisé « {found} » absent de {valueSet}', 'specialised equipment detail "{found}" not in {valueSet}'),
  cdaRule('CDA-EVN-015', 'error', E, CDA_PAGES.evenement, 'r49 (ART-DECOR)', `${EVENT}/${SIMPLE_OBS}[cda:code/@code='GEN-349']/cda:value[@code='ORG-207']/cda:qualifier/cda:value`, { valueSet: '1.2.250.1.213.1.1.5.809' },
    'détail de la ressource immobilière « {found} » absent de {valueSet}', 'real-estate resource detail "{found}" not in {valueSet}'),
  cdaRule('CDA-EVN-016', 'warning', E, CDA_PAGES.evenement, 'r50 (guide)', `${EVENT}/cda:performer[sdtc:functionCode/@code='330']`,
    { test: "cda:assignedEntity/cda:code/@code='G15_60' and cda:assignedEntity/cda:code/@codeSystem='1.2.250.1.213.1.1.4.5'" },
    'infirmier coordinateur (fonction 330) : assignedEntity/code G15_60 (1.2.250.1.213.1.1.4.5) attendu', 'coordinating nurse (function 330): assignedEntity/code G15_60 (1.2.250.1.213.1.1.4.5) expected'),
  // Statut (rules 51–54)
  cdaRule('CDA-STA-001', 'error', E, CDA_PAGES.evenement, 'r51 (ART-DECOR)', `${STATUT}/cda:value`, { valueSet: '1.2.250.1.213.3.4.219', nullFlavor: 'forbidden' },
    'statut « {found} » absent de {valueSet}', 'status "{found}" not in {valueSet}'),
  cdaRule('CDA-STA-002', 'error', E, CDA_PAGES.evenement, 'r52 (ART-DECOR)', `${STATUT}[cda:value/@code='ANNULE']`, { test: "exists(cda:value/cda:qualifier[cda:name/@code='GEN-348'])" },
    'statut ANNULE : le motif (value/qualifier de nom GEN-348) est attendu', 'status ANNULE: the reason (value/qualifier named GEN-348) is expected'),
  cdaRule('CDA-STA-003', 'error', E, CDA_PAGES.evenement, 'r52 (ART-DECOR)', `${STATUT}/cda:value/cda:qualifier[cda:name/@code='GEN-348']/cda:value`, { valueSet: '1.2.250.1.213.1.1.5.803' },
    'motif de non-réalisation « {found} » absent de {valueSet}', 'non-completion reason "{found}" not in {valueSet}'),
  cdaRule('CDA-STA-004', 'error', E, CDA_PAGES.evenement, 'r53 (ART-DECOR)', `${STATUT}/cda:author/cda:assignedAuthor/cda:representedOrganization`, { test: 'count(cda:id)=1' },
    'FR-Statut : l’organisation de l’auteur porte exactement un id', 'FR-Statut: the author organisation has exactly one id'),
  cdaRule('CDA-STA-005', 'error', E, CDA_PAGES.evenement, 'r54 (modèle)', STATUT, { test: `cda:code/@code='106199-3' and cda:code/@codeSystem='${LOINC}' and cda:statusCode/@code='completed'`, params: CODE_FOUND },
    `FR-Statut : code 106199-3 (LOINC) et statusCode completed attendus ; trouvé {found}`, `FR-Statut: code 106199-3 (LOINC) and statusCode completed expected; found {found}`),
  // Transports (rules 55–63)
  cdaRule('CDA-TRP-001', 'error', T, CDA_PAGES.evenement, 'r55–56 (ART-DECOR)', `${TP_PAT} | ${TP_PRO}`,
    { test: `@moodCode='EVN' and ${oneOf('cda:code/@code', ['ORG-202', 'ORG-203', 'ORG-204', 'ORG-205', 'GEN-092.06.08'])} and cda:code/@codeSystem='${TA}'`, params: CODE_FOUND },
    `transport : moodCode EVN et mode ORG-202, ORG-203, ORG-204, ORG-205 ou GEN-092.06.08 (${TA}) attendus ; trouvé {found}`, `transport: moodCode EVN and mode ORG-202, ORG-203, ORG-204, ORG-205 or GEN-092.06.08 (${TA}) expected; found {found}`),
  cdaRule('CDA-TRP-002', 'error', T, CDA_PAGES.evenement, 'r57 (ART-DECOR)', `${TP_PAT}[${oneOf('cda:code/@code', ['ORG-204', 'ORG-205', 'GEN-092.06.08'])}] | ${TP_PRO}[${oneOf('cda:code/@code', ['ORG-204', 'ORG-205', 'GEN-092.06.08'])}]`,
    { test: 'not(cda:code/cda:qualifier)', params: { found: 'string(cda:code/@code)' } },
    'transport {found} (transport en commun, modes doux ou autre) : pas de qualificatif de motorisation', 'transport {found} (public transport, soft modes or other): no motorisation qualifier'),
  cdaRule('CDA-TRP-003', 'warning', T, CDA_PAGES.evenement, 'r57 (guide [1..1])', `${TP_PAT}[cda:code/@code='ORG-202' or cda:code/@code='ORG-203'] | ${TP_PRO}[cda:code/@code='ORG-202' or cda:code/@code='ORG-203']`,
    { test: "count(cda:code/cda:qualifier[cda:name/@code='GEN-346'])=1" },
    'transport en véhicule : le type de motorisation (qualifier GEN-346) est attendu une fois', 'vehicle transport: the motorisation type (qualifier GEN-346) is expected once'),
  cdaRule('CDA-TRP-004', 'error', T, CDA_PAGES.evenement, 'r57 (ART-DECOR)', `${TP_PAT}/cda:code/cda:qualifier[cda:name/@code='GEN-346']/cda:value | ${TP_PRO}/cda:code/cda:qualifier[cda:name/@code='GEN-346']/cda:value`, { valueSet: '1.2.250.1.213.1.1.5.801' },
    'type de motorisation « {found} » absent de {valueSet}', 'motorisation type "{found}" not in {valueSet}'),
  cdaRule('CDA-TRP-005', 'error', T, CDA_PAGES.evenement, 'r58 (ART-DECOR)', `${TP_PAT}/cda:code/cda:qualifier[cda:name/@code='GEN-345']/cda:value`, { valueSet: '1.2.250.1.213.3.3.251' },
    'nature du transport « {found} » absente de {valueSet}', 'transport nature "{found}" not in {valueSet}'),
  cdaRule('CDA-TRP-006', 'error', T, CDA_PAGES.evenement, 'r59 (ART-DECOR + modèle)', `${TP_PAT} | ${TP_PRO}`, { test: `${LOW_HIGH} and count(cda:id)=1` },
    'transport : un id, effectiveTime/low et effectiveTime/high une fois chacun sans nullFlavor', 'transport: one id, effectiveTime/low and effectiveTime/high once each without nullFlavor'),
  cdaRule('CDA-TRP-007', 'error', T, CDA_PAGES.evenement, 'r60 (ART-DECOR)', `${TP_PRO}/cda:participant[@typeCode='RCV']/cda:participantRole`,
    { test: `${ONE_ID} and (not(cda:scopingEntity) or count(cda:scopingEntity/cda:id)=1)` },
    'transport du professionnel : le professionnel (participant RCV) porte exactement un id sans nullFlavor ; sa structure, si présente, un id', 'professional transport: the professional (RCV participant) has exactly one id without nullFlavor; its organisation, if present, one id'),
  cdaRule('CDA-TRP-008', 'error', T, CDA_PAGES.evenement, 'r62 (ART-DECOR)', `${TP_PAT}/${SIMPLE_OBS}/cda:code`, { valueSet: '1.2.250.1.213.1.1.1.58.2024.11.2' },
    'observation du transport de l’usager « {found} » absente de {valueSet}', 'patient transport observation "{found}" not in {valueSet}'),
  cdaRule('CDA-TRP-009', 'error', T, CDA_PAGES.evenement, 'r62 (ART-DECOR)', `${TP_PRO}/${SIMPLE_OBS}/cda:code`, { valueSet: '1.2.250.1.213.1.1.1.58.2024.11.3' },
    'observation du transport du professionnel « {found} » absente de {valueSet}', 'professional transport observation "{found}" not in {valueSet}'),
  cdaRule('CDA-TRP-010', 'error', T, CDA_PAGES.evenement, 'r63 (ART-DECOR)', `${TP_PAT}/${SIMPLE_OBS} | ${TP_PRO}/${SIMPLE_OBS}`,
    { test: valueTypeTest([[['MED-1124', '275827007'], 'BL'], [['ORG-200', 'ORG-201'], 'MO'], [['GEN-353'], 'IVL_TS'], [['103208-5'], 'PQ']]), params: { code: 'string(cda:code/@code)', found: 'string(cda:value/@xsi:type)' } },
    'observation {code} du transport : type de valeur « {found} » inattendu (MED-1124, 275827007 → BL ; ORG-200, ORG-201 → MO ; GEN-353 → IVL_TS ; 103208-5 → PQ)', 'transport observation {code}: unexpected value type "{found}" (MED-1124, 275827007 → BL; ORG-200, ORG-201 → MO; GEN-353 → IVL_TS; 103208-5 → PQ)'),
  // Évaluations (rules 64–71)
  cdaRule('CDA-EVA-001', 'error', V, CDA_PAGES.evaluation, 'r64 (guide)', `${GROUP}/cda:code`, { valueSet: '1.2.250.1.213.1.1.5.802', nullFlavor: 'forbidden' },
    'type du groupe d’évaluation « {found} » absent de {valueSet}', 'evaluation group type "{found}" not in {valueSet}'),
  cdaRule('CDA-EVA-002', 'error', V, CDA_PAGES.evaluation, 'r64 (guide)', '/cda:ClinicalDocument/cda:component/cda:structuredBody', { custom: duplicateGroups },
    'groupe d’évaluation {found} en double : un seul groupe par type d’évaluation', 'duplicate evaluation group {found}: one group per evaluation type'),
  cdaRule('CDA-EVA-003', 'error', V, CDA_PAGES.evaluation, 'r64 (ART-DECOR)', `${GROUP}/cda:component/cda:observation${tpl('1.2.250.1.213.1.1.3.25')}`,
    { test: 'cda:code/@code = ../../cda:code/@code', params: { found: 'string(cda:code/@code)', expected: 'string(../../cda:code/@code)' } },
    'FR-Evaluation de code {found} dans un groupe de type {expected} : les codes doivent être égaux', 'FR-Evaluation with code {found} in a group of type {expected}: the codes must be equal'),
  cdaRule('CDA-EVA-004', 'error', V, CDA_PAGES.evaluation, 'r64 (ART-DECOR 1.0.1)', `${GROUP}/cda:component/cda:observation${tpl('1.2.250.1.213.1.1.3.25')}`,
    { test: 'cda:code/@codeSystem = ../../cda:code/@codeSystem', params: { found: 'string(cda:code/@codeSystem)', expected: 'string(../../cda:code/@codeSystem)' } },
    'FR-Evaluation (1.0.1) : système de code {found} différent de celui du groupe ({expected})', 'FR-Evaluation (1.0.1): code system {found} differs from the group’s ({expected})', { versions: ['1.0.1'] }),
  cdaRule('CDA-EVA-005', 'error', V, CDA_PAGES.evaluation, 'r65 (ART-DECOR)', `${EVAL}/cda:code`, { valueSet: '1.2.250.1.213.1.1.5.802', nullFlavor: 'forbidden' },
    'type d’évaluation « {found} » absent de {valueSet}', 'evaluation type "{found}" not in {valueSet}'),
  cdaRule('CDA-EVA-006', 'error', V, CDA_PAGES.evaluation, 'r66 (ART-DECOR)', `${EVAL}[${oneOf('cda:code/@code', AGGIR)}]/cda:value`, { valueSet: '1.2.250.1.213.1.1.5.53', nullFlavor: 'forbidden' },
    'GIR « {found} » absent de {valueSet}', 'GIR "{found}" not in {valueSet}'),
  cdaRule('CDA-EVA-007', 'error', V, CDA_PAGES.evaluation, 'r66 (ART-DECOR)', `${EVAL}[${oneOf('cda:code/@code', AGGIR)}]`, { test: "count(cda:value)=1 and cda:value/@xsi:type='CD'", at: 'cda:value' },
    'évaluation AGGIR : une value de type CD (le GIR) est attendue', 'AGGIR evaluation: one value of type CD (the GIR) is expected'),
  cdaRule('CDA-EVA-008', 'warning', V, CDA_PAGES.evaluation, 'r66 (guide)', `${EVAL}[cda:code/@code='MED-1290' or cda:code/@code='MED-1291']`, { test: "cda:value/@nullFlavor='NA'", at: 'cda:value' },
    'évaluation de situation SSIAD ou SERAFIN : value de nullFlavor « NA » attendue', 'SSIAD situation or SERAFIN evaluation: value with nullFlavor "NA" expected'),
  cdaRule('CDA-EVA-009', 'error', V, CDA_PAGES.evaluation, 'r67 (ART-DECOR)', EVAL,
    { test: "(exists(cda:performer) or exists(cda:author) or exists(cda:participant[@typeCode='RESP'])) and not(cda:participant[not(@typeCode='RESP')])" },
    'FR-Evaluation : au moins un performer, author ou participant RESP, et tout participant est de typeCode RESP', 'FR-Evaluation: at least one performer, author or RESP participant, and every participant has typeCode RESP'),
  cdaRule('CDA-EVA-010', 'error', V, CDA_PAGES.evaluation, 'r67 (ART-DECOR)', `${EVAL}/cda:participant[@typeCode='RESP']/cda:participantRole | ${EVAL}/cda:performer/cda:assignedEntity`,
    { test: `${ONE_ID} and (not(cda:scopingEntity) or count(cda:scopingEntity/cda:id)=1)` },
    'FR-Evaluation : le responsable ou l’évaluateur porte exactement un id sans nullFlavor (et sa structure, si présente, un id)', 'FR-Evaluation: the responsible or the evaluator has exactly one id without nullFlavor (and its organisation, if present, one id)'),
  cdaRule('CDA-EVA-011', 'error', V, CDA_PAGES.evaluation, 'r67 (ART-DECOR)', `${EVAL}/cda:author/cda:assignedAuthor/cda:representedOrganization`, { test: 'count(cda:id)=1' },
    'FR-Evaluation : l’organisation de l’auteur porte exactement un id', 'FR-Evaluation: the author organisation has exactly one id'),
  ...([['MED-1292', '1.2.250.1.213.1.1.5.805', '012'], ['MED-1293', '1.2.250.1.213.1.1.5.806', '013'], ['MED-1290', '1.2.250.1.213.1.1.5.804', '014'], ['MED-1291', '1.2.250.1.213.3.3.254', '015']] as const).map(([type, vs, n]) =>
    cdaRule(`CDA-EVA-${n}`, 'error', V, CDA_PAGES.evaluation, 'r68 (ART-DECOR)', `${EVAL}[cda:code/@code='${type}']/${COMPOSANT}/cda:code`, { valueSet: vs, nullFlavor: 'forbidden' },
      `élément évalué « {found} » d’une évaluation ${type} absent de {valueSet}`, `evaluated item "{found}" of a ${type} evaluation not in {valueSet}`)),
  cdaRule('CDA-EVA-016', 'error', V, CDA_PAGES.evaluation, 'r69 (ART-DECOR)', `${EVAL}[${oneOf('cda:code/@code', AGGIR)}]/${COMPOSANT}/cda:value`, { valueSet: '1.2.250.1.213.1.1.5.816' },
    'résultat d’évaluation AGGIR « {found} » absent de {valueSet}', 'AGGIR evaluation result "{found}" not in {valueSet}'),
  cdaRule('CDA-EVA-017', 'error', V, CDA_PAGES.evaluation, 'r69 (ART-DECOR)', `${EVAL}/${COMPOSANT}`,
    { test: "(not(../../cda:code/@code='MED-1292' or ../../cda:code/@code='MED-1293') or cda:value/@xsi:type='CD') and (not(../../cda:code/@code='MED-1290') or cda:value/@xsi:type='BL') and (not(../../cda:code/@code='MED-1291') or cda:value/@xsi:type='INT')", params: { found: 'string(cda:value/@xsi:type)', type: 'string(../../cda:code/@code)' } },
    'élément évalué d’une évaluation {type} : type de valeur « {found} » inattendu (AGGIR → CD ; MED-1290 → BL ; MED-1291 → INT)', 'evaluated item of a {type} evaluation: unexpected value type "{found}" (AGGIR → CD; MED-1290 → BL; MED-1291 → INT)'),
  cdaRule('CDA-EVA-018', 'warning', V, CDA_PAGES.evaluation, 'r70 (guide)', `${EVAL}[${oneOf('cda:code/@code', AGGIR)}]`, { custom: aggirCompleteness },
    'évaluation AGGIR incomplète : {found} élément(s) évalué(s), {expected} attendus (un par code de la grille)', 'incomplete AGGIR evaluation: {found} evaluated item(s), {expected} expected (one per code of the grid)'),
  cdaRule('CDA-EVA-019', 'warning', V, CDA_PAGES.evaluation, 'r70 (guide)', `${EVAL}[${oneOf('cda:code/@code', AGGIR)}]/${COMPOSANT}`,
    { test: `count(cda:entryRelationship/cda:observation${tpl('1.2.250.1.213.1.1.3.220')})=4`, params: { found: 'string(cda:code/@code)' } },
    'élément AGGIR {found} : quatre critères (FR-Evaluation-Composant-N2) sont attendus', 'AGGIR item {found}: four criteria (FR-Evaluation-Composant-N2) are expected'),
  cdaRule('CDA-EVA-020', 'error', V, CDA_PAGES.evaluation, 'r71 (ART-DECOR)', `${N2}/cda:code`, { valueSet: '1.2.250.1.213.1.1.5.817', nullFlavor: 'forbidden' },
    'critère d’évaluation « {found} » absent de {valueSet}', 'evaluation criterion "{found}" not in {valueSet}'),
  cdaRule('CDA-EVA-021', 'error', V, CDA_PAGES.evaluation, 'r71 (ART-DECOR)', N2, { test: "cda:value/@xsi:type='BL'", at: 'cda:value' },
    'critère d’évaluation : value de type BL attendue', 'evaluation criterion: value of type BL expected'),
  // Couvertures sociales, documents ajoutés (rules 72–74)
  cdaRule('CDA-COU-001', 'error', D, CDA_PAGES.couvertures, 'r73 (modèle)', `//cda:act${tpl('1.2.250.1.213.1.1.3.61')}`,
    { test: `@moodCode='DEF' and cda:code/@code='48768-6' and cda:code/@codeSystem='${LOINC}' and cda:statusCode/@code='completed' and count(cda:entryRelationship[@typeCode='COMP'])>=1` },
    'FR-Couverture-sociale : act DEF, code 48768-6 (LOINC), statusCode completed et au moins une entryRelationship COMP', 'FR-Couverture-sociale: DEF act, code 48768-6 (LOINC), statusCode completed and at least one COMP entryRelationship'),
  cdaRule('CDA-COU-002', 'error', D, CDA_PAGES.couvertures, 'r72 (modèle)', `//cda:act${tpl('1.2.250.1.213.1.1.3.94')}/cda:code`, { valueSet: '1.2.250.1.213.1.1.5.125' },
    'couverture sociale « {found} » absente de {valueSet}', 'social coverage "{found}" not in {valueSet}'),
  cdaRule('CDA-COU-003', 'error', D, CDA_PAGES.couvertures, 'r72 (modèle)', `//cda:act${tpl('1.2.250.1.213.1.1.3.94')}`,
    { test: "count(cda:performer)=1 and count(cda:participant[@typeCode='COV'])<=1 and count(cda:participant[@typeCode='HLD'])<=1" },
    'FR-Organisme-assurance-maladie : un performer (le payeur), au plus un participant COV et un HLD', 'FR-Organisme-assurance-maladie: one performer (the payer), at most one COV and one HLD participant'),
  cdaRule('CDA-DOC-001', 'error', D, CDA_PAGES.documents, 'r74 (modèle)', `//cda:organizer${tpl('1.2.250.1.213.1.1.3.18')}`,
    { test: `count(cda:component/cda:observation${tpl('1.2.250.1.213.1.1.3.48.18')}[cda:code/@code='69764-9'])=1 and count(cda:component/cda:observationMedia[cda:value])=1 and exists(cda:component/cda:observationMedia/cda:value/@mediaType)` },
    'FR-Document-attache : un FR-Type-document-attache (code 69764-9) et un observationMedia avec value et mediaType', 'FR-Document-attache: one FR-Type-document-attache (code 69764-9) and one observationMedia with value and mediaType'),
];
