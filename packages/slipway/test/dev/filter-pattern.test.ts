import { describe, expect, it } from 'vitest';
import { checkFilterPattern, passesFilters } from '../../src/dev/filter-pattern.js';

/** A stream record in the shape Lambda filters and hands over. */
const insert = {
  eventName: 'INSERT',
  dynamodb: {
    Keys: { orderId: { S: 'o-1' } },
    NewImage: {
      orderId: { S: 'o-1' },
      status: { S: 'placed' },
      total: { N: '250' },
      tags: { SS: ['gift', 'rush'] },
    },
  },
};
const modify = { ...insert, eventName: 'MODIFY' };

describe('Lambda filter patterns', () => {
  it('passes every record without patterns, and a record that matches any of several', () => {
    expect(passesFilters([], modify)).toBe(true);
    expect(passesFilters([{ eventName: ['INSERT'] }], insert)).toBe(true);
    expect(passesFilters([{ eventName: ['INSERT'] }], modify)).toBe(false);
    expect(passesFilters([{ eventName: ['REMOVE'] }, { eventName: ['MODIFY'] }], modify)).toBe(true);
  });

  it('follows nested fields and needs every field of a pattern to match', () => {
    const placed = { eventName: ['INSERT'], dynamodb: { NewImage: { status: { S: ['placed'] } } } };
    expect(passesFilters([placed], insert)).toBe(true);
    expect(passesFilters([placed], modify)).toBe(false);
    expect(passesFilters([{ dynamodb: { NewImage: { status: { S: ['cancelled'] } } } }], insert)).toBe(false);
  });

  it('applies prefix, suffix, equals-ignore-case, anything-but and numeric conditions', () => {
    const image = (condition: unknown) => [{ dynamodb: { NewImage: { status: { S: [condition] } } } }];
    expect(passesFilters(image({ prefix: 'pla' }), insert)).toBe(true);
    expect(passesFilters(image({ suffix: 'ced' }), insert)).toBe(true);
    expect(passesFilters(image({ 'equals-ignore-case': 'PLACED' }), insert)).toBe(true);
    expect(passesFilters(image({ 'anything-but': ['placed'] }), insert)).toBe(false);
    expect(passesFilters(image({ 'anything-but': 'cancelled' }), insert)).toBe(true);
    expect(passesFilters(image({ 'anything-but': { prefix: 'pl' } }), insert)).toBe(false);
    const amount = { dynamodb: { NewImage: { total: { N: [{ numeric: ['>', 100] }] } } } };
    // DynamoDB numbers travel as strings, so a numeric condition on `N` never holds, as in Lambda.
    expect(passesFilters([amount], insert)).toBe(false);
    expect(passesFilters([{ size: [{ numeric: ['>', 100, '<=', 250] }] }], { size: 250 })).toBe(true);
    expect(passesFilters([{ size: [{ numeric: ['>', 100, '<', 250] }] }], { size: 250 })).toBe(false);
  });

  it('matches a list in the record when any element does, and tells missing from present fields', () => {
    expect(passesFilters([{ dynamodb: { NewImage: { tags: { SS: ['rush'] } } } }], insert)).toBe(true);
    expect(passesFilters([{ dynamodb: { OldImage: [{ exists: false }] } }], insert)).toBe(true);
    expect(passesFilters([{ dynamodb: { NewImage: [{ exists: true }] } }], insert)).toBe(true);
    expect(passesFilters([{ eventName: [{ exists: false }] }], insert)).toBe(false);
    // Only `exists: false` matches a field the record lacks.
    expect(passesFilters([{ userIdentity: [{ 'anything-but': ['x'] }] }], insert)).toBe(false);
    expect(passesFilters([{ $or: [{ eventName: ['REMOVE'] }, { eventName: ['INSERT'] }] }], insert)).toBe(
      true,
    );
  });

  it('names each part of a pattern it cannot apply', () => {
    expect(checkFilterPattern({ eventName: ['INSERT'] }, 'functions.notify.events.filters[0]')).toEqual([]);
    expect(checkFilterPattern({ eventName: 'INSERT' }, 'f[0]')).toEqual([
      'f[0].eventName: a leaf is a list of values or conditions, such as [\'INSERT\'] (not "INSERT")',
    ]);
    expect(checkFilterPattern({ eventName: [{ wildcard: 'IN*' }] }, 'f[0]')[0]).toMatch(
      /^f\[0\]\.eventName\[0\]: \{"wildcard":"IN\*"\} is not a condition Lambda filters accept/,
    );
    expect(checkFilterPattern({ size: [{ numeric: ['>'] }] }, 'f[0]')[0]).toMatch(/numeric takes pairs/);
    expect(checkFilterPattern({ $or: [{ a: ['x'] }] }, 'f[0]')[0]).toMatch(
      /\$or takes a list of two or more/,
    );
  });
});
