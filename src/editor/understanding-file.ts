import { stringify } from 'yaml';
import type { Understanding } from '../faq/schema.js';

const HEADER = `# Written by \`npm run calibrate\`: do not edit. The classifier's settings and acceptance threshold,
# chosen by cross-validation over phrasings.yaml and declines.yaml. Meaning of each: faq-data/README.md.
`;

/** The text of understanding.yaml: the header saying who writes it, then the settings in schema order. */
export function formatUnderstandingFile(settings: Understanding): string {
  const ordered: Understanding = {
    threshold: settings.threshold,
    minEvidence: settings.minEvidence,
    answerWeight: settings.answerWeight,
    coverageShare: settings.coverageShare,
    foreignWeight: settings.foreignWeight,
    foreignNounWeight: settings.foreignNounWeight,
    linearShare: settings.linearShare,
    foreignEvidence: settings.foreignEvidence,
    clarifyMargin: settings.clarifyMargin,
  };
  return HEADER + stringify(ordered);
}
