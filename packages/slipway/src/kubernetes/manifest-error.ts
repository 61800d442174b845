import { ConfigError, issue } from '../config/errors.js';

/**
 * The model asks for something the Kubernetes manifests cannot express. A `ConfigError`, so it
 * reads like any other: the model path, what is wrong, and the fix.
 */
export class ManifestError extends ConfigError {
  /** Where in the model the problem is, e.g. `environments.dev.services.web.user`. */
  readonly path: string;

  constructor(path: string, problem: string, fix: string) {
    super([issue(path, problem, fix)]);
    this.path = path;
  }
}

/** `environments.<env>.services.<service>[.field]`, the path errors name. */
export function servicePathOf(env: string, service: string, field?: string): string {
  const base = `environments.${env}.services.${service}`;
  return field === undefined ? base : `${base}.${field}`;
}
