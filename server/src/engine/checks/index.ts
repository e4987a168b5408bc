import type { Check } from './define-check';
import { check as fullRangeExposure } from './full-range-exposure';

/** Every check, sorted by id; one line each. */
export const checks: readonly Check[] = [fullRangeExposure];
