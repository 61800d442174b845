/** One thing wrong with a config: where, what, and how to fix it. */
export interface ConfigIssue {
  /** Dotted path of the field in the config, e.g. `environments.prod.network.cidr`; empty for the file itself. */
  readonly path: string;
  /** What is wrong, as a sentence fragment without the trailing period. */
  readonly message: string;
  /** What to change, as an instruction. */
  readonly fix: string;
}

/**
 * Raised when a config cannot be loaded or does not describe a valid app. It lists every issue
 * found, one line each, so a user fixes them all in one pass instead of one per run.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];
  /** The config file the issues are in, when the config came from a file. */
  readonly file?: string;

  constructor(issues: readonly ConfigIssue[], file?: string) {
    super(renderIssues(issues, file));
    this.issues = issues;
    this.file = file;
  }

  /** The same issues, now known to come from `file`. */
  withFile(file: string): ConfigError {
    return new ConfigError(this.issues, file);
  }
}

/** `path: message. Fix: fix.`, one line per issue; an issue without a path is named by the file. */
export function renderIssues(issues: readonly ConfigIssue[], file?: string): string {
  return issues.map((issue) => renderIssue(issue, file)).join('\n');
}

function renderIssue(issue: ConfigIssue, file?: string): string {
  const where = issue.path || file || 'config';
  return `${where}: ${sentence(issue.message)} Fix: ${sentence(issue.fix)}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Builds an issue; validators read as a list of rules. */
export function issue(path: string, message: string, fix: string): ConfigIssue {
  return { path, message, fix };
}

/** Joins path segments the way issues print them: `services.web.port`, `paths[0]`. */
export function joinPath(...segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
