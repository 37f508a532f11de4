/**
 * The check of one input: the FHIR engine (base R4, meta.profile, forced profiles, tddui-bundle for
 * Bundles) then the TDDUI rules, merged into one sorted, located list of findings.
 */
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import { finding, Sink } from '../validation/sink.js';
import type { Finding } from '../validation/finding.js';
import type { JsonObject } from '../validation/json-values.js';
import type { JsonInput } from '../validation/parse/json-scan.js';
import { finish, FhirValidator, type InputFormat, type ValidateOptions } from '../validation/validate.js';
import { CHECK_RULES } from './catalogue.js';
import type { CheckRule, RuleContext } from './rule.js';
import { BUNDLE_PROFILE } from './tddui/bundle-rules.js';

export interface CheckOptions {
  /** Extra profiles the root resource must conform to. */
  profiles?: string[];
  /** TDDUI mode (default): Bundles are checked against tddui-bundle and the TDDUI rules run. */
  tddui?: boolean;
  format?: InputFormat;
  /** Rules run after the TDDUI rules for this check only (e.g. a use-case scenario's rule pack). */
  extraRules?: readonly CheckRule[];
}

export interface CheckedInput {
  format: InputFormat;
  resource?: JsonObject;
  findings: Finding[];
  /** Attaches line/column to findings made later on this input (sorted in document order), e.g. fidelity ones. */
  locate: (findings: Finding[]) => void;
}

export class Checker {
  private readonly validator: FhirValidator;

  constructor(readonly definitions: DefinitionContext, private readonly rules: readonly CheckRule[] = CHECK_RULES) {
    this.validator = new FhirValidator(definitions);
  }

  /** Checks a document given as text or as its UTF-8 bytes (preferred: large exports stay one buffer). */
  check(input: JsonInput, options: CheckOptions = {}): CheckedInput {
    const tddui = options.tddui ?? true;
    const vOptions: ValidateOptions = {
      profiles: options.profiles,
      format: options.format,
      defaultProfiles: tddui ? { Bundle: [BUNDLE_PROFILE] } : undefined,
      raw: true,
    };
    const v = this.validator.validateText(input, vOptions);
    if (!v.resource || !tddui || v.findings.some((f) => f.severity === 'fatal')) {
      const findings = finish(v.findings);
      v.locate(findings);
      return { format: v.format, resource: v.resource, findings, locate: v.locate };
    }

    const sink = new Sink();
    sink.addAll(v.findings);
    const added: Finding[] = [];
    const session = this.validator.session(v);
    const ctx: RuleContext = {
      definitions: this.definitions,
      root: v.resource,
      bundle: v.run.rootBundle,
      references: v.run.references,
      engineFindings: v.findings,
      conforms: session.conforms,
      findingsAgainst: session.findingsAgainst,
      report: (ruleId, path, params = {}, severity) => {
        const rule = this.rules.find((r) => r.id === ruleId);
        const f = finding(ruleId, path, params, undefined, severity ?? rule?.severity);
        added.push(f);
      },
      include: (fs) => added.push(...fs),
    };
    for (const rule of this.rules) rule.check(ctx);
    for (const rule of options.extraRules ?? []) rule.check(ctx);
    sink.addAll(added);
    const findings = finish(sink.findings);
    v.locate(findings);
    return { format: v.format, resource: v.resource, findings, locate: v.locate };
  }
}
