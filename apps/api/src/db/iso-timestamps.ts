import pg from 'pg';

const TIMESTAMPTZ_OID = 1184;

/**
 * Turns Postgres' text form of a timestamptz (`2025-01-31 12:00:00.123456+00`) into ISO 8601
 * (`2025-01-31T12:00:00.123456Z`) with two string edits. node-postgres would otherwise build a Date
 * (slower, and it drops the microseconds) that the JSON serializer then prints again; asking
 * Postgres to format it (to_char) costs the database more than this costs Node.
 */
export function isoTimestamp(text: string): string {
  const iso = text.replace(' ', 'T');
  if (iso.endsWith('+00')) return `${iso.slice(0, -3)}Z`;
  // Other zones print as +05 or +05:30; ISO 8601 wants the minutes too.
  return /[+-]\d\d$/.test(iso) ? `${iso}:00` : iso;
}

/** Type parsers for one pool: timestamptz stays a string in ISO form, the rest as node-postgres does. */
export const isoTimestampTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID && format !== 'binary'
      ? isoTimestamp
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};
