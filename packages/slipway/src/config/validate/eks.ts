/**
 * EKS: an `eks` block only where the runtime is EKS, a version in standard support, an API
 * endpoint never open to the world, role ARNs without wildcards, node pools whose instance types
 * fit their architecture and sizes, and services that the pools and the runtime can run.
 */
import type { EksClusterModel, EksNodePoolModel } from '../../model/eks.js';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { parseCidr } from '../cidr.js';
import { EKS_ADDON_NAMES, EKS_ADDON_VERSION } from '../data/eks-addons.js';
import { KUBERNETES_VERSIONS } from '../data/kubernetes-versions.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import { didYouMean, listOf } from '../suggest.js';
import { describeEnvironment, servicePath, type Validator } from './context.js';
import { checkDatadog, checkDatadogSecretsSource, declaresEksDatadog } from './eks-datadog.js';
import { eksPath } from './eks-path.js';

const POOL_NAME = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** `<family>.<size>`, e.g. `t4g.medium`, `m7i-flex.large`. */
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** Graviton families carry a `g` right after the generation: t4g, m7g, c7gn, r8g, x2gd, im4gn. */
const GRAVITON_FAMILY = /^[a-z]+\d+g[a-z]*$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
/** A Kubernetes label key: an optional DNS prefix and a name of at most 63 characters. */
const LABEL_KEY =
  /^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/;
/** Managed node groups scale to at most this many nodes each. */
const MAX_POOL_SIZE = 1000;

export const validateEks: Validator = ({ config, model }) =>
  model.environments.flatMap((env) =>
    env.runtime === 'eks' && env.eks !== undefined
      ? checkCluster(config, model, env, env.eks)
      : checkNoCluster(config, env),
  );

function checkNoCluster(config: SlipwayConfig, env: EnvironmentModel): ConfigIssue[] {
  if (config.environments[env.name]?.eks === undefined) return [];
  return [
    issue(
      joinPath('environments', env.name, 'eks'),
      `an eks block is set but the ${describeEnvironment(env)} runs on ECS`,
      `set environments.${env.name}.runtime to 'eks', or remove the eks block`,
    ),
  ];
}

function checkCluster(
  config: SlipwayConfig,
  model: AppModel,
  env: EnvironmentModel,
  cluster: EksClusterModel,
): ConfigIssue[] {
  return [
    ...checkVersion(config, env, cluster),
    ...checkEndpoint(config, env, cluster),
    ...checkRoles(config, env, 'admins', cluster.admins),
    ...checkRoles(config, env, 'developers', cluster.developers ?? []),
    ...checkPools(config, env, cluster),
    ...checkServices(config, env, cluster),
    ...checkPlatform(config, env, cluster),
    ...checkAddons(config, env, cluster),
    ...checkEnvironment(config, model, env),
  ];
}

function checkVersion(config: SlipwayConfig, env: EnvironmentModel, cluster: EksClusterModel): ConfigIssue[] {
  const known = KUBERNETES_VERSIONS.map((v) => v.version);
  if (known.includes(cluster.version)) return [];
  return [
    issue(
      eksPath(config, env.name, 'version'),
      `Kubernetes ${cluster.version} is not a version EKS offers in standard support`,
      `use one of ${listOf(known)}; older versions cost $0.60 an hour in extended support instead of $0.10`,
    ),
  ];
}

function checkEndpoint(
  config: SlipwayConfig,
  env: EnvironmentModel,
  cluster: EksClusterModel,
): ConfigIssue[] {
  return cluster.publicEndpointCidrs.flatMap((cidr, i) => {
    const at = eksPath(config, env.name, 'publicEndpointCidrs', i);
    const parsed = parseCidr(cidr);
    if (!parsed.ok) return [issue(at, parsed.reason, "write an IPv4 block such as '203.0.113.0/24'")];
    if (parsed.cidr.prefix === 0) {
      return [
        issue(
          at,
          `'${cidr}' opens the Kubernetes API endpoint to the whole internet`,
          'list the networks admins and CI connect from, or leave publicEndpointCidrs empty for a private endpoint',
        ),
      ];
    }
    return [];
  });
}

