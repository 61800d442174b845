import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../src/db/iso-timestamps.js';

describe('isoTimestamp', () => {
  it.each([
    ['2025-01-31 12:00:00.123456+00', '2025-01-31T12:00:00.123456Z'],
    ['2025-01-31 12:00:00+00', '2025-01-31T12:00:00Z'],
    ['2025-01-31 17:30:00.5+05:30', '2025-01-31T17:30:00.5+05:30'],
    ['2025-01-31 07:00:00-05', '2025-01-31T07:00:00-05:00'],
  ])('turns %s into %s', (text, iso) => {
    expect(isoTimestamp(text)).toBe(iso);
    expect(Date.parse(isoTimestamp(text))).toBe(Date.parse(iso));
  });
});
