import type { AcknowledgementModel, AppModel, EnvironmentModel } from '../../src/model/types.js';

/** A one-environment model with only what the checks read filled in meaningfully. */
export function checksModel(options: {
  readonly acknowledgements?: readonly AcknowledgementModel[];
  readonly production?: boolean;
}): AppModel {
  const dev: EnvironmentModel = {
    name: 'dev',
    account: '111111111111',
    region: 'us-east-1',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    production: options.production ?? false,
    network: { cidr: '10.0.0.0/16', subnetMask: 20, natGateways: 0, flowLogRetentionDays: 30 },
    capacity: 'spot',
    databases: [],
    services: [],
    ingress: 'load-balancer',
    ingressChoice: {
      ingress: 'load-balancer',
      set: false,
      reason: 'No service is public, so no ingress is built.',
      needsLoadBalancer: [],
    },
    secrets: [],
    logRetentionDays: 30,
    encryption: 'aws-managed',
    usage: {
      hoursPerMonth: 730,
      albLcu: 1,
      logGbPerMonth: 1,
      natGbPerMonth: 0,
      ecrGbPerRepository: 1,
      tableGbPerTable: 1,
      tableReadMillionsPerMonth: 1,
      tableWriteMillionsPerMonth: 1,
    },
    stackNames: {
      network: 'shop-dev-network',
      data: 'shop-dev-data',
      runtime: 'shop-dev-runtime',
      services: {},
    },
  };
  return {
    app: 'shop',
    github: { repository: 'acme/shop', mainBranch: 'main' },
    ci: {
      stackName: 'shop-ci',
      account: '111111111111',
      region: 'us-east-1',
      repositories: [],
      deployRoles: [],
    },
    environments: [dev],
    acknowledgements: options.acknowledgements ?? [],
  };
}
