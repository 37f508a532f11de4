/**
 * Entry point used by runCheck: recognises a CDA input by content and checks it (a CDA document, or a
 * TDDUI 1.1.0 transport resource carrying CDA documents). Other inputs → undefined (the FHIR path).
 */
import type { Checker } from '../rules/checker.js';
import type { Finding } from '../validation/finding.js';
import type { CdaChecker } from './cda-checker.js';
import { isCdaTransport, isCdaXml } from './detect.js';
import type { CdaVersion } from './rules/cda-rule.js';
import { checkTransport } from './transport/check-transport.js';

export interface CdaRunOptions {
  checker: CdaChecker;
  /** `--cda-version`: rule set forced for every CDA document. */
  version?: CdaVersion;
}

export interface CdaInputResult {
  format: 'json' | 'xml' | 'cda';
  findings: Finding[];
}

export function checkCdaInput(cda: CdaRunOptions, checker: Checker, bytes: Buffer, profiles?: string[]): Promise<CdaInputResult> | undefined {
  if (isCdaXml(bytes)) return cda.checker.check(bytes, { version: cda.version }).then((findings) => ({ format: 'cda', findings }));
  if (isCdaTransport(bytes)) return checkTransport(checker, cda.checker, bytes, { profiles, version: cda.version });
  return undefined;
}