function checkRoles(
  config: SlipwayConfig,
  env: EnvironmentModel,
  field: 'admins' | 'developers',
  arns: readonly string[],
): ConfigIssue[] {
  return arns.flatMap((arn, i) =>
    ROLE_ARN.test(arn) && !arn.includes('*')
      ? []
      : [
          issue(
            eksPath(config, env.name, field, i),
            `'${arn}' is not one IAM role ARN`,
            "give a role's full ARN without wildcards, e.g. 'arn:aws:iam::123456789012:role/platform-admin'",
          ),
        ],
  );
}

function checkPools(config: SlipwayConfig, env: EnvironmentModel, cluster: EksClusterModel): ConfigIssue[] {
  if (cluster.nodePools.length === 0) {
    return [
      issue(
        eksPath(config, env.name, 'nodePools'),
        'the cluster has no node pools, so no pod can run',
        "declare at least one pool, e.g. nodePools: { workload: { instanceTypes: ['t4g.medium'] } }",
      ),
    ];
  }
  return cluster.nodePools.flatMap((pool) => checkPool(config, env, pool));
}

function checkPool(config: SlipwayConfig, env: EnvironmentModel, pool: EksNodePoolModel): ConfigIssue[] {
  const at = (...field: (string | number)[]) => eksPath(config, env.name, 'nodePools', pool.name, ...field);
  const issues: ConfigIssue[] = [];
  if (!POOL_NAME.test(pool.name)) {
    issues.push(
      issue(
        at(),
        `'${pool.name}' is not a usable node pool name`,
        "use lower-case letters, digits and hyphens, starting with a letter, e.g. 'workload'",
      ),
    );
  }
  if (pool.instanceTypes.length === 0) {
    issues.push(
      issue(at('instanceTypes'), 'no instance types are listed', "list at least one, e.g. ['t4g.medium']"),
    );
  }
  pool.instanceTypes.forEach((type, i) => {
    if (!INSTANCE_TYPE.test(type)) {
      issues.push(
        issue(
          at('instanceTypes', i),
          `'${type}' is not an EC2 instance type`,
          "write it as EC2 does, e.g. 't4g.medium'",
        ),
      );
      return;
    }
    const graviton = GRAVITON_FAMILY.test(type.split('.')[0]!);
    if (graviton !== (pool.architecture === 'arm64')) {
      issues.push(
        issue(
          at('instanceTypes', i),
          `'${type}' is ${graviton ? 'an arm64 (Graviton)' : 'an x86_64'} type but the pool's architecture is ${pool.architecture}`,
          `set the pool's architecture to '${graviton ? 'arm64' : 'x86_64'}', or pick a ${pool.architecture === 'arm64' ? 'Graviton type such as t4g.medium' : 'type such as t3.medium'}`,
        ),
      );
    }
  });
  if (pool.minSize < 0 || pool.maxSize < 1 || pool.maxSize > MAX_POOL_SIZE) {
    issues.push(
      issue(
        at('maxSize'),
        `sizes ${pool.minSize}..${pool.maxSize} are outside what a managed node group allows`,
        `use minSize 0 or more and maxSize 1 to ${MAX_POOL_SIZE}`,
      ),
    );
  } else if (pool.minSize > pool.desiredSize || pool.desiredSize > pool.maxSize) {
    issues.push(
      issue(
        at('desiredSize'),
        `desiredSize ${pool.desiredSize} is not between minSize ${pool.minSize} and maxSize ${pool.maxSize}`,
        'make minSize ≤ desiredSize ≤ maxSize',
      ),
    );
  }
  for (const [key, value] of Object.entries(pool.labels)) {
    if (!LABEL_KEY.test(key) || !LABEL_VALUE.test(value)) {
      issues.push(
        issue(
          at('labels', key),
          `'${key}: ${value}' is not a valid Kubernetes label`,
          'use a key like example.com/name and a value of at most 63 letters, digits, dots, dashes or underscores',
        ),
      );
    }
  }
  pool.taints.forEach((taint, i) => {
    if (!LABEL_KEY.test(taint.key) || !LABEL_VALUE.test(taint.value)) {
      issues.push(
        issue(
          at('taints', i),
          `'${taint.key}=${taint.value}' is not a valid taint`,
          'use a label-style key and value',
        ),
      );
    }
  });
  return issues;
}

