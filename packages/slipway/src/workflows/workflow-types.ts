/**
 * The part of GitHub Actions' workflow syntax Slipway generates and checks. Keys keep GitHub's
 * spelling so a value serializes to YAML as is; optional keys are left out, never `undefined`.
 */

export type Permission = 'read' | 'write' | 'none';
/** `{}` denies everything; otherwise scope → level. */
export type Permissions = Readonly<Record<string, Permission>>;

export interface Concurrency {
  readonly group: string;
  readonly 'cancel-in-progress': boolean;
}

export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly run?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly 'continue-on-error'?: boolean;
}

export interface Job {
  readonly name?: string;
  readonly if?: string;
  readonly needs?: string | readonly string[];
  readonly 'runs-on': string;
  readonly 'timeout-minutes'?: number;
  readonly environment?: string | { readonly name: string; readonly url?: string };
  readonly concurrency?: Concurrency | string;
  readonly permissions?: Permissions;
  readonly strategy?: {
    readonly 'fail-fast'?: boolean;
    readonly matrix: Readonly<Record<string, unknown>>;
  };
  readonly env?: Readonly<Record<string, string>>;
  readonly outputs?: Readonly<Record<string, string>>;
  readonly secrets?: string | Readonly<Record<string, string>>;
  readonly uses?: string;
  readonly steps?: readonly Step[];
}

export interface Workflow {
  readonly name: string;
  readonly on: Readonly<Record<string, unknown>>;
  readonly permissions?: Permissions;
  readonly concurrency?: Concurrency | string;
  readonly env?: Readonly<Record<string, string>>;
  readonly jobs: Readonly<Record<string, Job>>;
}

/** A workflow file as the rules see it: the text (for comments) and the parsed document. */
export interface WorkflowFile {
  /** Path relative to the repository root, e.g. `.github/workflows/deploy.yml`. */
  readonly path: string;
  readonly text: string;
  readonly workflow: Workflow;
}
