import { checks } from '../checks/index';
import { SUPPRESSION_CHECK_ID } from '../lint';

/** Every id `checks:` may name: the registered checks and the suppression-comment check that lint.ts runs itself. */
export function configurableCheckIds(): string[] {
  return [...checks.map((check) => check.id), SUPPRESSION_CHECK_ID].sort();
}
