/** Every fixed text of the HTML/PDF report, in French (default) and English: one table, no prose elsewhere. */
import type { Severity } from '../../validation/finding.js';
import type { Lang } from '../messages.js';

export interface ReportLabels {
  htmlLang: string;
  title: string;
  subtitle: string;
  runId: string;
  date: string;
  tool: string;
  verdictPass: string;
  verdictFail: string;
  verdictPassText: string;
  verdictFailText: string;
  severities: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  input: string;
  file: string;
  format: string;
  size: string;
  bytes: string;
  sha256: string;
  entries: string;
  verdict: string;
  countsBySeverity: string;
  count: string;
  countsByRule: string;
  rule: string;
  severity: string;
  specLink: string;
  countsByProfile: string;
  profile: string;
  total: string;
  chartTitle: string;
  chartDesc: string;
  noProfile: string;
  findingsHeading: string;
  noFindings: string;
  cleanEntries: string;
  rootGroup: string;
  entry: string;
  businessId: string;
  message: string;
  location: string;
  expectedFound: string;
  expected: string;
  found: string;
  hint: string;
  line: string;
  scenarioHeading: string;
  requirement: string;
  status: string;
  pass: string;
  fail: string;
  findingsCount: string;
  fidelityHeading: string;
  dataset: string;
  seed: string;
  usagers: string;
  overallScore: string;
  resourceType: string;
  expectedCount: string;
  matched: string;
  lost: string;
  altered: string;
  score: string;
  losses: string;
  noLosses: string;
  pinsHeading: string;
  pinsIntro: string;
  component: string;
  version: string;
  annotationsHeading: string;
  author: string;
  decision: string;
  comment: string;
  decisions: Record<'accept' | 'reject' | 'comment', string>;
  page: string;
  inputHash: string;
  severalInputs: string;
  truncated: string;
}

