import { describe, expect, it } from 'vitest';
import { countFlowTaps } from '../analysis/count-taps';

describe('tap analysis of the form flows', () => {
  it.each([
    ['home-adaptation', 5, 11],
    ['meal-assistance', 4, 30],
    ['meal-assistance-change', 6, 2],
    ['assistive-device-rental', 5, 11],
    ['sports-voucher', 1, 0],
    ['home-visit', 6, 11],
  ] as const)('%s: %i taps and %i digits from the first screen to submitted', (key, taps, typed) => {
    expect(countFlowTaps(key)).toMatchObject({ taps, typed });
  });
});
