/**
 * Edges: CloudFront goes in front of an ECS environment's public services; its certificate is in
 * us-east-1, its cached paths are patterns CloudFront accepts, and its WAF has at least one rule.
 */
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { EdgeConfig, SlipwayConfig } from '../schema.js';
import { listOf } from '../suggest.js';
import type { Validator } from './context.js';

/** `arn:<partition>:acm:us-east-1:<account>:certificate/<id>`: CloudFront reads certificates there only. */
const EDGE_CERTIFICATE = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/;
const HOST_NAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** CloudFront path patterns: up to 255 characters of these, with `*` and `?` as wildcards. */
const PATH_PATTERN = /^[A-Za-z0-9_\-.*$/~"'@:+?&=!]{1,255}$/;
/** CloudFront's quota of cache behaviours per distribution, less the default one. */
const MAX_CACHED_PATHS = 24;
const MAX_TTL_SECONDS = 31_536_000;
const RATE_LIMIT = { min: 10, max: 2_000_000_000 };

export const validateEdges: Validator = ({ config, model }) =>
  Object.entries(config.environments).flatMap(([name, environment]) => {
    const edge = environment.edge;
    if (edge === undefined || !edge.cloudfront) return [];
    const env = model.environments.find((e) => e.name === name);
    if (env === undefined) return [];
    const path = joinPath('environments', name, 'edge');
    return [
      ...checkPlacement(config, model, env, path),
      ...checkDomain(edge, path),
      ...checkCache(edge, path),
      ...checkWaf(edge, path),
    ];
  });

function checkPlacement(
  config: SlipwayConfig,
  model: AppModel,
  env: EnvironmentModel,
  path: string,
): ConfigIssue[] {
  if (env.runtime === 'eks') {
    return [
      issue(
        path,
        `${env.name} runs on EKS, where the load balancer belongs to the cluster's ingress and CloudFront cannot be put in front of it yet`,
        `remove environments.${env.name}.edge, or run ${env.name} on ECS`,
      ),
    ];
  }
  const issues: ConfigIssue[] = [];
  if (!env.services.some((service) => service.public)) {
    issues.push(
      issue(
        path,
        `${env.name} has no public service, so CloudFront would have nothing to serve`,
        `remove environments.${env.name}.edge, or make a service public (leave its 'public' unset)`,
      ),
    );
  }
  if (config.environments[env.name]?.domain !== undefined) {
    issues.push(
      issue(
        joinPath('environments', env.name, 'domain'),
        "names the load balancer's public HTTPS listener, which the edge replaces: behind CloudFront the load balancer is internal",
        `move the name to environments.${env.name}.edge.domain, with a certificate in us-east-1`,
      ),
    );
  }
  // A preview listens on its own port of the environment's load balancer, out of reach once it is internal.
  if (model.delivery?.preview?.environment === env.name) {
    issues.push(
      issue(
        path,
        `previews copy ${env.name}, and a preview is reached on its own port of ${env.name}'s load balancer, which is internal behind the edge`,
        `set delivery.previewEnvironment to an environment without an edge, or turn previews off with delivery.previewBranches: []`,
      ),
    );
  }
  return issues;
}

function checkDomain(edge: EdgeConfig, path: string): ConfigIssue[] {
  if (edge.domain === undefined) return [];
  const issues: ConfigIssue[] = [];
  if (!HOST_NAME.test(edge.domain.name)) {
    issues.push(
      issue(
        joinPath(path, 'domain', 'name'),
        `'${edge.domain.name}' is not a host name`,
        "use a lower-case DNS name such as 'shop.example.com'",
      ),
    );
  }
  if (!EDGE_CERTIFICATE.test(edge.domain.certificateArn)) {
    const region = /^arn:[^:]+:acm:([^:]+):/.exec(edge.domain.certificateArn)?.[1];
    issues.push(
      issue(
        joinPath(path, 'domain', 'certificateArn'),
        region !== undefined && region !== 'us-east-1'
          ? `the certificate is in ${region}, but CloudFront only uses ACM certificates from us-east-1`
          : `'${edge.domain.certificateArn}' is not an ACM certificate ARN`,
        'request (or import) a certificate for the name in us-east-1 and use its ARN, arn:aws:acm:us-east-1:<account>:certificate/<id>',
      ),
    );
  }
  return issues;
}

function checkCache(edge: EdgeConfig, path: string): ConfigIssue[] {
  const entries = Object.entries(edge.cache ?? {});
  const issues: ConfigIssue[] = [];
  if (entries.length > MAX_CACHED_PATHS) {
    issues.push(
      issue(
        joinPath(path, 'cache'),
        `${entries.length} cached paths are more than CloudFront's ${MAX_CACHED_PATHS} cache behaviours beside the default`,
        'merge patterns (e.g. /static/* for every file under /static/)',
      ),
    );
  }
  for (const [pattern, ttl] of entries) {
    const at = joinPath(path, 'cache', pattern);
    if (!PATH_PATTERN.test(pattern) || pattern === '*' || pattern === '/*') {
      issues.push(
        issue(
          at,
          pattern === '*' || pattern === '/*'
            ? 'caches every path, including the APIs behind the edge, whose answers differ per user'
            : `'${pattern}' is not a CloudFront path pattern`,
          "use a pattern for the static part only, such as '/static/*' or '*.css'",
        ),
      );
    }
    if (ttl < 0 || ttl > MAX_TTL_SECONDS) {
      issues.push(
        issue(
          at,
          `${ttl} seconds is outside 0–${MAX_TTL_SECONDS}`,
          'use a time to live between 0 and a year',
        ),
      );
    }
  }
  return issues;
}

function checkWaf(edge: EdgeConfig, path: string): ConfigIssue[] {
  if (edge.waf === undefined || typeof edge.waf === 'boolean') return [];
  const waf = edge.waf;
  const issues: ConfigIssue[] = [];
  const rules = waf.managedRules ?? [];
  const repeated = rules.filter((rule, index) => rules.indexOf(rule) !== index);
  if (repeated.length > 0) {
    issues.push(
      issue(
        joinPath(path, 'waf', 'managedRules'),
        `${listOf([...new Set(repeated)])} ${repeated.length === 1 ? 'is' : 'are'} listed twice`,
        'list each rule group once',
      ),
    );
  }
  const rate = waf.rateLimit;
  if (rate !== undefined && rate !== 0 && (rate < RATE_LIMIT.min || rate > RATE_LIMIT.max)) {
    issues.push(
      issue(
        joinPath(path, 'waf', 'rateLimit'),
        `${rate} requests per 5 minutes is outside what AWS WAF accepts (${RATE_LIMIT.min}–${RATE_LIMIT.max.toLocaleString('en-US')})`,
        'use a limit in that range, or 0 for no rate rule',
      ),
    );
  }
  if (waf.managedRules !== undefined && waf.managedRules.length === 0 && rate === 0) {
    issues.push(
      issue(
        joinPath(path, 'waf'),
        'a web ACL with no managed rules and no rate rule would cost $5 a month and block nothing',
        `name managed rules, set a rateLimit, or remove waf`,
      ),
    );
  }
  return issues;
}
