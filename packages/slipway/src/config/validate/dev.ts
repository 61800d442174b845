/**
 * `services.<name>.dev` tells `slipway dev` how to start a service on a developer's machine. The
 * config is shared through git, so what it says must work on every machine: a real command, a
 * folder relative to the config, and variable names a shell accepts.
 */
import path from 'node:path';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const validateDev: Validator = ({ config }) => {
  const issues: ConfigIssue[] = [];
  for (const [name, service] of Object.entries(config.services ?? {})) {
    const dev = service.dev;
    if (dev === undefined) continue;
    if (dev.command.trim() === '') {
      issues.push(
        issue(
          joinPath('services', name, 'dev', 'command'),
          'is empty',
          "set the shell command that starts the service locally, e.g. 'npm run dev', or remove dev",
        ),
      );
    }
    if (dev.cwd !== undefined && (path.isAbsolute(dev.cwd) || path.win32.isAbsolute(dev.cwd))) {
      issues.push(
        issue(
          joinPath('services', name, 'dev', 'cwd'),
          `'${dev.cwd}' is an absolute path, which exists only on one machine`,
          "use a path relative to the config file's folder, e.g. '../..'",
        ),
      );
    }
    for (const variable of Object.keys(dev.env ?? {})) {
      if (!VARIABLE_NAME.test(variable)) {
        issues.push(
          issue(
            joinPath('services', name, 'dev', 'env', variable),
            `'${variable}' is not a valid environment variable name`,
            "use letters, digits and '_', not starting with a digit, e.g. 'LOG_LEVEL'",
          ),
        );
      }
    }
  }
  return issues;
};
