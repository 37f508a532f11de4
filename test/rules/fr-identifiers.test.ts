/**
 * The French identifier algorithms, table-driven: NIR/NIA structure and key, coherence with the INS
 * traits, Luhn, FINESS, SIREN/SIRET, RPPS/ADELI, idNat_PS/idNat_Struct, INS authorities, identifier
 * kinds and TDDUI business identifiers. Vectors: CNAM nir-validation spec, publimath, mathweb, the
 * CI-SIS INSi test identity, real FINESS/SIREN/SIRET numbers (shared/docs/fr-identifiers.md).
 */
import { expect } from 'chai';
import { BUSINESS_ID_SYSTEMS, businessIdSystem, embeddedFiness, parseBusinessId } from '../../src/rules/fr-identifiers/business-identifiers.js';
import { checkFiness, finessDepartment } from '../../src/rules/fr-identifiers/finess.js';
import type { IdentifierIssue } from '../../src/rules/fr-identifiers/identifier-issue.js';
import { identifierKind } from '../../src/rules/fr-identifiers/identifier-systems.js';
import { FR_CORE_IDENTIFIER_TYPE_SYSTEM, INS_AUTHORITIES, insAuthority } from '../../src/rules/fr-identifiers/ins-authorities.js';
import { digitSum, luhnCheckDigit, luhnValid } from '../../src/rules/fr-identifiers/luhn.js';
import { checkIdentifierValue, checkIdNatPs, checkIdNatSt, parseIdNatPs } from '../../src/rules/fr-identifiers/national-ids.js';
import { compareNirWithTraits } from '../../src/rules/fr-identifiers/nir-traits.js';
import { checkNirKey, formatNirKey, nirKey, normalizeNir, parseNir, type NirFields } from '../../src/rules/fr-identifiers/nir.js';
import { checkAdeli, checkRpps } from '../../src/rules/fr-identifiers/rpps-adeli.js';
import { checkSiren, checkSiret } from '../../src/rules/fr-identifiers/siren-siret.js';

const compact = (s: string) => s.replace(/ /g, '');

/** Issues reduced to what a rule keys on: "KIND code [within KIND]". */
const summary = (issues: IdentifierIssue[]) => issues.map((i) => `${i.kind} ${i.code}${i.within ? ` in ${i.within.kind}` : ''}`);

function nir(value: string): NirFields {
  const p = parseNir(compact(value));
  if (!p.ok) throw new Error(`NIR attendu valide : ${value} (${p.problems.map((x) => x.reason.fr).join(' ; ')})`);
  return p.nir;
}

