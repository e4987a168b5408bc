import type { Check } from './define-check';
import { check as adminPortExposed } from './admin-port-exposed';
import { check as expiredRule } from './expired-rule';
import { check as fullRangeExposure } from './full-range-exposure';
import { check as missingOwner } from './missing-owner';
import { check as overlappingRules } from './overlapping-rules';
import { check as publicDatabase } from './public-database';
import { check as shadowedRule } from './shadowed-rule';

/** Every check, sorted by id; one line each. */
export const checks: readonly Check[] = [
  adminPortExposed,
  expiredRule,
  fullRangeExposure,
  missingOwner,
  overlappingRules,
  publicDatabase,
  shadowedRule,
];
