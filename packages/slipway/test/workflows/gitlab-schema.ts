import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';

const SCHEMA = path.join(import.meta.dirname, 'gitlab-ci-schema', 'ci.json');

/** GitLab's published CI schema (vendored, see gitlab-ci-schema/SOURCE.md), compiled once. */
const validate = new Ajv({
  // The schema carries editor keywords (markdownDescription) that strict mode rejects.
  strict: false,
  allErrors: true,
  // Only `uri` formats appear, on `$schema` and include URLs the generator never writes.
  validateFormats: false,
}).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);

/** Schema errors of a `.gitlab-ci.yml` text, as `<path> <message>` lines; [] when it is valid. */
export function gitlabSchemaErrors(text: string): string[] {
  if (validate(parse(text))) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
