/**
 * What the web interface needs from the server: authentication, runs (the server's access rules apply
 * inside: a vendor only ever sees its organisation's runs), checks, annotations, scenarios. The server
 * implements it over its store; the pages never touch the database.
 */
import type { Writable } from 'node:stream';
import type { CheckReport, Summary } from '../reports/report-model.js';

export type WebRole = 'vendor' | 'reviewer' | 'admin';

export interface WebUser {
  tokenId: string;
  org: string;
  role: WebRole;
}

export interface WebRun {
  id: string;
  createdAt: string;
  org: string;
  /** Where the run came from: the web form, the check API, the FHIR endpoint. */
  kind: string;
  inputName: string;
  bytes: number;
  sha256: string;
  verdict: 'pass' | 'fail' | 'pending';
  summary?: Summary;
}

export interface RunFilter {
  verdict?: 'pass' | 'fail';
  /** YYYY-MM-DD, inclusive. */
  since?: string;
  org?: string;
  page: number;
  pageSize: number;
}

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export interface WebScenario {
  id: string;
  title: string;
  description: string;
}

export interface WebBackend {
  /** Whether this role may submit exports (the server's access matrix). */
  maySubmit(user: WebUser): boolean;
  /** The user behind a token, or undefined when unknown, revoked or malformed. */
  authenticate(token: string): WebUser | undefined;
  listRuns(user: WebUser, filter: RunFilter): { runs: WebRun[]; total: number };
  /** Organisation names a reviewer may filter on (empty for other roles). */
  organisations(user: WebUser): string[];
  /** The run with its report (annotations included), or undefined when absent or not visible to this user. */
  getRun(user: WebUser, id: string): { run: WebRun; report?: CheckReport } | undefined;
  /** Records and checks an upload; resolves with the run id once the report is stored. */
  submitCheck(user: WebUser, input: { export: UploadedFile; scenario?: string; expect?: UploadedFile; lang: 'fr' | 'en' }): Promise<string>;
  annotate(user: WebUser, runId: string, annotation: { decision: 'accept' | 'reject' | 'comment'; comment: string }): void;
  /** Report file extensions offered for download (`html`, `pdf`, `json`, `junit.xml`…), in display order. */
  reportExtensions(): string[];
  /** One report of a visible run, rendered in the format of `extension`; undefined when absent or hidden. */
  renderReport(user: WebUser, runId: string, extension: string): Promise<{ mediaType: string; body: string | Buffer } | undefined>;
  scenarios(): Promise<WebScenario[]>;
  /** Streams a generated dataset; rejects with a user-facing message for unknown scenarios or bad sizes. */
  writeDataset?(id: string, options: { seed: number; usagers: number; format: 'json' | 'xml' }, out: Writable): Promise<void>;
  maxDatasetUsagers: number;
  /** Absolute base URL of the FHIR endpoint shown on the home page. */
  fhirBase(req: { protocol: string; host: string }): string;
  maxUploadBytes: number;
}
