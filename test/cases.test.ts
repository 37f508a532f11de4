/** Runs every case table: each case must produce its expected findings (rule id + path) and none of its `clean` ids. */
import { CASE_TABLES } from './cases/index.js';
import { check, specAvailable } from './support/context.js';
import { expectFinding, expectNoFinding } from './support/assertions.js';

for (const [table, cases] of Object.entries(CASE_TABLES)) {
  describe(`cas : ${table}`, () => {
    for (const c of cases) {
      it(c.name, function () {
        if (c.needsSpec && !specAvailable()) {
          console.log('      (../shared/spec absent : cas ignoré)');
          this.skip();
        }
        const input = typeof c.input === 'function' ? (c.input as () => unknown)() : c.input;
        const findings = check(input, c.options);
        for (const e of c.fires ?? []) expectFinding(findings, e);
        for (const id of c.clean ?? []) expectNoFinding(findings, id);
      });
    }
  });
}
