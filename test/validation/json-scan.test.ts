/**
 * The strict JSON scanner (src/validation/parse/json-scan.ts) as a unit: syntax errors located by line and
 * column, duplicate keys, the nesting limit, positions of requested paths (arrays and `_x` parts), and how
 * positions reach the findings of a check (BOM, pretty-printed input).
 */
import { expect } from 'chai';
import { MAX_JSON_DEPTH, scanJson, scanJsonLayout, scanSpanPositions } from '../../src/validation/parse/json-scan.js';
import { FhirValidator } from '../../src/validation/validate.js';
import type { Finding } from '../../src/validation/finding.js';
import { expectFinding } from '../support/assertions.js';
import { check, shippedContext } from '../support/context.js';

/** 1-based line and column of the first occurrence of `needle` in `text` (JS string index columns). */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} absent`);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - before.lastIndexOf('\n') };
}

/** Position of the value of the first property `key` in a text indented by JSON.stringify. */
function valueOf(text: string, key: string): { line: number; column: number } {
  const p = at(text, `"${key}": `);
  return { line: p.line, column: p.column + key.length + 4 };
}

function errorOf(text: string) {
  const e = scanJson(text).error;
  expect(e, `erreur attendue pour ${JSON.stringify(text)}`).to.not.equal(undefined);
  return e!;
}

describe('analyseur JSON strict (json-scan)', () => {
  describe('erreurs de syntaxe localisées (ligne, colonne)', () => {
    const cases: { name: string; text: string; line: number; column: number }[] = [
      { name: 'virgule finale avant « } »', text: '{\n  "resourceType": "Patient",\n  "active": true,\n}', line: 4, column: 1 },
      { name: 'virgule manquante entre deux propriétés', text: '{\n  "resourceType": "Patient"\n  "active": true\n}', line: 3, column: 3 },
      { name: 'virgule finale dans un tableau', text: '{\n  "name": [\n    {"family": "Martin"},\n  ]\n}', line: 4, column: 3 },
      { name: 'nom de propriété sans guillemets', text: '{\n  resourceType: "Patient"\n}', line: 2, column: 3 },
      { name: 'apostrophes au lieu de guillemets', text: "{\n  \"gender\": 'female'\n}", line: 2, column: 13 },
      { name: 'chaîne non terminée (position du guillemet ouvrant)', text: '{\n  "resourceType": "Patient",\n  "gender": "female', line: 3, column: 13 },
      { name: 'saut de ligne dans une chaîne', text: '{\n  "resourceType": "Patient",\n  "gender": "female\n}', line: 3, column: 20 },
      { name: 'caractère de contrôle (tabulation) dans une chaîne', text: '{\n  "family": "Mar\ttin"\n}', line: 2, column: 17 },
      { name: 'échappement invalide', text: '{\n  "family": "Mar\\qtin"\n}', line: 2, column: 17 },
      { name: 'échappement \\u incomplet', text: '{\n  "family": "\\u00e"\n}', line: 2, column: 14 },
      { name: 'littéral invalide', text: '{\n  "active": tru\n}', line: 2, column: 13 },
      { name: 'nombre invalide', text: '{\n  "multipleBirthInteger": -\n}', line: 2, column: 27 },
      { name: 'contenu après la fin du document', text: '{"resourceType": "Patient"}\n{"resourceType": "Patient"}', line: 2, column: 1 },
      { name: 'objet non fermé', text: '{\n  "resourceType": "Patient"', line: 2, column: 28 },
      { name: 'document vide', text: '  \n ', line: 2, column: 2 },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const e = errorOf(c.text);
        expect({ line: e.line, column: e.column }, `${e.en}`).to.deep.equal({ line: c.line, column: c.column });
        expect(e.fr).to.be.a('string').and.not.equal('');
        expect(e.en).to.be.a('string').and.not.equal('');
      });
    }

    it('FHIR-PARSE-JSON porte la ligne et la colonne de l’erreur (chemin « (document) », fatal, rien d’autre)', () => {
      const text = '{\n  "resourceType": "Patient",\n  "active": true,\n}\n';
      const findings = check(text, { tddui: false });
      const f = expectFinding(findings, { ruleId: 'FHIR-PARSE-JSON', path: '(document)', severity: 'fatal' });
      expect({ line: f.line, column: f.column }).to.deep.equal({ line: 4, column: 1 });
      expect(findings).to.have.length(1);
    });
  });

  describe('clés dupliquées', () => {
    it('à la racine, avec la position de la seconde occurrence', () => {
      const text = '{\n  "resourceType": "Patient",\n  "active": true,\n  "active": false\n}';
      const r = scanJson(text);
      expect(r.error).to.equal(undefined);
      expect(r.duplicates).to.deep.equal([{ path: '(racine)', key: 'active', ...at(text, '"active"', 1) }]);
    });

    it('dans un objet imbriqué (chemin avec index) ; la même clé dans deux objets n’est pas un doublon', () => {
      const text = '{"name": [{"family": "A"}, {"family": "B", "given": ["C"], "family": "D"}]}';
      const r = scanJson(text);
      expect(r.duplicates).to.deep.equal([{ path: '.name[1]', key: 'family', ...at(text, '"family"', 2) }]);
    });

    it('clés égales une fois les échappements décodés', () => {
      const r = scanJson('{"a": 1, "\\u0061": 2}');
      expect(r.duplicates.map((d) => d.key)).to.deep.equal(['a']);
    });

    it('FHIR-JSON-DUPLICATE-KEY porte la position de la clé répétée', () => {
      const text = '{\n  "resourceType": "Patient",\n  "gender": "male",\n  "gender": "female"\n}';
      const f = expectFinding(check(text, { tddui: false }), { ruleId: 'FHIR-JSON-DUPLICATE-KEY', path: 'Patient', severity: 'error' });
      expect({ line: f.line, column: f.column }).to.deep.equal({ line: 4, column: 3 });
    });
  });

  describe(`imbrication limitée à ${MAX_JSON_DEPTH} niveaux`, () => {
    const nested = (n: number, inner = '1') => '['.repeat(n) + inner + ']'.repeat(n);

    it(`accepte une valeur sous ${MAX_JSON_DEPTH} tableaux imbriqués`, () => {
      expect(scanJson(nested(MAX_JSON_DEPTH)).error).to.equal(undefined);
    });

    it(`refuse une valeur sous ${MAX_JSON_DEPTH + 1} tableaux imbriqués, à la position de la valeur trop profonde`, () => {
      const e = errorOf(nested(MAX_JSON_DEPTH + 1));
      expect({ line: e.line, column: e.column }).to.deep.equal({ line: 1, column: MAX_JSON_DEPTH + 2 });
    });

    it('refuse vite une imbrication pathologique (un million de niveaux), sans épuiser la pile', () => {
      const text = nested(1_000_000);
      const start = performance.now();
      const e = errorOf(text);
      expect(performance.now() - start).to.be.below(500);
      expect(e.column).to.equal(MAX_JSON_DEPTH + 2);
    });

    it('une entrée trop imbriquée donne FHIR-PARSE-JSON (JSON.parse n’est jamais appelé)', () => {
      const findings = check(`{"resourceType": "Basic", "extension": ${nested(100_000, '{}')}}`, { tddui: false });
      expectFinding(findings, { ruleId: 'FHIR-PARSE-JSON', path: '(document)', severity: 'fatal' });
    });
  });

  describe('positions des chemins demandés', () => {
    const text = JSON.stringify({
      resourceType: 'Patient',
      _birthDate: { extension: [{ url: 'http://example.org/a', valueString: 'x' }] },
      birthDate: '1980-04-12',
      name: [
        { family: 'Martin', given: ['Claire', 'Anne'], _given: [null, { extension: [{ url: 'http://example.org/b', valueCode: 'CL' }] }] },
      ],
    }, null, 2);
    const WANTED = ['', '.birthDate', '.birthDate.extension[0].url', '.name', '.name[0]', '.name[0].given[1]', '.name[0].given[1].extension[0].url', '.absent'];
    const positions = scanJson(text, WANTED).positions;

    it('la racine, un élément et un élément de tableau (position de la valeur)', () => {
      expect(positions.get('')).to.deep.equal({ line: 1, column: 1 });
      expect(positions.get('.name')).to.deep.equal(valueOf(text, 'name'));
      expect(positions.get('.name[0]')).to.deep.equal({ line: valueOf(text, 'name').line + 1, column: 5 });
    });

    it('une primitive et sa partie `_x` : la valeur de `x` l’emporte, même quand `_x` vient avant', () => {
      expect(positions.get('.birthDate')).to.deep.equal(at(text, '"1980-04-12"'));
      expect(positions.get('.name[0].given[1]')).to.deep.equal(at(text, '"Anne"'));
    });

    it('ce qui n’existe que dans la partie `_x` (extension d’une primitive) y est trouvé', () => {
      expect(positions.get('.birthDate.extension[0].url')).to.deep.equal(at(text, '"http://example.org/a"'));
      expect(positions.get('.name[0].given[1].extension[0].url')).to.deep.equal(at(text, '"http://example.org/b"'));
    });

    it('un chemin absent n’a pas de position ; seuls les chemins demandés et leurs préfixes sont enregistrés', () => {
      expect(positions.has('.absent')).to.equal(false);
      expect(positions.get('.name[0].given')).to.deep.equal(valueOf(text, 'given'));
      for (const p of positions.keys()) expect(WANTED.some((w) => w === p || w.startsWith(`${p}.`) || w.startsWith(`${p}[`)), p).to.equal(true);
      expect(positions.has('.name[0].family')).to.equal(false);
    });
  });

  describe('positions cherchées dans une entrée (lecture rapide des valeurs non demandées)', () => {
    // Values skipped before and around the wanted ones: escaped quotes and backslashes, brackets and commas in
    // strings, numbers and literals closing objects, nested empty containers, non-ASCII text (UTF-16 columns).
    const entry = (n: number) => ({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
      resource: {
        resourceType: 'Observation',
        note: [{ text: 'il a dit "non" \\ puis [ouvert, {fermé}]' }, { text: 'élève àéè — ✓ 😀' }],
        valueQuantity: { value: -1.5e3, unit: 'kg' },
        component: [{ code: { coding: [] }, valueBoolean: false, interpretation: [{}] }, { valueInteger: 0 }],
        status: 'final',
        code: { text: 'x' },
        extension: [{ url: 'http://example.org/a', valueString: '😀 "fin"' }, { url: 'http://example.org/b', valueDecimal: 2 }],
      },
    });
    const WANTED = ['.resource', '.resource.status', '.resource.code.text', '.resource.component[1].valueInteger', '.resource.extension[1].url', '.resource.absent', '.fullUrl'];

    for (const indent of [0, 2]) {
      it(`mêmes positions que l’analyse stricte (${indent ? 'indenté' : 'compact'})`, () => {
        const text = JSON.stringify({ resourceType: 'Bundle', entry: [entry(1), entry(2), entry(3)] }, null, indent);
        const bytes = Buffer.from(text, 'utf8');
        const layout = scanJsonLayout(bytes).layout!;
        for (const k of [0, 1, 2]) {
          const fast = scanSpanPositions(bytes, layout.entries![k], WANTED);
          const strict = scanJson(text, WANTED.map((w) => `.entry[${k}]${w}`)).positions;
          for (const w of WANTED) expect(fast.get(w), `entry[${k}]${w}`).to.deep.equal(strict.get(`.entry[${k}]${w}`));
          expect(fast.get('.resource.extension[1].url')).to.deep.equal(at(text, '"http://example.org/b"', k));
        }
      });
    }
  });

  describe('positions dans les constats d’une vérification', () => {
    const text = JSON.stringify({
      resourceType: 'Patient',
      name: [{ family: 'Martin', given: ['Claire', ' Anne '] }],
      birthDate: '2023-02-29',
      contact: [{ gender: 'male' }],
    }, null, 2);
    const located = (findings: Finding[], ruleId: string, path: string) => {
      const f = expectFinding(findings, { ruleId, path });
      return { line: f.line, column: f.column };
    };

    it('chaque constat pointe la ligne de l’entrée indentée où se trouve l’élément', () => {
      const findings = check(text, { tddui: false });
      expect(located(findings, 'FHIR-PRIM-DATE', 'Patient.birthDate')).to.deep.equal(at(text, '"2023-02-29"'));
      expect(located(findings, 'FHIR-PRIM-WHITESPACE', 'Patient.name[0].given[1]')).to.deep.equal(at(text, '" Anne "'));
      expect(located(findings, 'FHIR-INV-pat-1', 'Patient.contact[0]')).to.deep.equal(at(text, '{', 2));
      // a resource-level finding points at the start of the resource
      expect(located(findings, 'FHIR-INV-dom-6', 'Patient')).to.deep.equal({ line: 1, column: 1 });
      for (const f of findings) expect(f.line, `${f.ruleId} ${f.path} sans ligne`).to.be.a('number');
    });

    it('un élément absent est situé à son parent', () => {
      const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:0b6c4f5e-0c1f-4d2a-9a63-1f6f1b9c0a01', resource: { resourceType: 'Basic' } }] }, null, 2);
      const findings = check(bundle, { tddui: false });
      expect(located(findings, 'FHIR-CARD-MIN', 'Bundle.entry[0].resource.code')).to.deep.equal(at(bundle, '{', 2));
    });

    it('une marque d’ordre d’octets (BOM) en tête est ignorée : mêmes constats, mêmes positions', () => {
      const validator = new FhirValidator(shippedContext());
      const plain = validator.validateText(text).findings;
      const withBom = validator.validateText(`\uFEFF${text}`).findings;
      expect(withBom.map((f) => f.ruleId)).to.not.include('FHIR-PARSE-JSON');
      expect(withBom).to.deep.equal(plain);
    });

    it('avec un BOM, une erreur de syntaxe garde la ligne et la colonne du texte', () => {
      const validator = new FhirValidator(shippedContext());
      const bad = '{\n  "resourceType": "Patient",\n  "active": true,\n}';
      const f = validator.validateText(`\uFEFF${bad}`).findings[0];
      expect([f.ruleId, f.line, f.column]).to.deep.equal(['FHIR-PARSE-JSON', 4, 1]);
    });
  });
});