describe('identifiants français — algorithmes', () => {
  describe('clé NIR (97 − N mod 97, 2A→19 / 2B→18 en positions 6–7)', () => {
    const VECTORS: [string, number, string][] = [
      ['2 55 08 14 168 025', 38, 'CNAM'],
      ['2 94 03 75 120 005', 91, 'CNAM'],
      ['1 53 12 45 007 231', 60, 'CNAM'],
      ['2 84 05 2A 321 025', 52, 'CNAM, Corse-du-Sud'],
      ['2 84 05 2B 321 025', 79, 'CNAM, Haute-Corse'],
      ['2 84 20 2B 321 025', 28, 'CNAM, mois inconnu 20'],
      ['2 84 99 2B 321 025', 31, 'CNAM, mois inconnu 99'],
      ['2 84 05 88 321 025', 32, 'CNAM'],
      ['2 06 12 75 111 005', 64, 'publimath'],
      ['1 89 12 75 125 012', 82, 'mathweb'],
      ['2 79 03 51 215 189', 89, 'identité de test INSi (CI-SIS)'],
      ['1 23 45 67 890 122', 12, 'exemple FR Core (clé publiée 44, fausse)'],
      ['1 47 72 04 253 674', 30, 'exemple TDDUI (clé publiée 11, fausse)'],
    ];
    for (const [first13, key, source] of VECTORS) {
      it(`${first13} → ${key} (${source})`, () => {
        expect(nirKey(compact(first13))).to.equal(key);
      });
    }

    it('ne substitue 2A/2B qu’en positions 6–7', () => {
      expect(() => nirKey('2A40575321025')).to.throw();
      expect(() => nirKey('28405753212A5')).to.throw();
    });

    it('refuse une longueur autre que 13', () => {
      expect(() => nirKey('284052A32102')).to.throw();
    });

    it('formate la clé sur 2 chiffres', () => {
      expect(formatNirKey(5)).to.equal('05');
      expect(formatNirKey(97)).to.equal('97');
    });

    const KEY_CHECKS: [string, boolean, string][] = [
      ['2 55 08 14 168 025 38', true, '38'],
      ['2 84 05 2A 321 025 52', true, '52'],
      ['2 79 03 51 215 189 89', true, '89'],
      ['1 47 72 04 253 674 11', false, '30'],
      ['1 23 45 67 890 122 44', false, '12'],
      ['2 55 08 14 168 025 00', false, '38'],
    ];
    for (const [value, valid, expected] of KEY_CHECKS) {
      it(`checkNirKey ${value} → ${valid ? 'valide' : `attendu ${expected}`}`, () => {
        const r = checkNirKey(nir(value));
        expect(r).to.deep.equal({ valid, expected, found: compact(value).slice(13) });
      });
    }

    it('checkNirKey ne dit rien d’un NIR sans clé (13 caractères)', () => {
      const p = parseNir('2550814168025', { requireKey: false });
      expect(p.ok && checkNirKey(p.nir)).to.equal(undefined);
    });
  });

  describe('structure NIR/NIA', () => {
    const VALID: [string, Partial<NirFields>][] = [
      ['2 55 08 14 168 025 38', { sex: 'female', year: '55', month: '08', monthKnown: true, department: '14', commune: '168', inseeCode: '14168', place: 'metropole', order: '025', key: '38' }],
      ['1 47 72 04 253 674 11', { sex: 'male', year: '47', month: '72', monthKnown: false, department: '04', commune: '253', inseeCode: '04253', order: '674' }],
      ['2 84 20 2B 321 025 28', { month: '20', monthKnown: false, department: '2B', inseeCode: '2B321', place: 'corse' }],
      ['2 84 05 2A 321 025 52', { department: '2A', commune: '321', place: 'corse' }],
      ['1 80 01 97 105 123 00', { department: '971', commune: '05', inseeCode: '97105', place: 'outre-mer' }],
      ['1 80 01 98 811 123 00', { department: '988', commune: '11', place: 'outre-mer' }],
      ['1 80 12 99 352 004 00', { department: '99', commune: '352', countryCode: '352', inseeCode: '99352', place: 'etranger' }],
    ];
    for (const [value, fields] of VALID) {
      it(`lit ${value}`, () => {
        expect(nir(value)).to.include(fields);
      });
    }

    it('accepte 13 caractères quand la clé n’est pas exigée', () => {
      const p = parseNir('2550814168025', { requireKey: false });
      expect(p.ok).to.equal(true);
      expect(parseNir('2550814168025').ok).to.equal(false);
    });

    const INVALID: [string, string[]][] = [
      ['255081416802538 ', ['length']],
      ['2 55 08 14 168 025 38', ['length']],
      ['25508141680253', ['length']],
      ['355081416802538', ['sex']],
      ['755081416802538', ['sex']],
      ['855081416802538', ['sex']],
      ['555081416802538', ['sex']],
      ['655081416802538', ['sex']],
      ['2A5081416802538', ['year']],
      ['255131416802538', ['month']],
      ['255001416802538', ['month']],
      ['255191416802538', ['month']],
      ['255082C16802538', ['department']],
      ['255082a32102552', ['department']],
      ['2550814A6802538', ['commune']],
      ['255081416800038', ['order']],
      ['2550814168025XX', ['key']],
      ['755131416800038', ['sex', 'month', 'order']],
    ];
    for (const [value, fields] of INVALID) {
      it(`rejette « ${value} » (${fields.join(', ')})`, () => {
        const p = parseNir(value);
        expect(p.ok).to.equal(false);
        if (!p.ok) expect(p.problems.map((x) => x.field)).to.deep.equal(fields);
      });
    }

    it('nomme NNP et MIG', () => {
      const nnp = parseNir('755081416802538');
      const mig = parseNir('555081416802538');
      expect(!nnp.ok && nnp.problems[0].reason.fr).to.contain('NNP');
      expect(!mig.ok && mig.problems[0].reason.fr).to.contain('MIG');
    });

    it('normalise comme le validateur CNAM (espaces, majuscules)', () => {
      expect(normalizeNir(' 2 84 05 2a 321 025 52 ')).to.equal('284052A32102552');
    });
  });

  describe('NIR ↔ traits INS', () => {
    const base = nir('1 47 04 63 220 674 00');
    const coherent = { gender: 'male', birthDate: '1947-04-03', birthPlaceInsee: '63220', birthOrder: 674 };
    const CASES: [string, object, { field: string; expected: string; found: string }[]][] = [
      ['cohérent', coherent, []],
      ['sexe', { ...coherent, gender: 'female' }, [{ field: 'sex', expected: 'male', found: 'female' }]],
      ['année', { ...coherent, birthDate: '1948-04-03' }, [{ field: 'year', expected: '..47', found: '1948' }]],
      ['mois', { ...coherent, birthDate: '1947-05-03' }, [{ field: 'month', expected: '04', found: '05' }]],
      ['lieu', { ...coherent, birthPlaceInsee: '04253' }, [{ field: 'birthPlace', expected: '63220', found: '04253' }]],
      ['ordre', { ...coherent, birthOrder: 1 }, [{ field: 'order', expected: '674', found: '1' }]],
      ['traits absents : rien à comparer', {}, []],
      ['sexe unknown : non comparé', { gender: 'unknown' }, []],
      ['date sans mois : seule l’année compte', { birthDate: '1947' }, []],
    ];
    for (const [label, traits, expected] of CASES) {
      it(label, () => {
        expect(compareNirWithTraits(base, traits).map(({ field, expected: e, found }) => ({ field, expected: e, found }))).to.deep.equal(expected);
      });
    }

    it('ne compare pas le mois quand le NIR le dit inconnu (20–99)', () => {
      expect(compareNirWithTraits(nir('1 47 72 63 220 674 00'), { birthDate: '1947-04-03' })).to.deep.equal([]);
    });

    it('compare les codes INSEE de Corse et de l’étranger', () => {
      expect(compareNirWithTraits(nir('2 84 05 2A 321 025 52'), { birthPlaceInsee: '2A321' })).to.deep.equal([]);
      expect(compareNirWithTraits(nir('1 80 12 99 352 004 00'), { birthPlaceInsee: '99352' })).to.deep.equal([]);
      expect(compareNirWithTraits(nir('1 80 12 99 352 004 00'), { birthPlaceInsee: '99100' })).to.have.length(1);
    });
  });

  describe('Luhn', () => {
    const VALID = ['750712184', '750100042', '690781810', '130786049', '540002698', '552100554', '267500452', '55210055400013', '26750045200011', '10005531586', '356000000', '0'];
    const INVALID = ['480787529', '479207529', '552100555', '55210055400014', '10103441234', '', '12a4'];
    for (const v of VALID) it(`${v} passe`, () => expect(luhnValid(v)).to.equal(true));
    for (const v of INVALID) it(`« ${v} » ne passe pas`, () => expect(luhnValid(v)).to.equal(false));

    it('calcule le chiffre à ajouter', () => {
      for (const v of VALID.filter((x) => x.length > 1)) expect(luhnCheckDigit(v.slice(0, -1)), v).to.equal(v.slice(-1));
      expect(luhnCheckDigit('48078752')).to.equal('2');
      expect(() => luhnCheckDigit('12a')).to.throw();
    });

    it('somme des chiffres', () => expect(digitSum('35600000000001')).to.equal(15));
  });

  describe('FINESS', () => {
    const CASES: [string, string[], string?][] = [
      ['750712184', []],
      ['750100042', []],
      ['690781810', []],
      ['130786049', []],
      ['540002698', []],
      ['2A0000012', [], 'Corse : pas de clé connue'],
      ['9A0000012', [], 'outre-mer : pas de clé connue'],
      ['480787529', ['FINESS check-digit'], 'exemples TDDUI'],
      ['479207529', ['FINESS check-digit']],
      ['48078752', ['FINESS format']],
      ['4807875290', ['FINESS format']],
      ['AB0787529', ['FINESS format']],
      ['48O787529', ['FINESS format']],
    ];
    for (const [value, issues, note] of CASES) {
      it(`${value} → ${issues.join(', ') || 'ok'}${note ? ` (${note})` : ''}`, () => expect(summary(checkFiness(value))).to.deep.equal(issues));
    }

    it('donne le chiffre de contrôle attendu', () => {
      expect(checkFiness('480787529')[0]).to.include({ expected: '2', found: '9' });
    });

    it('lit le département', () => {
      expect(finessDepartment('750712184')).to.equal('75');
      expect(finessDepartment('2B0000012')).to.equal('2B');
      expect(finessDepartment('123')).to.equal(undefined);
    });
  });

  describe('SIREN / SIRET', () => {
    const SIREN: [string, string[]][] = [
      ['552100554', []],
      ['267500452', []],
      ['356000000', []],
      ['552100555', ['SIREN check-digit']],
      ['55210055', ['SIREN format']],
      ['55210055A', ['SIREN format']],
    ];
    for (const [value, issues] of SIREN) it(`SIREN ${value} → ${issues.join(', ') || 'ok'}`, () => expect(summary(checkSiren(value))).to.deep.equal(issues));

    const SIRET: [string, string[], string?][] = [
      ['55210055400013', []],
      ['26750045200011', []],
      ['55210055400014', ['SIRET check-digit']],
      ['55210055500012', ['SIREN check-digit in SIRET', 'SIRET check-digit'], 'SIREN et SIRET faux'],
      ['5521005540001', ['SIRET format']],
      ['5521005540001X', ['SIRET format']],
      ['35600000000048', [], 'La Poste, Luhn juste'],
      ['35600000000001', [], 'La Poste : somme 15, multiple de 5'],
      ['35600000000049', ['SIRET la-poste'], 'La Poste : somme 27'],
    ];
    for (const [value, issues, note] of SIRET) {
      it(`SIRET ${value} → ${issues.join(', ') || 'ok'}${note ? ` (${note})` : ''}`, () => expect(summary(checkSiret(value))).to.deep.equal(issues));
    }

    it('donne les chiffres de contrôle attendus', () => {
      expect(checkSiren('552100555')[0]).to.include({ expected: '4', found: '5' });
      expect(checkSiret('55210055400014')[0]).to.include({ expected: '3', found: '4' });
    });
  });

  describe('RPPS / ADELI', () => {
    const CASES: [string, (v: string) => IdentifierIssue[], string, string[]][] = [
      ['RPPS', checkRpps, '10005531586', []],
      ['RPPS', checkRpps, '10103441234', ['RPPS check-digit']],
      ['RPPS', checkRpps, '1000553158', ['RPPS format']],
      ['RPPS', checkRpps, '1000553158X', ['RPPS format']],
      ['ADELI', checkAdeli, '751234567', []],
      ['ADELI', checkAdeli, '2A1234567', []],
      ['ADELI', checkAdeli, '75123456', ['ADELI format']],
      ['ADELI', checkAdeli, '75123456X', ['ADELI format']],
    ];
    for (const [kind, fn, value, issues] of CASES) it(`${kind} ${value} → ${issues.join(', ') || 'ok'}`, () => expect(summary(fn(value))).to.deep.equal(issues));
  });

  describe('idNat_PS (TRE_G08)', () => {
    const CASES: [string, string[], string?][] = [
      ['810005531586', [], '8 + RPPS'],
      ['810103441234', ['RPPS check-digit in IDNPS']],
      ['81000553158', ['RPPS format in IDNPS']],
      ['0751234567', [], '0 + ADELI'],
      ['075123456', ['ADELI format in IDNPS']],
      ['3750100125/1453', [], '3 + FINESS / n° de registre (exemple PDLGC)'],
      ['3480787529/1453', ['FINESS check-digit in IDNPS']],
      ['312345/1453', ['FINESS format in IDNPS']],
      ['4552100554/12', []],
      ['555210055400013/12', []],
      ['1751234567/7', []],
      ['6ABC/12', [], 'cabinet RPPS : identifiant non vérifié'],
      ['10103441234', ['IDNPS registry-form'], 'exemple TDDUI : RPPS sans préfixe 8 ?'],
      ['3750100125', ['IDNPS registry-form']],
      ['3750100125/', ['IDNPS registry-form']],
      ['2123456', ['IDNPS closed-prefix']],
      ['9123456', ['IDNPS closed-prefix']],
      ['7123456', ['IDNPS prefix']],
      ['', ['IDNPS prefix']],
      ['10dr.martin@medecin.mssante.fr', [], '10 + adresse MSSanté'],
      ['30123456', [], '30 + situation ROR'],
    ];
    for (const [value, issues, note] of CASES) {
      it(`« ${value} » → ${issues.join(', ') || 'ok'}${note ? ` (${note})` : ''}`, () => expect(summary(checkIdNatPs(value))).to.deep.equal(issues));
    }

    it('sépare structure et n° de registre', () => {
      expect(parseIdNatPs('3750100125/1453')).to.include({ rest: '750100125/1453', structure: '750100125', registryNumber: '1453' });
      expect(parseIdNatPs('810005531586')?.prefix.code).to.equal('8');
      expect(parseIdNatPs('7')).to.equal(undefined);
    });
  });

  describe('idNat_Struct', () => {
    const CASES: [string, string[], string?][] = [
      ['1750712184', [], '1 + FINESS'],
      ['1480787529', ['FINESS check-digit in IDNST'], 'exemple TDDUI'],
      ['1479207529', ['FINESS check-digit in IDNST'], 'exemple TDDUI (origine)'],
      ['112345', ['FINESS format in IDNST']],
      ['2552100554', [], '2 + SIREN'],
      ['2552100555', ['SIREN check-digit in IDNST']],
      ['355210055400013', [], '3 + SIRET'],
      ['355210055400014', ['SIRET check-digit in IDNST']],
      ['3552100554', ['SIRET format in IDNST']],
      ['41000553158601', [], '4 + RPPS + rang (2)'],
      ['410005531586001', [], '4 + RPPS + rang (3)'],
      ['410103441234001', ['RPPS check-digit in IDNST']],
      ['4CAB-0042', [], '4 + identifiant technique'],
      ['075123456701', [], '0 + ADELI rang'],
      ['07512345', ['ADELI format in IDNST']],
      ['9480787529', ['IDNST prefix']],
      ['', ['IDNST prefix']],
    ];
    for (const [value, issues, note] of CASES) {
      it(`« ${value} » → ${issues.join(', ') || 'ok'}${note ? ` (${note})` : ''}`, () => expect(summary(checkIdNatSt(value))).to.deep.equal(issues));
    }

    it('checkIdentifierValue aiguille par type', () => {
      expect(summary(checkIdentifierValue('IDNST', '1480787529'))).to.deep.equal(['FINESS check-digit in IDNST']);
      expect(summary(checkIdentifierValue('FINESS', '480787529'))).to.deep.equal(['FINESS check-digit']);
      expect(summary(checkIdentifierValue('SIRET', '55210055400013'))).to.deep.equal([]);
    });
  });

  describe('autorités INS', () => {
    const CASES: [string, string, string, string | false][] = [
      ['urn:oid:1.2.250.1.213.1.4.8', 'INS-NIR', 'NIR', false],
      ['urn:oid:1.2.250.1.213.1.4.9', 'INS-NIA', 'NIA', false],
      ['urn:oid:1.2.250.1.213.1.4.10', 'INS-NIR-TEST', 'NIR', 'test'],
      ['urn:oid:1.2.250.1.213.1.4.11', 'INS-NIR-DEMO', 'NIR', 'demo'],
    ];
    for (const [system, code, matricule, fictitious] of CASES) {
      it(`${system} → ${code}`, () => expect(insAuthority(system)).to.include({ typeCode: code, slice: code, matricule, fictitious }));
    }
    it('ignore les autres OID (INS-C, NSS-NIA de l’en-tête CDA)', () => {
      expect(insAuthority('urn:oid:1.2.250.1.213.1.4.2')).to.equal(undefined);
      expect(insAuthority('urn:oid:1.2.250.1.213.1.4.14')).to.equal(undefined);
      expect(insAuthority(undefined)).to.equal(undefined);
      expect(INS_AUTHORITIES).to.have.length(4);
    });
  });

  describe('nature d’un identifiant (système, sinon type FR Core)', () => {
    const fr = (code: string) => [{ system: FR_CORE_IDENTIFIER_TYPE_SYSTEM, code }];
    const CASES: [string | undefined, { system?: string; code?: string }[], string, string | undefined][] = [
      ['https://finess.esante.gouv.fr', [], '480787529', 'FINESS'],
      ['https://rpps.esante.gouv.fr', [], '10005531586', 'RPPS'],
      ['https://adeli.esante.gouv.fr', [], '751234567', 'ADELI'],
      ['urn:oid:1.2.250.1.71.4.2.1', [], '810005531586', 'IDNPS'],
      ['urn:oid:1.2.250.1.71.4.2.2', fr('IDNST'), '1480787529', 'IDNST'],
      ['https://sirene.fr', fr('SIRET'), '552100554', 'SIRET'],
      ['https://sirene.fr', [], '552100554', 'SIREN'],
      ['https://sirene.fr', [], '55210055400013', 'SIRET'],
      ['http://hopital.example/personnel', fr('RPPS'), '10005531586', 'RPPS'],
      [undefined, fr('FINEG'), '750712184', 'FINESS'],
      [undefined, fr('FINEJ'), '750712184', 'FINESS'],
      [undefined, [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'RPPS' }], '1', undefined],
      ['https://ants.gouv.fr/', [], '822146819', undefined],
    ];
    for (const [system, codings, value, kind] of CASES) {
      it(`${system ?? '(sans système)'} ${codings.map((c) => c.code).join(',')} → ${kind ?? 'aucune'}`, () => expect(identifierKind(system, codings, value)).to.equal(kind));
    }
  });

  describe('identifiants métier TDDUI', () => {
    it('connaît 18 systèmes, dont 4 vérifiés par les invariants du guide', () => {
      expect(BUSINESS_ID_SYSTEMS).to.have.length(18);
      expect(BUSINESS_ID_SYSTEMS.filter((s) => s.enforcedByProfile).map((s) => s.code)).to.deep.equal(['BESO', 'REPAS', 'PA', 'PDV']);
      expect(businessIdSystem('https://identifiant-medicosocial-evenement.esante.gouv.fr/')?.code).to.equal('EVN');
      expect(businessIdSystem('https://identifiant-medicosocial-numenregistrement.esante.gouv.fr/')).to.equal(undefined);
    });

    const OK: [string, string | undefined][] = [
      ['3480787529/194704032', undefined],
      ['3480787529/147720425367411-SEJOUR-1012', 'SEJOUR'],
      ['3480787529/147720425367411-EVN-12548', 'EVN'],
      ['3480787529/147720425367411-TPPro-154674', 'TPPro'],
      ['3480787529/123456789-PPER-1234', 'PPER'],
      ['32A0000012/abc123-OBJE-9', 'OBJE'],
    ];
    for (const [value, code] of OK) it(`accepte ${value}`, () => expect(parseBusinessId(value, code).ok).to.equal(true));

    const KO: [string, string | undefined, string][] = [
      ['480787529/194704032', undefined, 'commencer par 3'],
      ['348078752/194704032', undefined, 'FINESS de 9 caractères'],
      ['3480787529-194704032', undefined, '« / » attendu'],
      ['3480787529/1947-04032', undefined, 'identifiant local'],
      ['3480787529/147720425367411-EVT-12548', 'EVN', 'code objet -EVT- au lieu de -EVN-'],
      ['3480787529/147720425367411-Tppro-1', 'TPPro', 'code objet -Tppro- au lieu de -TPPro-'],
      ['3480787529/147720425367411-EVN-', 'EVN', 'autour de -EVN-'],
      ['3480787529/147720425367411', 'EVN', 'attendu <id-local>-EVN-<id-objet>'],
    ];
    for (const [value, code, reason] of KO) {
      it(`rejette ${value} (${reason})`, () => {
        const p = parseBusinessId(value, code);
        expect(p.ok).to.equal(false);
        if (!p.ok) expect(p.reason.fr).to.contain(reason);
      });
    }

    it('extrait le FINESS numérique de tête', () => {
      expect(embeddedFiness('3480787529/147720425367411-EVN-12548')).to.equal('480787529');
      expect(embeddedFiness('32A0000012/1')).to.equal(undefined);
      expect(embeddedFiness('1012')).to.equal(undefined);
    });
  });
});
