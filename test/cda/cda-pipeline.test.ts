/**
 * The CDA pipeline around the rules: safe XML parsing (no DTD, no entities), detection by content in
 * runCheck, rule-set version, XSD in batches (line, path, batch mapping), schema folder problems.
 */
import { expect } from 'chai';
import { CdaChecker } from '../../src/cda/cda-checker.js';
import { isCdaTransport, xmlRootName } from '../../src/cda/detect.js';
import { runCheck } from '../../src/reports/run-check.js';
import { sharedChecker } from '../support/context.js';
import { CDA_SCHEMAS, cdaChecker, cdaExample, checkCda, mutate, requireCdaSpec } from './cda-support.js';

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE ClinicalDocument [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&f;</title></ClinicalDocument>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE ClinicalDocument [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&x;</title></ClinicalDocument>`;

const ids = (fs: { ruleId: string }[]) => fs.map((f) => f.ruleId);

describe('CDA : analyse XML sûre et chaîne de vérification', function () {
  this.timeout(60_000);

  it('une DTD avec bombe d’entités est refusée (CDA-XML-002), rien n’est développé', async () => {
    const fs = await checkCda(BOMB);
    expect(ids(fs)).to.deep.equal(['CDA-XML-002']);
    expect(fs[0].severity).to.equal('fatal');
    expect(fs[0].line).to.be.a('number');
  });

  it('une entité externe (XXE) est refusée sans lecture de fichier (CDA-XML-002)', async () => {
    const fs = await checkCda(XXE);
    expect(ids(fs)).to.deep.equal(['CDA-XML-002']);
    expect(JSON.stringify(fs)).to.not.include('root:');
  });

  it('un XML mal formé donne CDA-XML-001 avec sa position', async () => {
    const fs = await checkCda('<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <title>x</titre>\n</ClinicalDocument>');
    expect(ids(fs)).to.deep.equal(['CDA-XML-001']);
    expect(fs[0].line).to.equal(2);
  });

  it('une entité non déclarée ou une imbrication excessive sont refusées', async () => {
    expect(ids(await checkCda('<ClinicalDocument xmlns="urn:hl7-org:v3">&nope;</ClinicalDocument>'))).to.deep.equal(['CDA-XML-001']);
    const deep = `<ClinicalDocument xmlns="urn:hl7-org:v3">${'<a>'.repeat(300)}${'</a>'.repeat(300)}</ClinicalDocument>`;
    expect(ids(await checkCda(deep))).to.deep.equal(['CDA-XML-003']);
  });

  it('ClinicalDocument hors de l’espace de noms urn:hl7-org:v3 : CDA-XML-004', async () => {
    const fs = await checkCda('<ClinicalDocument xmlns="urn:hl7-org:v2"/>');
    expect(ids(fs)).to.deep.equal(['CDA-XML-004']);
    expect(fs[0].params.found).to.equal('{urn:hl7-org:v2}ClinicalDocument');
  });

  it('détection par contenu : racine ClinicalDocument, transport 1.1.0', () => {
    expect(xmlRootName(Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- x --><!DOCTYPE a [<!ENTITY b "c">]><cda:ClinicalDocument xmlns:cda="urn:hl7-org:v3"/>'))).to.equal('ClinicalDocument');
    expect(xmlRootName(Buffer.from('<Patient xmlns="http://hl7.org/fhir"/>'))).to.equal('Patient');
    expect(xmlRootName(Buffer.from('{"resourceType":"Patient"}'))).to.equal(undefined);
    expect(isCdaTransport(Buffer.from('{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/xml"}}]}'))).to.equal(true);
    expect(isCdaTransport(Buffer.from('{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"application/pdf"}}]}'))).to.equal(false);
  });

  it('runCheck : un CDA est reconnu par son contenu, un XML non CDA passe par le moteur FHIR sans planter', async () => {
    requireCdaSpec(this.ctx);
    const report = await runCheck(sharedChecker(), [
      { name: 'bombe.xml', bytes: Buffer.from(BOMB) },
      { name: 'exemple.xml', bytes: Buffer.from(cdaExample('1.1.0', true)) },
      { name: 'autre.xml', bytes: Buffer.from('<note><to>x</to></note>') },
    ], { cda: { checker: cdaChecker(false) }, runId: 'x' });
    expect(report.results.map((r) => r.input.format)).to.deep.equal(['cda', 'cda', 'xml']);
    expect(report.results[0].issues.map((i) => i.ruleId)).to.deep.equal(['CDA-XML-002']);
    expect(report.results[1].verdict).to.equal('pass');
    expect(report.results[1].issues.map((i) => i.ruleId)).to.include('CDA-XSD-000');
    expect(report.results[2].verdict).to.equal('fail');
    expect(report.results[1].issues.find((i) => i.ruleId === 'CDA-VER-001')!.message).to.include('1.1.0');
  });

  it('--cda-version force le jeu de règles ; une extension inconnue donne CDA-VER-002 et la version par défaut', async () => {
    requireCdaSpec(this.ctx);
    const forced = await checkCda(cdaExample('1.1.0'), { version: '1.0.1' });
    expect(ids(forced)).to.include('CDA-EVA-012'); // the 1.1.0 AGGIR PH codes are not those of 1.0.1
    expect(forced.find((f) => f.ruleId === 'CDA-VER-001')!.params.version).to.equal('1.0.1');
    const unknown = await checkCda(mutate(cdaExample('1.1.0'), 'extension="1.1.0-ballot"', 'extension="9.9"'));
    expect(ids(unknown)).to.include('CDA-VER-002');
    expect(unknown.find((f) => f.ruleId === 'CDA-VER-001')!.params.version).to.equal('1.0.1');
  });

  it('XSD : un élément inattendu donne CDA-XSD-001 avec ligne et XPath, dans le bon document du lot', async () => {
    requireCdaSpec(this.ctx);
    const good = cdaExample('1.1.0');
    const bad = mutate(good, '<title>Document transfert de données DUI</title>', '<bogus/>');
    const checker = new CdaChecker({ schemaDir: CDA_SCHEMAS, batchSize: 10 });
    const all = [good, bad, good].map((t) => checker.check(t));
    checker.flush();
    const [a, b, c] = await Promise.all(all);
    for (const fs of [a, c]) expect(ids(fs)).to.not.include('CDA-XSD-001');
    const xsd = b.filter((f) => f.ruleId === 'CDA-XSD-001');
    expect(xsd).to.have.length(1);
    expect(xsd[0].path).to.equal('/cda:ClinicalDocument/cda:bogus');
    expect(xsd[0].params.detail).to.include("Element 'cda:bogus': This element is not expected");
    expect(xsd[0].line).to.be.a('number');
  });

  it('sans schéma : information CDA-XSD-000 ; dossier inutilisable : CDA-XSD-002', async () => {
    expect(ids(await checkCda('<ClinicalDocument xmlns="urn:hl7-org:v3"/>'))).to.include('CDA-XSD-000');
    const broken = new CdaChecker({ schemaDir: '/nonexistent' });
    const fs = await broken.check('<ClinicalDocument xmlns="urn:hl7-org:v3"/>');
    expect(ids(fs)).to.include('CDA-XSD-002');
  });
});

describe('CDA : lecture des octets UTF-8', () => {
  it('octets lus en Latin-1 puis valeurs non ASCII redécodées : même arbre que le texte décodé', async () => {
    const { parseXml, parseXmlBytes } = await import('../../src/cda/xml/xml-tree.js');
    const text = '\uFEFF<ClinicalDocument xmlns="urn:hl7-org:v3"><code displayName="Export du Dossier Usager Informatisé"/><title>Séjour &amp; évènement ’ 😀</title><élément/></ClinicalDocument>';
    const fromBytes = parseXmlBytes(Buffer.from(text, 'utf8'));
    const fromText = parseXml(text.slice(1));
    const flat = (d: typeof fromText) => [...d.byName.values()].flat().map((e) => [e.q, e.attrs, e.text, e.line]);
    expect(flat(fromBytes)).to.deep.equal(flat(fromText));
    expect(fromBytes.byName.get('cda:title')![0].text).to.equal('Séjour & évènement ’ 😀');
    const invalid = parseXmlBytes(Buffer.concat([Buffer.from('<a t="'), Buffer.from([0xc3, 0x28]), Buffer.from('"/>')]));
    expect(invalid.root!.attrs.t).to.equal('\uFFFD(');
  });
});
