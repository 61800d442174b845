/**
 * How traffic reaches services: container ports, health paths, and the path rules on the shared
 * load balancer. Paths are declared once per service, so they are checked once, where written.
 */
import { parseCidr } from '../cidr.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { ServiceConfig } from '../schema.js';
import { eachService, servicePath, type Validator } from './context.js';

/** ALB path patterns: up to 128 characters of these, with `*` and `?` as wildcards. */
const PATH_PATTERN = /^\/[A-Za-z0-9_\-.$/~"'@:+&*?]{0,127}$/;
/** A listener rule evaluates at most five values across its conditions. */
const MAX_PATHS = 5;

export const validateRouting: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const owners = new Map<string, string>();
  for (const [name, service] of Object.entries(config.services ?? {})) {
    const path = (...rest: (string | number)[]) => joinPath('services', name, ...rest);
    issues.push(...checkPort(path('port'), service.port));
    issues.push(...checkHealthPath(path('healthPath'), service.healthPath));
    if (service.public === false) {
      issues.push(...internalOnly(name, service, path));
      continue;
    }
    const paths = service.paths ?? ['/*'];
    if (paths.length === 0 || paths.length > MAX_PATHS) {
      issues.push(
        issue(
          path('paths'),
          `lists ${paths.length} path patterns; a public service needs 1–${MAX_PATHS}`,
          paths.length === 0
            ? "route at least one path, e.g. ['/*'], or set public: false"
            : 'combine patterns with wildcards',
        ),
      );
    }
    paths.forEach((pattern, index) => {
      if (!PATH_PATTERN.test(pattern)) {
        issues.push(
          issue(
            path('paths', index),
            `'${pattern}' is not a load balancer path pattern`,
            "start with '/' and use up to 128 URL characters, with * and ? as wildcards, e.g. '/api/*'",
          ),
        );
        return;
      }
      const owner = owners.get(pattern);
      if (owner !== undefined) {
        issues.push(
          issue(
            path('paths', index),
            `'${pattern}' is already routed to public service '${owner}'; the load balancer cannot send one path to two services`,
            `give '${name}' its own path, e.g. '/${name}/*'`,
          ),
        );
      } else {
        owners.set(pattern, name);
      }
    });
  }
  issues.push(
    ...eachService(model, (env, service) =>
      service.allowedCidrs.flatMap((cidr, index) => {
        const parsed = parseCidr(cidr);
        if (parsed.ok) return [];
        return [
          issue(
            `${servicePath(config, env.name, service.name, 'allowedCidrs')}[${index}]`,
            parsed.reason,
            "write the allowed network as a CIDR block, e.g. '203.0.113.0/24'",
          ),
        ];
      }),
    ),
  );
  return issues;
};

function checkPort(path: string, port: number): ConfigIssue[] {
  if (port >= 1 && port <= 65535) return [];
  return [
    issue(path, `${port} is not a TCP port`, 'use the port the container listens on, 1–65535, e.g. 8080'),
  ];
}

function checkHealthPath(path: string, healthPath: string | undefined): ConfigIssue[] {
  if (healthPath === undefined || /^\/\S{0,1023}$/.test(healthPath)) return [];
  return [
    issue(path, `'${healthPath}' is not a URL path`, "start with '/' and use no spaces, e.g. '/healthz'"),
  ];
}

/** Settings that only mean something behind the load balancer. */
function internalOnly(
  name: string,
  service: ServiceConfig,
  path: (...rest: string[]) => string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (service.paths !== undefined) {
    issues.push(
      issue(
        path('paths'),
        `service '${name}' is not public, so no load balancer routes paths to it`,
        'remove paths, or set public: true',
      ),
    );
  }
  if (service.allowedCidrs !== undefined) {
    issues.push(
      issue(
        path('allowedCidrs'),
        `service '${name}' is not public; only other services in the VPC can reach it`,
        'remove allowedCidrs, or set public: true',
      ),
    );
  }
  return issues;
}
