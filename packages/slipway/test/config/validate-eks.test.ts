import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, validConfig } from './fixtures.js';

/** The valid fixture with every environment on EKS. */
function onEks(): SlipwayConfig {
  return { ...validConfig(), runtime: 'eks' };
}

const envOf = (config: SlipwayConfig, name: string) => {
  const env = resolveConfig(config).environments.find((e) => e.name === name);
  if (env === undefined) throw new Error(`no environment ${name}`);
  return env;
};

describe('the EKS runtime in config', () => {
  it('leaves environments on ECS unless asked, with no cluster', () => {
    const dev = envOf(validConfig(), 'dev');
    expect(dev.runtime).toBe('ecs');
    expect(dev.eks).toBeUndefined();
    expect(dev.stackNames.runtime).toBe('shop-dev-runtime');
    expect(dev.stackNames.services).toEqual({ web: 'shop-dev-web' });
  });

  it('resolves the defaults: a standard-support version, a system pool on demand and a workload pool on the stage capacity', () => {
    const dev = envOf(onEks(), 'dev');
    expect(dev.runtime).toBe('eks');
    expect(dev.stackNames.runtime).toBe('shop-dev-cluster');
    expect(dev.stackNames.services).toEqual({});
    expect(dev.network.natGateways).toBe(1);
    expect(dev.eks).toMatchObject({
      version: '1.35',
      publicEndpointCidrs: [],
      admins: [],
      gitopsPath: 'gitops',
    });
    expect(dev.eks?.nodePools).toEqual([
      expect.objectContaining({
        name: 'system',
        capacity: 'on-demand',
        instanceTypes: ['t4g.medium'],
        minSize: 1,
        desiredSize: 1,
        maxSize: 2,
      }),
      expect.objectContaining({ name: 'workload', capacity: 'spot', minSize: 1, maxSize: 4 }),
    ]);
    expect(dev.eks?.nodePools[1]?.instanceTypes.length).toBeGreaterThan(1);
    expect(dev.eks?.nodePools[0]?.labels).toEqual({ 'slipway.dev/pool': 'system' });

    const prod = envOf(onEks(), 'prod');
    expect(prod.eks?.nodePools).toEqual([
      expect.objectContaining({ name: 'system', capacity: 'on-demand', minSize: 2, maxSize: 3 }),
      expect.objectContaining({
        name: 'workload',
        capacity: 'on-demand',
        instanceTypes: ['m7g.large'],
        minSize: 2,
        maxSize: 6,
      }),
    ]);
    // ECS's canary is not an EKS strategy: production services roll.
    expect(prod.services[0]?.deployment).toEqual({ strategy: 'rolling' });
  });

  it('lets one environment run EKS while the other stays on ECS', () => {
    const config = validConfig();
    config.environments.dev!.runtime = 'eks';
    expect(envOf(config, 'dev').runtime).toBe('eks');
    expect(envOf(config, 'prod').runtime).toBe('ecs');
    expect(envOf(config, 'prod').services[0]?.deployment.strategy).toBe('canary');
  });

  it("merges an environment's pool fields into the app's pools and keeps the rest", () => {
    const config = onEks();
    config.eks = { nodePools: { general: { instanceTypes: ['m7g.large'], maxSize: 5 } } };
    config.environments.prod!.eks = { nodePools: { general: { maxSize: 9 }, batch: { capacity: 'spot' } } };
    const prod = envOf(config, 'prod');
    expect(prod.eks?.nodePools.map((p) => p.name)).toEqual(['general', 'batch']);
    expect(prod.eks?.nodePools[0]).toMatchObject({ instanceTypes: ['m7g.large'], maxSize: 9 });
    expect(envOf(config, 'dev').eks?.nodePools.map((p) => p.name)).toEqual(['general']);
  });

  it('rejects an eks block on an environment that runs on ECS', () => {
    const config = validConfig();
    config.environments.dev!.eks = { version: '1.35' };
    expectIssue(config, 'environments.dev.eks', { message: ['runs on ECS'], fix: ["runtime to 'eks'"] });
  });

  it('rejects a version out of standard support, naming the ones offered', () => {
    const config = onEks();
    config.eks = { version: '1.29' };
    expectIssue(config, 'eks.version', { message: ['not a version EKS offers'], fix: ["'1.35'", '$0.60'] });
  });

  it('rejects an API endpoint open to the world and a malformed CIDR', () => {
    const config = onEks();
    config.environments.prod!.eks = { publicEndpointCidrs: ['0.0.0.0/0', '10.0.0.1/8'] };
    expectIssue(config, 'environments.prod.eks.publicEndpointCidrs[0]', {
      message: ['whole internet'],
      fix: ['leave publicEndpointCidrs empty'],
    });
    expectIssue(config, 'environments.prod.eks.publicEndpointCidrs[1]', {
      message: ['host bits'],
      fix: ['IPv4 block'],
    });
  });

  it('rejects role ARNs with wildcards or of users', () => {
    const config = onEks();
    config.eks = {
      admins: ['arn:aws:iam::111111111111:role/*'],
      developers: ['arn:aws:iam::111111111111:user/alice'],
    };
    expectIssue(config, 'eks.admins[0]', { message: ['not one IAM role ARN'], fix: ['without wildcards'] });
    expectIssue(config, 'eks.developers[0]', { message: ['not one IAM role ARN'], fix: ["role's full ARN"] });
  });

  it('rejects an instance type of the other architecture, naming the fix', () => {
    const config = onEks();
    config.eks = { nodePools: { general: { instanceTypes: ['m7i.large'] } } };
    expectIssue(config, 'eks.nodePools.general.instanceTypes[0]', {
      message: ["'m7i.large' is an x86_64 type", 'architecture is arm64'],
      fix: ["'x86_64'"],
    });
  });

  it('rejects sizes out of order and pools a service cannot run on', () => {
    const config = onEks();
    config.eks = {
      nodePools: {
        general: {
          minSize: 3,
          desiredSize: 2,
          maxSize: 4,
          architecture: 'x86_64',
          instanceTypes: ['t3.medium'],
        },
      },
    };
    expectIssue(config, 'eks.nodePools.general.desiredSize', {
      message: ['not between minSize 3 and maxSize 4'],
      fix: ['minSize ≤ desiredSize ≤ maxSize'],
    });
    expectIssue(config, 'services.web.architecture', {
      message: ['needs arm64 nodes'],
      fix: ['add a arm64 node pool'],
    });
  });

  it('rejects an on-demand service when every fitting pool is Spot', () => {
    const config = onEks();
    config.eks = { nodePools: { general: { capacity: 'spot' } } };
    config.services!.web!.capacity = 'on-demand';
    expectIssue(config, 'services.web.capacity', { message: ['all Spot'], fix: ["capacity to 'spot'"] });
  });

  it('rejects ECS deployment strategies, no NAT, CodePipeline and previews of an EKS environment', () => {
    const config = onEks();
    config.services!.web!.deployment = { strategy: 'canary', canaryPercent: 10, bakeMinutes: 5 };
    config.environments.dev!.network = { natGateways: 0 };
    config.delivery = { pipeline: 'codepipeline', previewBranches: ['feat/*'] };
    expectIssue(config, 'services.web.deployment.strategy', {
      message: ['ECS deployment strategy'],
      fix: ["strategy: 'rolling'"],
    });
    expectIssue(config, 'environments.dev.network.natGateways', {
      message: ['NAT gateway'],
      fix: ['natGateways to 1'],
    });
    expectIssue(config, 'delivery.pipeline', {
      message: ['rolls out ECS services'],
      fix: ["'github-actions'"],
    });
    expectIssue(config, 'delivery.previewBranches', {
      message: ["'dev' runs on EKS"],
      fix: ['previewBranches to []'],
    });
  });

  it('turns default previews off for an EKS preview environment instead of failing', () => {
    expect(resolveConfig(onEks()).delivery?.preview).toBeUndefined();
  });

  it('rejects a bad label and taint and an unknown runtime', () => {
    const config = onEks();
    config.eks = {
      nodePools: {
        general: {
          labels: { 'bad key!': 'x' },
          taints: [{ key: 'spot', value: 'yes please', effect: 'NoSchedule' }],
        },
      },
    };
    expectIssue(config, 'eks.nodePools.general.labels.bad key!', {
      message: ['not a valid Kubernetes label'],
      fix: ['example.com/name'],
    });
    expectIssue(config, 'eks.nodePools.general.taints[0]', {
      message: ['not a valid taint'],
      fix: ['label-style'],
    });
    const unknown = { ...validConfig(), runtime: 'lambda' } as unknown as SlipwayConfig;
    expectIssue(unknown, 'runtime', { message: ["'lambda' is not allowed"], fix: ['ecs', 'eks'] });
  });

  it('resolves Karpenter and Datadog, and rejects them without what they need', () => {
    const config = onEks();
    config.secrets = { ...config.secrets, datadogKey: { secretsManager: 'shop/datadog' } };
    config.eks = { nodes: 'karpenter', datadog: { apiKeySecret: 'datadogKey' } };
    expect(envOf(config, 'dev').eks).toMatchObject({
      nodes: 'karpenter',
      datadog: { site: 'datadoghq.com', apiKeySecret: 'datadogKey' },
    });

    const broken = onEks();
    broken.eks = {
      nodes: 'karpenter',
      nodePools: { general: {} },
      datadog: { apiKeySecret: 'ddKey' },
      admins: ['arn:aws:iam::111111111111:role/ops'],
      developers: ['arn:aws:iam::111111111111:role/ops'],
    };
    expectIssue(broken, 'eks.nodes', { message: ["'system' node pool"], fix: ["add a 'system' pool"] });
    expectIssue(broken, 'eks.datadog.apiKeySecret', {
      message: ["no secret named 'ddKey'"],
      fix: ["'stripeKey'"],
    });
    expectIssue(broken, 'eks.developers[0]', { message: ['also an admin'], fix: ['not both'] });
  });

  it('merges Datadog per field, and turns monitors on with an application key only', () => {
    const config = onEks();
    config.secrets = {
      ...config.secrets,
      ddApi: { secretsManager: 'shop/datadog-api' },
      ddApp: { secretsManager: 'shop/datadog-app' },
    };
    config.eks = { datadog: { apiKeySecret: 'ddApi', appKeySecret: 'ddApp', notify: ['@slack-shop'] } };
    config.environments.prod!.eks = { datadog: { site: 'datadoghq.eu', notify: ['@pagerduty-shop'] } };
    expect(envOf(config, 'dev').eks?.datadog).toEqual({
      site: 'datadoghq.com',
      apiKeySecret: 'ddApi',
      monitors: { appKeySecret: 'ddApp', notify: ['@slack-shop'] },
    });
    expect(envOf(config, 'prod').eks?.datadog).toEqual({
      site: 'datadoghq.eu',
      apiKeySecret: 'ddApi',
      monitors: { appKeySecret: 'ddApp', notify: ['@pagerduty-shop'] },
    });
    const agentOnly = onEks();
    agentOnly.secrets = { ...agentOnly.secrets, ddApi: { secretsManager: 'shop/datadog-api' } };
    agentOnly.eks = { datadog: { apiKeySecret: 'ddApi' } };
    expect(envOf(agentOnly, 'prod').eks?.datadog?.monitors).toBeUndefined();
  });

  it('rejects Datadog monitors that cannot run or would wake no one in production', () => {
    const config = onEks();
    config.secrets = { ...config.secrets, ddApi: { secretsManager: 'shop/datadog-api' } };
    config.eks = { datadog: { apiKeySecret: 'ddApi', appKeySecret: 'ddApp', site: 'datadoghq.e' } };
    config.environments.dev!.eks = { datadog: { notify: ['slack-shop', '@pagerduty-shop'] } };
    expectIssue(config, 'eks.datadog.appKeySecret', {
      message: ["no secret named 'ddApp'"],
      fix: ["'ddApi'"],
    });
    expectIssue(config, 'eks.datadog.site', {
      message: ["'datadoghq.e' is not a Datadog site", "did you mean 'datadoghq.eu'"],
      fix: ["'us5.datadoghq.com'"],
    });
    expectIssue(config, 'environments.dev.eks.datadog.notify[0]', {
      message: ["'slack-shop' is not a Datadog notification handle"],
      fix: ['@slack-ops-alerts'],
    });
    expectIssue(config, 'eks.datadog.notify', {
      message: ['prod is production', 'notify no one'],
      fix: ['@pagerduty-'],
    });

    const noKey = onEks();
    noKey.eks = { datadog: { notify: ['@slack-shop'] } };
    expectIssue(noKey, 'eks.datadog.apiKeySecret', {
      message: ['missing'],
      fix: ["apiKeySecret: 'datadog-api-key'"],
    });
    expectIssue(noKey, 'eks.datadog.notify', {
      message: ['no monitors to notify from'],
      fix: ['appKeySecret'],
    });
  });

  it('pins add-on versions per environment, and rejects unknown add-ons and malformed versions', () => {
    const config = onEks();
    config.eks = { addons: { 'vpc-cni': 'v1.20.4-eksbuild.1', 'metrics-server': 'v0.8.0-eksbuild.1' } };
    config.environments.prod!.eks = { addons: { 'vpc-cni': 'v1.20.5-eksbuild.2' } };
    expect(envOf(config, 'prod').eks?.addons).toEqual([
      { name: 'vpc-cni', version: 'v1.20.5-eksbuild.2' },
      { name: 'metrics-server', version: 'v0.8.0-eksbuild.1' },
    ]);
    const broken = onEks();
    broken.eks = { addons: { 'vpc-cnii': 'v1.20.4-eksbuild.1', coredns: 'latest' } };
    expectIssue(broken, 'eks.addons.vpc-cnii', {
      message: ["did you mean 'vpc-cni'"],
      fix: ['platform app'],
    });
    expectIssue(broken, 'eks.addons.coredns', {
      message: ["'latest' is not an EKS add-on version"],
      fix: ['eksbuild'],
    });
  });

  it('refuses what EKS Auto Mode and the CSI driver cannot do', () => {
    const config = onEks();
    config.secrets = { ...config.secrets, datadogKey: { secretsManager: 'shop/datadog' } };
    config.eks = {
      nodes: 'auto',
      secrets: 'secrets-store-csi',
      datadog: { apiKeySecret: 'datadogKey' },
      addons: { coredns: 'v1.12.1-eksbuild.2' },
      nodePools: {
        general: { instanceTypes: ['t4g.small'], labels: { 'eks.amazonaws.com/compute-type': 'x' } },
      },
    };
    expectIssue(config, 'eks.datadog', { message: ['Kubernetes Secret'], fix: ["'external-secrets'"] });
    expectIssue(config, 'eks.addons.coredns', { message: ['runs coredns itself'], fix: ['remove coredns'] });
    expectIssue(config, 'eks.nodePools.general.instanceTypes[0]', {
      message: ['does not launch t4g.small'],
      fix: ['medium'],
    });
    expectIssue(config, 'eks.nodePools.general.labels.eks.amazonaws.com/compute-type', {
      message: ['eks.amazonaws.com/'],
      fix: ['your own domain'],
    });
  });

  it('refuses scaling on requests per target alone, which an HPA cannot read', () => {
    const config = onEks();
    config.services!.web!.scaling = { requestsPerTarget: 100 };
    expectIssue(config, 'services.web.scaling', {
      message: ['requests per target alone'],
      fix: ['cpuPercent'],
    });
    config.services!.web!.scaling = { requestsPerTarget: 100, cpuPercent: 60 };
    expect(() => resolveConfig(config)).not.toThrow();
  });
});
