import { ConfigError, issue } from '../../config/errors.js';

/**
 * A config problem found only while building stacks (the model asks for something the stacks
 * cannot express). It is a `ConfigError`, so the CLI reports it like any other: the model path,
 * what is wrong, and the fix.
 */
export class ModelError extends ConfigError {
  /** Where in the model the problem is, e.g. `environments.prod.services.web.deployment.canaryPercent`. */
  readonly path: string;

  constructor(path: string, problem: string, fix: string) {
    super([issue(path, problem, fix)]);
    this.path = path;
  }
}