export const LABELS: Record<Lang, ReportLabels> = {
  fr: {
    htmlLang: 'fr',
    title: 'Rapport de conformité TDDUI',
    subtitle: 'Transfert de données DUI — banc de conformité',
    runId: 'Exécution',
    date: 'Date',
    tool: 'Outil',
    verdictPass: 'CONFORME',
    verdictFail: 'NON CONFORME',
    verdictPassText: 'Aucune constatation bloquante (erreur ou fatale).',
    verdictFailText: 'Au moins une constatation bloquante (erreur ou fatale) : l’export doit être corrigé.',
    severities: { fatal: 'Fatale', error: 'Erreur', warning: 'Avertissement', information: 'Information' },
    severityPlural: { fatal: 'fatales', error: 'erreurs', warning: 'avertissements', information: 'informations' },
    input: 'Fichier',
    file: 'Nom',
    format: 'Format',
    size: 'Taille',
    bytes: 'octets',
    sha256: 'Empreinte SHA-256',
    entries: 'Entrées du Bundle',
    verdict: 'Verdict',
    countsBySeverity: 'Constatations par sévérité',
    count: 'Nombre',
    countsByRule: 'Constatations par règle',
    rule: 'Règle',
    severity: 'Sévérité',
    specLink: 'Spécification',
    countsByProfile: 'Constatations par profil',
    profile: 'Profil',
    total: 'Total',
    chartTitle: 'Constatations par profil',
    chartDesc: 'Diagramme en barres : nombre de constatations par profil, par sévérité. Les mêmes chiffres figurent dans le tableau qui suit.',
    noProfile: '(sans profil)',
    findingsHeading: 'Constatations par entrée du Bundle',
    noFindings: 'Aucune constatation.',
    cleanEntries: 'entrée(s) sans constatation',
    rootGroup: 'Niveau du document',
    entry: 'Entrée',
    businessId: 'Identifiant',
    message: 'Message',
    location: 'Emplacement',
    expectedFound: 'Attendu / trouvé',
    expected: 'Attendu',
    found: 'Trouvé',
    hint: 'Piste',
    line: 'ligne',
    scenarioHeading: 'Scénario : liste de contrôle du cas d’usage',
    requirement: 'Exigence',
    status: 'Statut',
    pass: 'Satisfaite',
    fail: 'Non satisfaite',
    findingsCount: 'Constatations',
    fidelityHeading: 'Fidélité de l’aller-retour',
    dataset: 'Jeu de données attendu',
    seed: 'graine',
    usagers: 'usagers',
    overallScore: 'Score global',
    resourceType: 'Type de ressource',
    expectedCount: 'Attendus',
    matched: 'Retrouvés',
    lost: 'Perdus',
    altered: 'Altérés',
    score: 'Score',
    losses: 'Pertes et altérations',
    noLosses: 'Aucune perte ni altération.',
    pinsHeading: 'Versions épinglées',
    pinsIntro: 'Mêmes entrées et mêmes versions : même verdict, octet pour octet.',
    component: 'Composant',
    version: 'Version',
    annotationsHeading: 'Annotations des relecteurs',
    author: 'Auteur',
    decision: 'Décision',
    comment: 'Commentaire',
    decisions: { accept: 'Accepté', reject: 'Refusé', comment: 'Commentaire' },
    page: 'Page',
    inputHash: 'SHA-256',
    severalInputs: 'fichiers',
    truncated: 'profils suivants regroupés',
  },
  en: {
    htmlLang: 'en',
    title: 'TDDUI conformance report',
    subtitle: 'DUI data transfer — conformance bench',
    runId: 'Run',
    date: 'Date',
    tool: 'Tool',
    verdictPass: 'PASS',
    verdictFail: 'FAIL',
    verdictPassText: 'No blocking finding (error or fatal).',
    verdictFailText: 'At least one blocking finding (error or fatal): the export must be fixed.',
    severities: { fatal: 'Fatal', error: 'Error', warning: 'Warning', information: 'Information' },
    severityPlural: { fatal: 'fatal', error: 'errors', warning: 'warnings', information: 'information' },
    input: 'File',
    file: 'Name',
    format: 'Format',
    size: 'Size',
    bytes: 'bytes',
    sha256: 'SHA-256 hash',
    entries: 'Bundle entries',
    verdict: 'Verdict',
    countsBySeverity: 'Findings by severity',
    count: 'Count',
    countsByRule: 'Findings by rule',
    rule: 'Rule',
    severity: 'Severity',
    specLink: 'Specification',
    countsByProfile: 'Findings by profile',
    profile: 'Profile',
    total: 'Total',
    chartTitle: 'Findings by profile',
    chartDesc: 'Bar chart: number of findings per profile, by severity. The table below gives the same figures.',
    noProfile: '(no profile)',
    findingsHeading: 'Findings by Bundle entry',
    noFindings: 'No findings.',
    cleanEntries: 'entry(ies) without findings',
    rootGroup: 'Document level',
    entry: 'Entry',
    businessId: 'Identifier',
    message: 'Message',
    location: 'Location',
    expectedFound: 'Expected / found',
    expected: 'Expected',
    found: 'Found',
    hint: 'Hint',
    line: 'line',
    scenarioHeading: 'Scenario: use-case checklist',
    requirement: 'Requirement',
    status: 'Status',
    pass: 'Met',
    fail: 'Not met',
    findingsCount: 'Findings',
    fidelityHeading: 'Round-trip fidelity',
    dataset: 'Expected dataset',
    seed: 'seed',
    usagers: 'usagers',
    overallScore: 'Overall score',
    resourceType: 'Resource type',
    expectedCount: 'Expected',
    matched: 'Matched',
    lost: 'Lost',
    altered: 'Altered',
    score: 'Score',
    losses: 'Losses and alterations',
    noLosses: 'No loss or alteration.',
    pinsHeading: 'Pinned versions',
    pinsIntro: 'Same inputs and same versions: same verdict, byte for byte.',
    component: 'Component',
    version: 'Version',
    annotationsHeading: 'Reviewer annotations',
    author: 'Author',
    decision: 'Decision',
    comment: 'Comment',
    decisions: { accept: 'Accepted', reject: 'Rejected', comment: 'Comment' },
    page: 'Page',
    inputHash: 'SHA-256',
    severalInputs: 'files',
    truncated: 'further profiles grouped',
  },
};
