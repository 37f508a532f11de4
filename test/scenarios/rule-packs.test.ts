/**
 * Use-case rule packs, tested as data: for every rule of every scenario, the generated dataset passes it
 * (positive case) and a mutation derived from its declarative check makes it fire with the expected path
 * (negative case). Plus the case the issue asks for: an export that conforms to every profile but misses
 * what the use case needs.
 */
import { expect } from 'chai';
import { generateDataset, loadScenarios } from '../../src/scenarios/index.js';
import { scenarioCheckRules, select } from '../../src/scenarios/rule-pack.js';
import type { ScenarioRule } from '../../src/scenarios/scenario-model.js';
import { runCheck } from '../../src/reports/run-check.js';
import { formatText } from '../../src/reports/format-text.js';
import type { JsonObject } from '../../src/validation/json-values.js';
import { blocking } from '../support/assertions.js';
import { sharedChecker } from '../support/context.js';

type Entry = { fullUrl: string; resource: JsonObject };
const P = (id: string) => (id.includes('/') ? id : `https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/${id}`);
const profilesOf = (p: string | string[]) => (Array.isArray(p) ? p : [p]).map(P);
const claims = (e: Entry, profiles: string[]) => ((e.resource.meta as { profile?: string[] } | undefined)?.profile ?? []).some((p) => profiles.includes(p));
const at = (i: number) => `Bundle.entry[${i}].resource`;

/** Breaks the dataset for the rule and returns the path where the rule must report. */
function breakFor(rule: ScenarioRule, bundle: JsonObject): string {
  const entries = bundle.entry as Entry[];
  const c = rule.check;
  const profiles = profilesOf(c.profile);
  const firstPatient = entries.findIndex((e) => e.resource.resourceType === 'Patient');
  const first = entries.findIndex((e) => claims(e, profiles));
  const removeAll = () => {
    bundle.entry = entries.filter((e) => !claims(e, profiles));
  };
  switch (c.kind) {
    case 'per-usager':
      removeAll();
      return at(firstPatient);
    case 'count':
      removeAll();
      return 'Bundle';
    case 'reference': {
      const s = select(entries[first].resource, c.path, at(first)).find((x) => typeof x.value === 'object');
      (s!.value as JsonObject).reference = entries[firstPatient].fullUrl;
      return `${s!.path}.reference`;
    }
    case 'within': {
      const s = select(entries[first].resource, c.period, at(first))[0];
      (s.value as JsonObject).start = '1900-01-01';
      return s.path;
    }
    case 'span': {
      const subject = (entries[first].resource.subject as JsonObject).reference;
      const s = select(entries[first].resource, c.date, at(first))[0];
      (s.holder as JsonObject)[s.key as string] = `${Number(String(s.value).slice(0, 4)) - 1}${String(s.value).slice(4)}`;
      return at(entries.findIndex((e) => e.fullUrl === subject));
    }
    case 'present': {
      for (const s of select(entries[first].resource, c.path, at(first)).reverse()) {
        if (Array.isArray(s.holder)) s.holder.splice(s.key as number, 1);
        else delete s.holder[s.key];
      }
      return at(first);
    }
  }
}

describe('scénarios : règles de cas d’usage (check --scenario)', () => {
  for (const scenario of loadScenarios()) {
    describe(scenario.id, () => {
      const rules = scenarioCheckRules(scenario);
      const ids = new Set(scenario.rules.map((r) => r.id));
      let dataset: JsonObject;
      before(async () => {
        dataset = (await generateDataset(scenario.id, { seed: 5, usagers: 3 })).bundle;
      });

      it('le jeu généré satisfait toutes ses règles (cas positif de chaque règle)', () => {
        const findings = sharedChecker().check(JSON.stringify(dataset), { extraRules: rules }).findings;
        expect(findings.filter((f) => ids.has(f.ruleId)).map((f) => `${f.ruleId} @ ${f.path}`)).to.deep.equal([]);
        expect(blocking(findings)).to.deep.equal([]);
      });

      for (const rule of scenario.rules) {
        it(`${rule.id} (${rule.check.kind}) : cas négatif signalé avec la règle et le chemin`, () => {
          const broken = structuredClone(dataset);
          const path = breakFor(rule, broken);
          const findings = sharedChecker().check(JSON.stringify(broken), { extraRules: rules }).findings;
          const hit = findings.find((f) => f.ruleId === rule.id && f.path === path);
          expect(hit, `${rule.id} @ ${path} ; trouvé : ${findings.filter((f) => ids.has(f.ruleId)).map((f) => `${f.ruleId} @ ${f.path}`).join(', ')}`).to.not.equal(undefined);
          expect(hit!.severity).to.equal(rule.severity);
        });
      }
    });
  }

  it('un export conforme à tous les profils mais incomplet pour le cas d’usage échoue avec la règle du scénario', async () => {
    const { bundle } = await generateDataset('ssiad-sidoba', { seed: 12, usagers: 2 });
    const entries = bundle.entry as Entry[];
    // The first usager's stay is gone and its events no longer point to it: every resource still conforms.
    const stay = entries.findIndex((e) => claims(e, [P('tddui-encounter-sejour')]));
    const stayUrl = entries[stay].fullUrl;
    for (const e of entries) if ((e.resource.partOf as JsonObject | undefined)?.reference === stayUrl) delete e.resource.partOf;
    entries.splice(stay, 1);
    const patient = entries.findIndex((e) => e.resource.resourceType === 'Patient');
    const text = JSON.stringify(bundle);

    const plain = sharedChecker().check(text).findings;
    expect(blocking(plain).map((f) => `${f.ruleId} @ ${f.path}`)).to.deep.equal([]);

    const report = await runCheck(sharedChecker(), [{ name: 'export.json', bytes: Buffer.from(text) }], { scenario: 'ssiad-sidoba', runId: 'test' });
    const result = report.results[0];
    expect(result.verdict).to.equal('fail');
    expect(result.issues.map((i) => `${i.ruleId} @ ${i.path}`)).to.include(`SSIAD-001 @ ${at(patient)}`);
    const event = entries.findIndex((e) => claims(e, [P('tddui-encounter-evenement')]));
    expect(result.issues.map((i) => `${i.ruleId} @ ${i.path}`)).to.include(`SSIAD-004 @ ${at(event)}`);
    expect(result.scenario?.id).to.equal('ssiad-sidoba');
    const line = (id: string) => result.scenario!.requirements.find((r) => r.ruleId === id)!;
    expect(line('SSIAD-001')).to.include({ status: 'fail', findings: 1 });
    expect(line('SSIAD-003').status).to.equal('pass');
    expect(formatText(report)).to.match(/ÉCHEC\s+SSIAD-001/);
    const issue = result.issues.find((i) => i.ruleId === 'SSIAD-001')!;
    expect(issue.message).to.match(/^Usager \d{15}|^Usager 3\d{9}\//);
  });

  it('entrée illisible : toutes les exigences en échec (les règles n’ont pas pu s’exécuter)', async () => {
    const report = await runCheck(sharedChecker(), [{ name: 'bad.json', bytes: Buffer.from('{"resourceType":') }], { scenario: 'projet-de-vie', runId: 'test' });
    expect(report.results[0].scenario!.requirements.map((q) => q.status)).to.deep.equal(['fail', 'fail']);
  });

  it('scénario inconnu → erreur claire', async () => {
    let error: Error | undefined;
    await runCheck(sharedChecker(), [{ name: 'x.json', bytes: Buffer.from('{}') }], { scenario: 'nope' }).catch((e: Error) => { error = e; });
    expect(error?.message).to.include('scénario inconnu');
  });
});
