/**
 * The web pages as rendered HTML, in both languages: every label key exists (the `t` helper throws
 * otherwise), every form control has a label, one h1 per page, no inline style or script (CSP).
 */
import { expect } from 'chai';
import { renderPage, type PageFrame, type PageName } from '../../src/web/pages.js';

const RUN = { id: 'r1', createdAt: '2026-12-03T10:00:00.000Z', org: 'Éditeur A', kind: 'web', inputName: 'export.json', bytes: 2048, sha256: 'ab'.repeat(32), verdict: 'fail' };
const MODELS: Record<PageName, object> = {
  home: { fhirBase: 'http://localhost:8080/fhir' },
  login: { invalid: true, next: '/executions' },
  check: { scenarios: [{ id: 'ssiad-sidoba', title: 'Activité SSIAD' }], error: 'Choisissez un fichier à vérifier.' },
  runs: { runs: [{ ...RUN, errors: 2, warnings: 1 }], filter: { verdict: 'fail' }, organisations: ['Éditeur A'], page: 1, pages: 2, nextHref: '/executions?page=2' },
  run: {
    run: RUN, summary: { fatal: 0, error: 1, warning: 0, information: 0 }, downloads: [{ label: 'PDF', href: '/x.pdf' }], reportHref: '/x.html',
    findings: [{ severity: 'error', severityLabel: 'erreur', ruleId: 'TDDUI-BDL-006', specUrl: 'https://example.org', message: '<b>m</b>', path: 'Bundle.entry[0]', line: 3, column: 4 }],
    findingsTotal: 1, annotations: [{ author: 'CNSA', decision: 'reject', decisionLabel: 'refusé', comment: 'à revoir', at: '2026-12-03T11:00:00Z' }], canAnnotate: true,
  },
  scenarios: { scenarios: [{ id: 'ssiad-sidoba', title: 'Activité SSIAD', description: 'd' }], maxUsagers: 1000 },
  error: { status: 404, message: 'absent' },
};

for (const lang of ['fr', 'en'] as const) {
  describe(`web pages (${lang})`, () => {
    for (const [name, model] of Object.entries(MODELS) as [PageName, object][]) {
      it(`${name}: labelled controls, one h1, no inline style or script`, () => {
        const frame: PageFrame = { lang, path: '/x', title: 'T', user: { org: 'Éditeur A', role: 'reviewer' } };
        const html = renderPage(name, frame, model);
        expect(html).to.match(new RegExp(`<html lang="${lang}">`));
        expect(html.match(/<h1[ >]/g)).to.have.length(1);
        expect(html).not.to.match(/<script|style="/);
        for (const [, id] of html.matchAll(/<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)) {
          expect(html, `label for ${id}`).to.include(`<label for="${id}">`);
        }
        const controls = html.match(/<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*>/g) ?? [];
        for (const c of controls) expect(c, c).to.match(/\bid="/);
      });
    }
    it('escapes data (a finding message cannot inject markup)', () => {
      const html = renderPage('run', { lang, path: '/x', title: 'T' }, MODELS.run);
      expect(html).to.include('&lt;b&gt;m&lt;/b&gt;').and.not.include('<b>m</b>');
    });
  });
}
