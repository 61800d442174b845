/**
 * Who a service's container runs as and where it may write. Root inside a container is one kernel
 * bug away from root on the host, and AWS Control Tower's proactive controls refuse it; a path the
 * app writes to becomes its own task-storage volume, so it must name one real directory.
 */
import { type ConfigIssue, issue } from '../errors.js';
import { eachService, servicePath, type Validator } from './context.js';

/** `user`, `uid`, `user:group` or `uid:gid`, as Docker and ECS read the container's User. */
const USER_FORMAT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;

export const validateContainers: Validator = ({ config, model }) =>
  eachService(model, (env, service) => {
    const path = (...field: string[]) => servicePath(config, env.name, service.name, ...field);
    const issues: ConfigIssue[] = [];
    const { user } = service;
    if (!USER_FORMAT.test(user)) {
      issues.push(
        issue(
          path('user'),
          `'${user}' is not a user ECS can run a container as`,
          "use a uid ('1000'), uid:gid ('1000:1000') or a user name the image defines ('node')",
        ),
      );
    } else if (isRoot(user)) {
      issues.push(
        issue(
          path('user'),
          `'${user}' runs service '${service.name}' as root, so a process that escapes the app owns the whole container`,
          "use an unprivileged user the image defines, e.g. '1000' (the official Node images' node user), or remove user for that default",
        ),
      );
    }
    const seen = new Set<string>();
    for (const writable of service.writablePaths) {
      const problem = pathProblem(writable);
      if (problem) {
        issues.push(
          issue(
            path('writablePaths'),
            `'${writable}' ${problem}`,
            "list absolute directories such as '/tmp'",
          ),
        );
      } else if (seen.has(writable)) {
        issues.push(issue(path('writablePaths'), `'${writable}' is listed twice`, 'list each path once'));
      }
      seen.add(writable);
    }
    return issues;
  });

/** The user part is uid 0 or `root`, whatever the group. */
function isRoot(user: string): boolean {
  const name = user.split(':')[0]!;
  return name === 'root' || /^0+$/.test(name);
}

function pathProblem(writable: string): string | undefined {
  if (!writable.startsWith('/')) return 'is not an absolute path';
  if (writable === '/' || /^\/+$/.test(writable))
    return 'is the root itself, which would make the whole filesystem writable';
  if (/\s/.test(writable)) return 'contains whitespace';
  const segments = writable.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    return "is not a plain path (no empty, '.' or '..' parts, no trailing '/')";
  }
  return undefined;
}
