/**
 * The part of GitLab CI's `.gitlab-ci.yml` syntax Slipway generates and checks. Keys keep GitLab's
 * spelling so a value serializes to YAML as is; optional keys are left out, never `undefined`.
 */

export interface GitlabRule {
  readonly if?: string;
  readonly changes?: { readonly paths: readonly string[] };
  readonly when?: 'on_success' | 'manual' | 'never' | 'always';
  readonly allow_failure?: boolean;
}

export interface GitlabEnvironment {
  readonly name: string;
  readonly deployment_tier?: 'production' | 'staging' | 'testing' | 'development' | 'other';
  /** `stop` takes the environment down; `prepare` and `access` make no deployment. @default 'start' */
  readonly action?: 'start' | 'prepare' | 'stop' | 'access';
  /** The job GitLab runs when the environment stops (by hand, `auto_stop_in`, or its branch deleted). */
  readonly on_stop?: string;
  /** e.g. `7 days`: GitLab stops the environment this long after its last deployment. */
  readonly auto_stop_in?: string;
}

export interface GitlabNeed {
  readonly job: string;
  readonly optional?: boolean;
}

export interface GitlabJob {
  readonly stage: string;
  readonly image?: string;
  readonly services?: readonly (string | { readonly name: string; readonly alias?: string })[];
  readonly variables?: Readonly<Record<string, string>>;
  readonly id_tokens?: Readonly<Record<string, { readonly aud: string }>>;
  readonly environment?: GitlabEnvironment;
  readonly resource_group?: string;
  readonly needs?: readonly (string | GitlabNeed)[];
  readonly rules?: readonly GitlabRule[];
  readonly interruptible?: boolean;
  readonly timeout?: string;
  readonly script: readonly string[];
  /** Runs after `script`, also when it failed. */
  readonly after_script?: readonly string[];
  readonly artifacts?: {
    readonly paths?: readonly string[];
    /** A `KEY=value` file whose variables the jobs that need this one receive. */
    readonly reports?: { readonly dotenv: string };
    readonly expose_as?: string;
    readonly when?: 'on_success' | 'on_failure' | 'always';
    readonly expire_in?: string;
  };
}

export interface GitlabPipeline {
  readonly workflow: { readonly rules: readonly GitlabRule[] };
  readonly stages: readonly string[];
  readonly default: { readonly image: string };
  readonly variables?: Readonly<Record<string, string>>;
  /** Job name → job. Kept apart here; rendered at the top level as GitLab expects. */
  readonly jobs: Readonly<Record<string, GitlabJob>>;
}

/** A pipeline file as the rules see it: the text and the parsed document. */
export interface GitlabPipelineFile {
  readonly path: string;
  readonly text: string;
  readonly document: Readonly<Record<string, unknown>>;
}

/** Top-level keys of `.gitlab-ci.yml` that are not jobs. */
export const GITLAB_GLOBAL_KEYS = new Set([
  'workflow',
  'stages',
  'default',
  'variables',
  'include',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
  'pages',
]);

/** The jobs of a parsed pipeline: every top-level key that is not a global keyword or hidden. */
export function jobsOfPipeline(document: Readonly<Record<string, unknown>>): [string, GitlabJob][] {
  return Object.entries(document)
    .filter(([key]) => !GITLAB_GLOBAL_KEYS.has(key) && !key.startsWith('.'))
    .map(([key, job]) => [key, job as GitlabJob]);
}
