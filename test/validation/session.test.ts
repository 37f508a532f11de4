/** Conformance questions asked after the walk (TDDUI rules): verdicts reused, findings of failed probes walked again on demand. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FhirValidator } from '../../src/validation/validate.js';
import { requireSpec, shippedContext, TDDUI_EXAMPLES } from '../support/context.js';

const SD = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/';

describe('session de conformité après la validation', () => {
  it('un essai raté contre un profil non déclaré reste faux et ses erreurs sont retrouvées à la demande', function () {
    requireSpec(this);
    const text = readFileSync(join(TDDUI_EXAMPLES, 'Bundle-tddui-bundle-example.json'), 'utf8');
    const validator = new FhirValidator(shippedContext());
    const v = validator.validateText(text, { raw: true, defaultProfiles: { Bundle: [SD + 'tddui-bundle'] } });
    const session = validator.session(v);
    const entries = (v.resource!.entry as { resource: Record<string, unknown> }[]);
    const sejour = entries[2].resource;
    const path = 'Bundle.entry[2].resource';
    expect(sejour.meta).to.deep.include({ profile: [SD + 'tddui-encounter-sejour'] });

    expect(session.conforms(sejour as never, SD + 'tddui-encounter-sejour', path)).to.equal(true);
    expect(session.conforms(sejour as never, SD + 'tddui-encounter-evenement', path)).to.equal(false);
    const errors = session.findingsAgainst(sejour as never, SD + 'tddui-encounter-evenement', path).filter((f) => f.severity === 'error');
    expect(errors, 'the failed probe is walked again when its findings are asked for').to.not.be.empty;
    for (const e of errors) {
      expect(e.path.startsWith(path)).to.equal(true);
      expect(e.profile).to.equal(SD + 'tddui-encounter-evenement');
    }
    expect(session.conforms(sejour as never, SD + 'tddui-encounter-evenement', path)).to.equal(false);
  });
});
