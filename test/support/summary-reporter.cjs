// Spec output, then the closing line CI reads: "N passed, N failed" (skips on the line before).
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const s = runner.stats;
      if (s.pending) console.log(`${s.pending} skipped`);
      console.log(`${s.passes} passed, ${s.failures} failed`);
    });
  }
}
module.exports = SpecWithSummary;
