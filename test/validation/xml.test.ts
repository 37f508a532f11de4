import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionContext } from '../../src/definitions/context/definition-context.js';
import { DiskCompiledStore } from '../../src/definitions/store/compiled-store.js';
import { DEFAULT_SPEC_DIR, PROFILES_DIR } from '../../src/definitions/paths.js';
import type { Finding } from '../../src/validation/finding.js';
import type { JsonObject } from '../../src/validation/json-values.js';
import { serialiseFhirXml } from '../../src/validation/parse/json-to-xml.js';
import { parseFhirXml } from '../../src/validation/parse/xml-to-json.js';
import { FhirValidator } from '../../src/validation/validate.js';

const ctx = new DefinitionContext([new DiskCompiledStore(PROFILES_DIR)]);
const EXAMPLES_DIR = join(DEFAULT_SPEC_DIR, 'tddui-fhir', '2.4.0-ballot');
const NOT_INSTANCES = /^(StructureDefinition|ValueSet|CodeSystem|CapabilityStatement)-|^qa\.json$/;

const xml = (...lines: string[]) => lines.join('\n');
const FHIR = 'xmlns="http://hl7.org/fhir"';
const validate = (text: string) => new FhirValidator(ctx).validateText(text);
const only = (fs: Finding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId);
/** Findings compared across formats: rule, path, severity and parameters (positions differ by nature). */
const signature = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.path} ${JSON.stringify(f.params)}`).sort();

describe('FHIR XML', () => {
  describe('exemples TDDUI 2.4.0-ballot (JSON ↔ XML)', () => {
    const files = existsSync(EXAMPLES_DIR) ? readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json') && !NOT_INSTANCES.test(f)).sort() : [];
    if (!files.length) {
      it('exemples disponibles', function () {
        console.log(`      (${EXAMPLES_DIR} absent : exemples JSON ↔ XML ignorés)`);
        this.skip();
      });
      return;
    }
    for (const file of files) {
      describe(file, () => {
        const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
        const json = JSON.parse(text) as JsonObject;
        const asXml = serialiseFhirXml(json, ctx);

        it('JSON → XML → JSON redonne le JSON d’origine', () => {
          const back = parseFhirXml(asXml, ctx);
          expect(back.findings).to.deep.equal([]);
          expect(back.resource).to.deep.equal(json);
        });

        it('le validateur donne les mêmes constats en XML et en JSON, tous localisés', () => {
          const fromJson = validate(text);
          const fromXml = validate(asXml);
          expect(fromXml.format).to.equal('xml');
          expect(signature(fromXml.findings)).to.deep.equal(signature(fromJson.findings));
          for (const f of fromXml.findings) expect(f.line, `${f.ruleId} ${f.path}`).to.be.a('number');
        });
      });
    }
  });

  describe('sécurité : DOCTYPE et entités', () => {
    it('refuse une bombe d’entités (billion laughs) sans l’expanser', () => {
      const entities = ['<!ENTITY lol "lol">'];
      for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`);
      const text = xml('<?xml version="1.0"?>', `<!DOCTYPE Patient [${entities.join('\n')}]>`, `<Patient ${FHIR}><name><family value="&lol9;"/></name></Patient>`);
      const started = Date.now();
      const r = parseFhirXml(text, ctx);
      expect(Date.now() - started).to.be.below(500);
      expect(r.resource).to.equal(undefined);
      expect(r.findings).to.have.length(1);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-XML-DTD', severity: 'fatal', path: '(document)', line: 2, column: 1 });
      const v = validate(text);
      expect(v.resource).to.equal(undefined);
      expect(v.findings.map((f) => f.ruleId)).to.deep.equal(['FHIR-XML-DTD']);
    });

    it('refuse une entité externe (XXE)', () => {
      const text = xml('<?xml version="1.0"?>', '<!-- avant -->', '<!DOCTYPE Patient [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', `<Patient ${FHIR}><id value="&xxe;"/></Patient>`);
      const r = parseFhirXml(text, ctx);
      expect(r.resource).to.equal(undefined);
      expect(r.findings).to.have.length(1);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-XML-DTD', severity: 'fatal', line: 3 });
    });

    it('une entité non déclarée (sans DTD) est une erreur de syntaxe, jamais résolue', () => {
      const r = parseFhirXml(xml(`<Patient ${FHIR}>`, '  <id value="&xxe;"/>', '</Patient>'), ctx);
      expect(r.resource).to.equal(undefined);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-PARSE-XML', severity: 'fatal', line: 2 });
    });
  });

  describe('syntaxe XML', () => {
    it('balises croisées : FHIR-PARSE-XML à la bonne ligne, message français et anglais', () => {
      const text = xml(`<Patient ${FHIR}>`, '  <name>', '    <family value="X">', '  </name>', '</Patient>');
      const r = parseFhirXml(text, ctx);
      expect(r.resource).to.equal(undefined);
      expect(r.findings).to.have.length(1);
      const f = r.findings[0];
      expect(f).to.include({ ruleId: 'FHIR-PARSE-XML', severity: 'fatal', path: '(document)', line: 4 });
      expect(f.params.detail).to.equal('balise fermante inattendue');
      expect(f.params.detail_en).to.equal('unexpected close tag.');
      expect(validate(text).findings.map((x) => x.ruleId)).to.deep.equal(['FHIR-PARSE-XML']);
    });

    it('élément non fermé : localisé à sa balise ouvrante', () => {
      const r = parseFhirXml(xml(`<Patient ${FHIR}>`, '  <name>', '    <family value="X"/>', ''), ctx);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-PARSE-XML', line: 2, column: 3 });
      expect(r.findings[0].params.detail).to.equal('balise <name> non fermée');
    });

    it('guillemet manquant et document vide', () => {
      const r = parseFhirXml(xml(`<Patient ${FHIR}>`, '  <gender value=male/>', '</Patient>'), ctx);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-PARSE-XML', line: 2 });
      expect(r.findings[0].params.detail).to.equal('valeur d’attribut sans guillemets');
      expect(parseFhirXml('  ', ctx).findings[0]).to.include({ ruleId: 'FHIR-PARSE-XML', severity: 'fatal' });
    });

    it('imbrication au-delà de 256 niveaux refusée', () => {
      const text = `<Patient ${FHIR}>${'<extension url="u">'.repeat(300)}${'</extension>'.repeat(300)}</Patient>`;
      const r = parseFhirXml(text, ctx);
      expect(r.resource).to.equal(undefined);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-PARSE-XML', severity: 'fatal' });
      expect(r.findings[0].params.detail_en).to.match(/nesting too deep/);
    });

    it('commentaires, instructions de traitement, CDATA blanc et BOM ignorés', () => {
      const text = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet href="x.xsl"?>\n<!-- c -->\n<Patient ${FHIR}><!-- c --><gender value="male"/><?pi x?></Patient>`;
      const r = parseFhirXml(text, ctx);
      expect(r.findings).to.deep.equal([]);
      expect(r.resource).to.deep.equal({ resourceType: 'Patient', gender: 'male' });
      expect(r.positions.get('Patient')).to.deep.equal({ line: 4, column: 1 });
    });
  });

  describe('représentation XML de FHIR', () => {
    it('racine sans espace de noms FHIR : FHIR-XML-NAMESPACE, la ressource est tout de même lue', () => {
      const r = parseFhirXml(xml('<Patient>', '  <gender value="male"/>', '</Patient>'), ctx);
      expect(r.resource).to.deep.equal({ resourceType: 'Patient', gender: 'male' });
      expect(r.findings).to.have.length(1);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-XML-NAMESPACE', severity: 'error', path: 'Patient', line: 1 });
      expect(r.findings[0].params).to.include({ found: '(aucun)', expected: 'http://hl7.org/fhir', element: 'Patient' });
    });

    it('élément d’un autre espace de noms : signalé et non converti', () => {
      const r = parseFhirXml(xml(`<Patient ${FHIR}>`, '  <gender value="male"/>', '  <x:birthDate xmlns:x="urn:autre" value="2000-01-01"/>', '</Patient>'), ctx);
      expect(r.resource).to.deep.equal({ resourceType: 'Patient', gender: 'male' });
      expect(r.findings).to.have.length(1);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-XML-NAMESPACE', path: 'Patient.birthDate', line: 3 });
      expect(r.findings[0].params).to.include({ found: 'urn:autre', element: 'x:birthDate' });
    });

    it('type de ressource inconnu : {resourceType} transmis au walker', () => {
      const r = parseFhirXml(`<Patiente ${FHIR}><id value="a"/></Patiente>`, ctx);
      expect(r.resource).to.deep.equal({ resourceType: 'Patiente', id: 'a' });
      const v = validate(`<Patiente ${FHIR}><id value="a"/></Patiente>`);
      expect(v.findings.map((f) => [f.ruleId, f.path])).to.deep.equal([['FHIR-RESOURCE-TYPE', 'Patiente']]);
    });

    it('attribut non autorisé : FHIR-XML-ATTRIBUTE (valeur, id et url restent lus)', () => {
      const text = xml(
        `<Patient ${FHIR}>`,
        '  <id value="p1"/>',
        '  <extension url="http://example.org/e" id="e1" foo="bar"><valueBoolean value="true"/></extension>',
        '  <gender value="male" style="x"/>',
        '</Patient>',
      );
      const r = parseFhirXml(text, ctx);
      expect(r.resource).to.deep.equal({ resourceType: 'Patient', id: 'p1', extension: [{ url: 'http://example.org/e', id: 'e1', valueBoolean: true }], gender: 'male' });
      expect(r.findings.map((f) => [f.ruleId, f.path, f.line, f.params.attribute])).to.deep.equal([
        ['FHIR-XML-ATTRIBUTE', 'Patient.extension[0]', 3, 'foo'],
        ['FHIR-XML-ATTRIBUTE', 'Patient.gender', 4, 'style'],
      ]);
    });

    it('id en attribut sur une ressource, url hors extension, value sur un type complexe : refusés', () => {
      const r = parseFhirXml(xml(`<Patient ${FHIR} id="p1">`, '  <name url="u" value="v"><family value="X"/></name>', '</Patient>'), ctx);
      expect(r.findings.map((f) => [f.ruleId, f.path, f.params.attribute])).to.deep.equal([
        ['FHIR-XML-ATTRIBUTE', 'Patient', 'id'],
        ['FHIR-XML-ATTRIBUTE', 'Patient.name[0]', 'url'],
        ['FHIR-XML-ATTRIBUTE', 'Patient.name[0]', 'value'],
      ]);
      expect(r.resource).to.deep.equal({ resourceType: 'Patient', name: [{ family: 'X' }] });
    });

    it('texte dans un élément primitif : FHIR-XML-TEXT, la valeur reste vérifiée', () => {
      const text = xml(`<Patient ${FHIR}>`, '  <gender value="male"/>', '  <birthDate>1980-02-30</birthDate>', '</Patient>');
      const r = parseFhirXml(text, ctx);
      expect(r.findings).to.have.length(1);
      expect(r.findings[0]).to.include({ ruleId: 'FHIR-XML-TEXT', severity: 'error', path: 'Patient.birthDate', line: 3 });
      expect(r.findings[0].params).to.deep.equal({ element: 'birthDate' });
      expect(r.resource?.birthDate).to.equal('1980-02-30');
      const v = validate(text);
      expect(only(v.findings, 'FHIR-PRIM-DATE').map((f) => [f.path, f.line])).to.deep.equal([['Patient.birthDate', 3]]);
    });

    it('éléments hors de l’ordre de la définition : un FHIR-XML-ORDER par élément déplacé', () => {
      const text = xml(
        `<Patient ${FHIR}>`,
        '  <gender value="male"/>',
        '  <active value="true"/>',
        '  <name>',
        '    <given value="Jean"/>',
        '    <family value="DUPONT"/>',
        '    <given value="Paul"/>',
        '  </name>',
        '</Patient>',
      );
      const r = parseFhirXml(text, ctx);
      expect(r.findings.map((f) => [f.ruleId, f.path, f.line, f.params.element, f.params.before])).to.deep.equal([
        ['FHIR-XML-ORDER', 'Patient.active', 3, 'active', 'gender'],
        ['FHIR-XML-ORDER', 'Patient.name[0]', 4, 'name', 'gender'],
        ['FHIR-XML-ORDER', 'Patient.name[0].family', 6, 'family', 'given'],
      ]);
      // The content is still converted in full.
      expect(r.resource).to.deep.equal({ resourceType: 'Patient', gender: 'male', active: true, name: [{ given: ['Jean', 'Paul'], family: 'DUPONT' }] });
    });

    it('élément inconnu : conservé et signalé par le walker (FHIR-STRUCT-UNKNOWN) au bon chemin', () => {
      const text = xml(
        `<Patient ${FHIR}>`,
        '  <name>',
        '    <family value="DUPONT"/>',
        '  </name>',
        '  <name>',
        '    <family value="MARTIN"/>',
        '    <surnom value="Toto"/>',
        '  </name>',
        '  <gender value="male"/>',
        '  <hobby><label value="échecs"/></hobby>',
        '</Patient>',
      );
      const r = parseFhirXml(text, ctx);
      expect(r.findings).to.deep.equal([]);
      expect(r.resource?.name).to.deep.equal([{ family: 'DUPONT' }, { family: 'MARTIN', surnom: 'Toto' }]);
      expect(r.resource?.hobby).to.deep.equal({ label: 'échecs' });
      const unknown = only(validate(text).findings, 'FHIR-STRUCT-UNKNOWN');
      expect(unknown.map((f) => [f.path, f.line, f.column, f.params.key])).to.deep.equal([
        ['Patient.hobby', 10, 3, 'hobby'],
        ['Patient.name[1].surnom', 7, 5, 'surnom'],
      ]);
    });

    it('id / url / value écrits comme éléments : non définis en XML', () => {
      const r = parseFhirXml(`<Patient ${FHIR}><extension><url value="http://x"/><valueString value="a"/></extension></Patient>`, ctx);
      expect(r.findings.map((f) => [f.ruleId, f.path, f.params.key, f.params.type])).to.deep.equal([['FHIR-STRUCT-UNKNOWN', 'Patient.extension[0].url', 'url', 'Extension']]);
    });

    it('primitif avec extension : birthDate + _birthDate, chemins et positions', () => {
      const text = xml(
        `<Patient ${FHIR}>`,
        '  <birthDate id="bd" value="1980-01-01">',
        '    <extension url="http://hl7.org/fhir/StructureDefinition/patient-birthTime">',
        '      <valueDateTime value="1980-01-01T10:00:00+01:00"/>',
        '    </extension>',
        '  </birthDate>',
        '</Patient>',
      );
      const r = parseFhirXml(text, ctx);
      expect(r.findings).to.deep.equal([]);
      expect(r.resource).to.deep.equal({
        resourceType: 'Patient',
        birthDate: '1980-01-01',
        _birthDate: { id: 'bd', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1980-01-01T10:00:00+01:00' }] },
      });
      expect(r.positions.get('Patient.birthDate')).to.deep.equal({ line: 2, column: 3 });
      expect(r.positions.get('Patient.birthDate.extension[0]')).to.deep.equal({ line: 3, column: 5 });
      expect(r.positions.get('Patient.birthDate.extension[0].valueDateTime')).to.deep.equal({ line: 4, column: 7 });
    });

    it('primitif répété : name / _name alignés avec null', () => {
      const r = parseFhirXml(
        `<Patient ${FHIR}><name><given value="Jean"/><given><extension url="http://x"><valueString value="y"/></extension></given><given value="Paul" id="g3"/></name></Patient>`,
        ctx,
      );
      expect(r.resource?.name).to.deep.equal([{ given: ['Jean', null, 'Paul'], _given: [null, { extension: [{ url: 'http://x', valueString: 'y' }] }, { id: 'g3' }] }]);
      expect([...r.positions.keys()]).to.include.members(['Patient.name[0].given[0]', 'Patient.name[0].given[1]', 'Patient.name[0].given[1].extension[0]', 'Patient.name[0].given[2]']);
    });

    it('primitif vide : null transmis au walker ; valeurs typées selon JSON', () => {
      const text = xml(
        `<Observation ${FHIR}>`,
        '  <status value="final"/>',
        '  <code><text value="t"/></code>',
        '  <valueInteger value="1x"/>',
        '  <interpretation><coding><userSelected value="TRUE"/></coding></interpretation>',
        '  <referenceRange><low><value value="1.50"/></low><text/></referenceRange>',
        '</Observation>',
      );
      const r = parseFhirXml(text, ctx);
      expect(r.resource).to.deep.include({ valueInteger: '1x', interpretation: [{ coding: [{ userSelected: 'TRUE' }] }], referenceRange: [{ low: { value: 1.5 }, text: null }] });
      const types = only(validate(text).findings, 'FHIR-JSON-TYPE').map((f) => [f.path, f.line]);
      expect(types).to.deep.equal([
        ['Observation.interpretation[0].coding[0].userSelected', 5],
        ['Observation.valueInteger', 4],
      ]);
      expect(only(validate(text).findings, 'FHIR-JSON-NULL').map((f) => f.path)).to.deep.equal(['Observation.referenceRange[0].text']);
    });

    it('élément non répétable présent deux fois : tableau, signalé par le walker', () => {
      const text = xml(`<Patient ${FHIR}>`, '  <gender value="male"/>', '  <gender value="female"/>', '</Patient>');
      const r = parseFhirXml(text, ctx);
      expect(r.resource?.gender).to.deep.equal(['male', 'female']);
      expect(only(validate(text).findings, 'FHIR-JSON-ARRAY-UNEXPECTED').map((f) => [f.path, f.line])).to.deep.equal([['Patient.gender', 2]]);
    });

    it('narratif : la div XHTML devient la chaîne XHTML de la source', () => {
      const div = '<div xmlns="http://www.w3.org/1999/xhtml"><p>Résumé &amp; <b class="x">gras</b><br/>&lt;ok&gt;</p></div>';
      const r = parseFhirXml(`<Patient ${FHIR}><text><status value="generated"/>${div}</text></Patient>`, ctx);
      expect(r.findings).to.deep.equal([]);
      expect(r.resource?.text).to.deep.equal({ status: 'generated', div });
      expect(r.positions.has('Patient.text.div')).to.equal(true);
    });

    it('narratif : préfixe déclaré hors de la div recopié sur la div', () => {
      const r = parseFhirXml(`<Patient ${FHIR} xmlns:h="http://www.w3.org/1999/xhtml"><text><status value="generated"/><h:div><h:p>x</h:p></h:div></text></Patient>`, ctx);
      expect(r.findings).to.deep.equal([]);
      expect((r.resource?.text as JsonObject).div).to.equal('<h:div xmlns:h="http://www.w3.org/1999/xhtml"><h:p>x</h:p></h:div>');
    });

    it('narratif dans l’espace de noms FHIR : FHIR-XML-NAMESPACE', () => {
      const r = parseFhirXml(`<Patient ${FHIR}><text><status value="generated"/><div>x</div></text></Patient>`, ctx);
      expect(r.findings.map((f) => [f.ruleId, f.path, f.params.expected])).to.deep.equal([['FHIR-XML-NAMESPACE', 'Patient.text.div', 'http://www.w3.org/1999/xhtml']]);
      expect((r.resource?.text as JsonObject).div).to.equal('<div>x</div>');
    });

    it('ressources contenues et entrées de Bundle, élément à choix, contentReference', () => {
      const text = xml(
        `<Bundle ${FHIR}>`,
        '  <type value="collection"/>',
        '  <entry>',
        '    <fullUrl value="urn:uuid:3c7d4b7e-0d5a-4a8f-9d55-6a0b6f1c2d3e"/>',
        '    <resource>',
        '      <Observation>',
        '        <contained><Practitioner><id value="pr"/></Practitioner></contained>',
        '        <status value="final"/>',
        '        <code><text value="t"/></code>',
        '        <valueQuantity><value value="12.5"/><unit value="kg"/></valueQuantity>',
        '      </Observation>',
        '    </resource>',
        '  </entry>',
        '  <entry><resource><Questionnaire><status value="draft"/><item><linkId value="a"/><type value="group"/><item><linkId value="b"/><type value="string"/></item></item></Questionnaire></resource></entry>',
        '</Bundle>',
      );
      const r = parseFhirXml(text, ctx);
      expect(r.findings).to.deep.equal([]);
      expect(r.resource).to.deep.equal({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'urn:uuid:3c7d4b7e-0d5a-4a8f-9d55-6a0b6f1c2d3e',
            resource: { resourceType: 'Observation', contained: [{ resourceType: 'Practitioner', id: 'pr' }], status: 'final', code: { text: 't' }, valueQuantity: { value: 12.5, unit: 'kg' } },
          },
          { resource: { resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'a', type: 'group', item: [{ linkId: 'b', type: 'string' }] }] } },
        ],
      });
      expect(r.positions.get('Bundle.entry[0].resource')).to.deep.equal({ line: 5, column: 5 });
      expect(r.positions.get('Bundle.entry[0].resource.contained[0]')).to.deep.equal({ line: 7, column: 9 });
      expect(r.positions.get('Bundle.entry[0].resource.valueQuantity.value')).to.deep.equal({ line: 10, column: 24 });
      expect(r.positions.has('Bundle.entry[1].resource.item[0].item[0].linkId')).to.equal(true);
    });

    it('deux ressources dans un même conteneur : FHIR-CARD-MAX', () => {
      const r = parseFhirXml(`<Bundle ${FHIR}><type value="collection"/><entry><resource><Patient/><Patient/></resource></entry></Bundle>`, ctx);
      expect(r.findings.map((f) => [f.ruleId, f.path, f.params.count])).to.deep.equal([['FHIR-CARD-MAX', 'Bundle.entry[0].resource', 2]]);
    });
  });

  describe('JSON → XML', () => {
    it('déclaration, espace de noms, ordre de la définition, attributs échappés', () => {
      const patient: JsonObject = {
        resourceType: 'Patient',
        gender: 'female',
        name: [{ given: ['A "B" <C> & D', 'tab\tnl\ncr\r'], family: 'É' }],
        id: 'p',
        active: false,
        multipleBirthInteger: 2,
      };
      const out = serialiseFhirXml(patient, ctx);
      expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Patient xmlns="http://hl7.org/fhir">\n  <id value="p"/>\n  <active value="false"/>\n')).to.equal(true);
      expect(out).to.include('<given value="A &quot;B&quot; &lt;C&gt; &amp; D"/>');
      expect(out).to.include('<given value="tab&#9;nl&#10;cr&#13;"/>');
      expect(out.indexOf('<family')).to.be.below(out.indexOf('<given'));
      expect(out.indexOf('<gender')).to.be.below(out.indexOf('<multipleBirthInteger'));
      const back = parseFhirXml(out, ctx);
      expect(back.findings).to.deep.equal([]);
      expect(back.resource).to.deep.equal(patient);
    });

    it('_x fusionné, div XHTML copiée, ressources contenues, contenu inconnu conservé', () => {
      const patient: JsonObject = {
        resourceType: 'Patient',
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>a &amp; b</p></div>' },
        contained: [{ resourceType: 'Organization', id: 'o', name: 'Org' }],
        name: [{ given: ['A', null], _given: [null, { extension: [{ url: 'http://x', valueCode: 'c' }] }] }],
        birthDate: '2000-01-01',
        _birthDate: { id: 'b' },
        managingOrganization: { reference: '#o' },
        foo: { bar: 'baz' },
      };
      const out = serialiseFhirXml(patient, ctx);
      expect(out).to.include('<birthDate id="b" value="2000-01-01"/>');
      expect(out).to.include('<div xmlns="http://www.w3.org/1999/xhtml"><p>a &amp; b</p></div>');
      expect(out).to.include('<contained>\n    <Organization>');
      const back = parseFhirXml(out, ctx);
      expect(back.findings).to.deep.equal([]);
      expect(back.resource).to.deep.equal(patient);
      expect(signature(validate(out).findings)).to.deep.equal(signature(validate(JSON.stringify(patient)).findings));
    });

    it('div mal formée écrite comme texte ; caractères interdits en XML remplacés', () => {
      const out = serialiseFhirXml({ resourceType: 'Patient', text: { status: 'generated', div: '<div>&nbsp;<b></div>' }, name: [{ family: 'a\u0001b' }] }, ctx);
      expect(out).to.include('<div xmlns="http://www.w3.org/1999/xhtml">&lt;div&gt;&amp;nbsp;&lt;b&gt;&lt;/div&gt;</div>');
      expect(out).to.include('<family value="a\uFFFDb"/>');
      expect(parseFhirXml(out, ctx).findings).to.deep.equal([]);
    });

    it('resourceType absent : erreur explicite', () => {
      expect(() => serialiseFhirXml({ id: 'x' }, ctx)).to.throw(/resourceType/);
    });
  });
});