/** Karpenter needs a managed `system` pool to run on; Datadog needs its keys (eks-datadog.ts). */
function checkPlatform(
  config: SlipwayConfig,
  env: EnvironmentModel,
  cluster: EksClusterModel,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (cluster.nodes === 'karpenter' && !cluster.nodePools.some((pool) => pool.name === 'system')) {
    issues.push(
      issue(
        eksPath(config, env.name, 'nodes'),
        "Karpenter runs on the 'system' node pool, which stays a managed node group, but the cluster has none",
        "add a 'system' pool (e.g. nodePools: { system: {}, ... }) or set nodes to 'managed'",
      ),
    );
  }
  if (cluster.nodes === 'auto') issues.push(...checkAutoMode(config, env, cluster));
  if (cluster.datadog !== undefined) {
    // Settings taken from observability.datadog are checked there, at the fields that were written.
    issues.push(
      ...(declaresEksDatadog(config, env.name)
        ? checkDatadog(config, env, cluster, cluster.datadog)
        : checkDatadogSecretsSource(config, env, cluster)),
    );
  }
  const admins = new Set(cluster.admins);
  (cluster.developers ?? []).forEach((arn, i) => {
    if (admins.has(arn)) {
      issues.push(
        issue(
          eksPath(config, env.name, 'developers', i),
          `'${arn}' is also an admin; one role has one access entry`,
          'list the role under admins or developers, not both',
        ),
      );
    }
  });
  return issues;
}

/** Add-ons Auto Mode runs itself; pinning one would install a second copy. */
const AUTO_MODE_ADDONS = ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent'];
/** Sizes Auto Mode does not launch. */
const AUTO_MODE_TOO_SMALL = /\.(nano|micro|small)$/;

function checkAutoMode(
  config: SlipwayConfig,
  env: EnvironmentModel,
  cluster: EksClusterModel,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const addon of cluster.addons ?? []) {
    if (AUTO_MODE_ADDONS.includes(addon.name)) {
      issues.push(
        issue(
          eksPath(config, env.name, 'addons', addon.name),
          `EKS Auto Mode runs ${addon.name} itself`,
          `remove ${addon.name} from addons, or set nodes to 'managed'`,
        ),
      );
    }
  }
  for (const pool of cluster.nodePools) {
    pool.instanceTypes.forEach((type, i) => {
      if (AUTO_MODE_TOO_SMALL.test(type)) {
        issues.push(
          issue(
            eksPath(config, env.name, 'nodePools', pool.name, 'instanceTypes', i),
            `EKS Auto Mode does not launch ${type}: nano, micro and small sizes are too small for its node agents`,
            "use medium or larger, e.g. 't4g.medium'",
          ),
        );
      }
    });
    for (const key of Object.keys(pool.labels).filter((k) => k.startsWith('eks.amazonaws.com/'))) {
      issues.push(
        issue(
          eksPath(config, env.name, 'nodePools', pool.name, 'labels', key),
          `EKS Auto Mode refuses node pools with labels under eks.amazonaws.com/`,
          'use a label of your own domain',
        ),
      );
    }
  }
  return issues;
}

