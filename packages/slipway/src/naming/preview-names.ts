import { createHash } from 'node:crypto';
import { DeployError, DeployExitCode } from '../deploy/errors.js';

/**
 * Names of a preview environment, all derived from its branch. A branch name may hold almost
 * anything git allows (`feat/Login_Page`, `fix/#42`); stack names, PostgreSQL identifiers and
 * tags each allow less, so every name is built from one slug of lower-case letters, digits and
 * dashes. When the slug had to change the branch (case, characters, length), six hex digits of the
 * branch's hash are appended, so two branches that sanitize alike (`feat/a_b`, `feat/a-b`) still
 * get different previews.
 */

/** Longest slug: stack, role and database names stay well inside their limits. */
export const PREVIEW_SLUG_MAX = 24;

/** The infix every preview database and role name carries; the drop script refuses names without it. */
export const PREVIEW_NAME_MARKER = '_pr_';

/** Six hex digits of the text's SHA-256: what keeps a shortened or cleaned-up name apart from others. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/** `feat/Login_Page` → `feat-login-page-3f9a1c`; `login` stays `login`. */
export function previewSlug(branch: string): string {
  const trimmed = branch.trim().replace(/^refs\/heads\//, '');
  if (trimmed === '') throw new PreviewNameError(branch, 'the branch name is empty');
  const sanitized = trimmed
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (sanitized === trimmed && sanitized.length <= PREVIEW_SLUG_MAX && /^[a-z]/.test(sanitized)) {
    return sanitized;
  }
  const hash = shortHash(trimmed);
  // Leave room for `-` and the hash; a slug starts with a letter so every derived name is valid.
  const base = (/^[a-z]/.test(sanitized) ? sanitized : `b-${sanitized}`)
    .slice(0, PREVIEW_SLUG_MAX - hash.length - 1)
    .replace(/-+$/, '');
  return `${base}-${hash}`;
}

/** `<app>-pr-<slug>`: the one stack of a preview. */
export function previewStackName(app: string, slug: string): string {
  return `${app}-pr-${slug}`;
}

/** Every preview stack of an app starts with this. */
export function previewStackPrefix(app: string): string {
  return `${app}-pr-`;
}

/**
 * `/pr-<slug>`: the preview's path on the copied environment's HTTP API, before the service's own
 * paths (`/pr-login/orders/*`); the prefix is taken off again before a request reaches the task.
 */
export function previewRoutePrefix(slug: string): string {
  return `/pr-${slug}`;
}

/** Longest DNS label: a Cloud Map service name is one. */
const DNS_LABEL_MAX = 63;

/**
 * `<service>-pr-<slug>`: the preview copy's own Cloud Map name beside the environment's
 * `<service>`, which the HTTP API's private integration needs to reach the copy and not the
 * original. Too long a name keeps its start and six hex digits of the whole.
 */
export function previewDiscoveryName(service: string, slug: string): string {
  const name = `${service}-pr-${slug}`;
  if (name.length <= DNS_LABEL_MAX) return name;
  const hash = shortHash(name);
  return `${name.slice(0, DNS_LABEL_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** The preview's own database inside the copied environment's instance: `<databaseName>_pr_<slug>`. */
export function previewDatabaseName(databaseName: string, slug: string): string {
  return postgresName(`${databaseName}${PREVIEW_NAME_MARKER}${slug}`);
}

/** The preview's own login role: `<appUsername>_pr_<slug>`. */
export function previewRoleName(appUsername: string, slug: string): string {
  return postgresName(`${appUsername}${PREVIEW_NAME_MARKER}${slug}`);
}

/** Dashes become underscores; PostgreSQL truncates identifiers at 63 bytes, so longer ones are refused. */
function postgresName(name: string): string {
  const identifier = name.replaceAll('-', '_');
  if (identifier.length > 63) {
    throw new PreviewNameError(
      identifier,
      `"${identifier}" is ${identifier.length} characters; PostgreSQL names stop at 63`,
      'Shorten the databaseName or appUsername in the config (the preview adds up to 28 characters).',
    );
  }
  return identifier;
}

/** A tag value AWS accepts (letters, digits, spaces and `_ . : / = + - @`, at most 256). */
export function tagValue(text: string): string {
  return text.replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, '_').slice(0, 256);
}

export class PreviewNameError extends DeployError {
  override readonly name = 'PreviewNameError';
  readonly exitCode = DeployExitCode.usage;

  constructor(
    readonly value: string,
    readonly problem: string,
    readonly fix = 'Use a branch name with at least one letter or digit.',
  ) {
    super(`Preview name "${value}": ${problem}. Fix: ${fix}`);
  }
}
