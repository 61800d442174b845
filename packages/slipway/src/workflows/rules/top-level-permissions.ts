import type { WorkflowRule } from './types.js';

/**
 * SECURITY.md 16: the workflow-wide token can do nothing beyond reading the code (`{}` or
 * `contents: read`); a job that needs more asks for it itself. Without the key GitHub falls back
 * to the repository default, which may be read-write.
 */
export const topLevelPermissions: WorkflowRule = {
  id: 'Slipway-GHA2',
  description: "Top-level permissions are declared and are either {} or { contents: 'read' }.",
  check(file) {
    const permissions = file.workflow.permissions as unknown;
    if (permissions === undefined || permissions === null) {
      return [
        {
          message: "there is no top-level permissions key, so the token gets the repository's default",
          fix: "add 'permissions: {}' (or 'contents: read') at the top level",
        },
      ];
    }
    if (typeof permissions !== 'object') {
      return [
        {
          message: `top-level permissions is '${String(permissions)}'`,
          fix: "use 'permissions: {}' or 'permissions: { contents: read }'",
        },
      ];
    }
    const granted = Object.entries(permissions as Record<string, string>).filter(
      ([scope, level]) => !(scope === 'contents' && level === 'read') && level !== 'none',
    );
    return granted.map(([scope, level]) => ({
      message: `top-level permissions grant ${scope}: ${level}`,
      fix: `grant ${scope} only in the job that needs it`,
    }));
  },
};