function checkAddons(config: SlipwayConfig, env: EnvironmentModel, cluster: EksClusterModel): ConfigIssue[] {
  return (cluster.addons ?? []).flatMap((addon) => {
    const at = eksPath(config, env.name, 'addons', addon.name);
    if (!EKS_ADDON_NAMES.includes(addon.name)) {
      return [
        issue(
          at,
          `'${addon.name}' is not an EKS add-on${didYouMean(addon.name, EKS_ADDON_NAMES)}`,
          `use an add-on name EKS offers, e.g. ${listOf(EKS_ADDON_NAMES.slice(0, 4))}; install other software as a platform app`,
        ),
      ];
    }
    if (!EKS_ADDON_VERSION.test(addon.version)) {
      return [
        issue(
          at,
          `'${addon.version}' is not an EKS add-on version`,
          "write it as EKS lists it (aws eks describe-addon-versions), e.g. 'v1.20.4-eksbuild.1'",
        ),
      ];
    }
    return [];
  });
}

/** Every service must fit some pool, and use only what the EKS runtime offers. */
function checkServices(
  config: SlipwayConfig,
  env: EnvironmentModel,
  cluster: EksClusterModel,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const service of env.services) {
    const fitting = cluster.nodePools.filter((pool) => pool.architecture === service.architecture);
    if (fitting.length === 0) {
      issues.push(
        issue(
          servicePath(config, env.name, service.name, 'architecture'),
          `${service.name} needs ${service.architecture} nodes but no node pool of ${env.name}'s cluster has them`,
          `add a ${service.architecture} node pool, or build the image for ${cluster.nodePools[0]?.architecture ?? 'the pools'}`,
        ),
      );
    } else if (service.capacity === 'on-demand' && !fitting.some((pool) => pool.capacity === 'on-demand')) {
      issues.push(
        issue(
          servicePath(config, env.name, service.name, 'capacity'),
          `${service.name} asks for on-demand capacity but ${env.name}'s ${service.architecture} node pools are all Spot`,
          "set the service's capacity to 'spot', or add an on-demand node pool",
        ),
      );
    }
    const scales = service.maxCount > service.minCount;
    if (scales && service.scaling.cpuPercent === undefined && service.scaling.memoryPercent === undefined) {
      issues.push(
        issue(
          servicePath(config, env.name, service.name, 'scaling'),
          `${service.name} scales between ${service.minCount} and ${service.maxCount} on requests per target alone, which a Kubernetes autoscaler cannot read without a metrics adapter`,
          'add scaling.cpuPercent (e.g. 60) or memoryPercent beside requestsPerTarget, or set maxCount equal to minCount',
        ),
      );
    }
    if (service.deployment.strategy !== 'rolling') {
      issues.push(
        issue(
          servicePath(config, env.name, service.name, 'deployment', 'strategy'),
          `'${service.deployment.strategy}' is an ECS deployment strategy; on EKS a Deployment rolls its pods`,
          "remove the deployment block or set strategy: 'rolling' for environments on EKS",
        ),
      );
    }
  }
  return issues;
}

/** What an EKS environment needs around it: a NAT for its private nodes, GitHub Actions delivery. */
function checkEnvironment(config: SlipwayConfig, model: AppModel, env: EnvironmentModel): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (env.network.natGateways === 0) {
    issues.push(
      issue(
        joinPath('environments', env.name, 'network', 'natGateways'),
        "an EKS cluster's nodes live in private subnets and pull images through a NAT gateway, but this sets none",
        'set natGateways to 1 or more (or leave it out: EKS environments default to 1)',
      ),
    );
  }
  if (config.delivery?.pipeline === 'codepipeline') {
    issues.push(
      issue(
        'delivery.pipeline',
        `CodePipeline's deploy action rolls out ECS services, but the ${describeEnvironment(env)} runs on EKS`,
        "set delivery.pipeline to 'github-actions': on EKS the workflows commit image tags to the GitOps folder",
      ),
    );
  }
  // Default previews of an EKS environment resolve to none; a preview left here was asked for.
  if (model.delivery?.preview?.environment === env.name) {
    issues.push(
      issue(
        'delivery.previewBranches',
        `previews are copies of an ECS environment, but '${env.name}' runs on EKS`,
        'set delivery.previewBranches to [] or point delivery.previewEnvironment at an ECS environment',
      ),
    );
  }
  return issues;
}
