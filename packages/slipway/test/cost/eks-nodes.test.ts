import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { estimateEnvironmentCost } from '../../src/cost/estimate.js';
import type { CostLine } from '../../src/cost/pricing-context.js';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import type { EksClusterModel, EksNodePoolModel } from '../../src/model/eks.js';
import { ClusterStack } from '../../src/stacks/runtime/eks/cluster-stack.js';
import type { CfnResource, SynthesizedStack } from '../../src/template/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { stack, usage } from './fixtures.js';

/** A small dev cluster: one on-demand system node and one Spot workload node, both t4g.medium. */
function pool(overrides: Partial<EksNodePoolModel> = {}): EksNodePoolModel {
  return {
    name: 'system',
    capacity: 'on-demand',
    architecture: 'arm64',
    instanceTypes: ['t4g.medium'],
    minSize: 1,
    maxSize: 3,
    desiredSize: 1,
    labels: { 'slipway/pool': 'system' },
    taints: [],
    ...overrides,
  };
}

const WORKLOAD = pool({
  name: 'workload',
  capacity: 'spot',
  labels: { 'slipway/pool': 'workload' },
  taints: [{ key: 'slipway/spot', value: 'true', effect: 'NoSchedule' }],
});

function cluster(nodePools: readonly EksNodePoolModel[]): EksClusterModel {
  return {
    version: '1.34',
    publicEndpointCidrs: ['203.0.113.0/24'],
    admins: ['arn:aws:iam::222222222222:role/platform-admin'],
    nodePools,
  };
}

/** The dev environment's cluster stack, synthesized from a hand-made model. */
function synthesize(nodePools: readonly EksNodePoolModel[]): SynthesizedStack {
  const model = megadollsLikeModel();
  const environment = model.environments.find((e) => e.name === 'dev')!;
  const app = new App();
  const built = new ClusterStack(app, { model, environment, cluster: cluster(nodePools) });
  const artifact = app.synth().getStackByName(built.stackName);
  return {
    name: built.stackName,
    environment: 'dev',
    templatePath: artifact.templateFile,
    template: artifact.template as SynthesizedStack['template'],
  };
}

function estimate(nodePools: readonly EksNodePoolModel[], region = 'us-east-1') {
  return estimateEnvironmentCost([synthesize(nodePools)], { region, usage: usage() });
}

const nodeLines = (lines: readonly CostLine[]) => lines.filter((l) => l.type === 'AWS::EKS::Nodegroup');
const instanceLine = (lines: readonly CostLine[], type: string) =>
  nodeLines(lines).find((l) => l.basis.includes(` × ${type}`) && !l.basis.includes('GB gp3'));
const sum = (lines: readonly CostLine[]) => lines.reduce((total, l) => total + l.usd, 0);

describe('EKS node groups in the estimate', () => {
  it('prices a small dev cluster by its pools: instances, root volumes and the control plane', () => {
    // Hand calculation, us-east-1, 730 h:
    //   control plane               730 h × $0.10                      = $73.00
    //   system node (on-demand)     1 × 730 h × $0.0336                = $24.528
    //   workload node (Spot)        1 × 730 h × $0.0336 × 0.40         =  $9.8112
    //   root volumes                2 nodes × 20 GB gp3 × $0.08        =  $3.20
    //   provisioner's ECS cluster   Container Insights (standard):
    //                               8 cluster metrics × $0.30          =  $2.40
    //   the cluster stack                                              = $112.9392 a month
    const { lines, unpriced, unverified, monthlyUsd } = estimate([pool(), WORKLOAD]);
    expect(monthlyUsd).toBeCloseTo(112.9392, 6);
    expect(unpriced).toEqual([]);
    const nodes = nodeLines(lines);
    expect(nodes.map((l) => l.usd).sort((a, b) => a - b)).toEqual(
      [1.6, 1.6, 9.8112, 24.528].map((usd) => expect.closeTo(usd, 6)),
    );
    expect(nodes.find((l) => l.usd > 20)?.basis).toBe(
      '1 × t4g.medium × 730 h × $0.0336 on-demand (EC2, PL 2026-07)',
    );
    expect(nodes.find((l) => l.basis.includes('Spot'))?.basis).toBe(
      '1 × t4g.medium × 730 h × $0.0336 × 0.4 Spot (EC2, PL 2026-07, unverified)',
    );
    expect(nodes.find((l) => l.basis.includes('gp3'))?.basis).toMatch(
      /^1 × 20 GB gp3 \(\/dev\/xvda of launch template NodePool\w+LaunchTemplate\w+\) × \$0\.08 per month \(EBS, OFF-T 2026\)$/,
    );
    expect(unverified).toContain('ec2.spot-factor');
    expect(unverified).not.toContain('ec2.t4g.medium');
  });

  it('follows the pool size: doubling the desired size doubles the node lines', () => {
    const one = nodeLines(estimate([pool({ desiredSize: 1, maxSize: 4 })]).lines);
    const two = nodeLines(estimate([pool({ desiredSize: 2, maxSize: 4 })]).lines);
    expect(two).toHaveLength(2);
    expect(sum(two)).toBeCloseTo(2 * sum(one), 9);
    expect(instanceLine(two, 't4g.medium')?.usd).toBeCloseTo(2 * 730 * 0.0336, 9);
  });

  it('prices Spot at the assumed share of on-demand, cheaper than on-demand', () => {
    const onDemand = instanceLine(estimate([pool()]).lines, 't4g.medium')!;
    const spot = instanceLine(estimate([pool({ capacity: 'spot' })]).lines, 't4g.medium')!;
    expect(spot.usd).toBeLessThan(onDemand.usd);
    expect(spot.usd / onDemand.usd).toBeCloseTo(PRICE_TABLES['us-east-1']!.prices['ec2.spot-factor'].usd, 9);
  });

  it('picks the figure of the pool’s instance type, arm64 or x86_64', () => {
    const arm = instanceLine(estimate([pool({ instanceTypes: ['m7g.large'] })]).lines, 'm7g.large');
    const x86 = instanceLine(
      estimate([pool({ architecture: 'x86_64', instanceTypes: ['m7i.large'] })]).lines,
      'm7i.large',
    );
    expect(arm?.usd).toBeCloseTo(730 * 0.0816, 9);
    expect(x86?.usd).toBeCloseTo(730 * 0.1008, 9);
  });

  it('prices the first of several instance types and says so', () => {
    const lines = estimate([pool({ capacity: 'spot', instanceTypes: ['m7g.large', 'm6g.large'] })]).lines;
    const line = instanceLine(lines, 'm7g.large');
    expect(line?.basis).toContain('the first of InstanceTypes m7g.large, m6g.large');
    expect(line?.usd).toBeCloseTo(730 * 0.0816 * 0.4, 9);
  });

  it('leaves an instance type without a bundled price unpriced, with its reason', () => {
    const { lines, unpriced, monthlyUsd } = estimate([pool({ instanceTypes: ['m7gd.large'] })]);
    const [instance] = nodeLines(lines).filter((l) => l.unpriced);
    expect(instance?.usd).toBe(0);
    expect(instance?.basis).toMatch(
      /^not priced: no bundled EC2 price for instance type m7gd\.large in us-east-1 \(priced families: t4g, t3, /,
    );
    expect(unpriced.map((u) => u.reason)).toContainEqual(expect.stringContaining('m7gd.large'));
    // The root volume still counts; the total only leaves the instances out.
    expect(monthlyUsd).toBeGreaterThan(0);
  });

  it("uses the region's own figures outside us-east-1", () => {
    const ireland = PRICE_TABLES['eu-west-1']!;
    const figure = ireland.ec2InstanceHour['t4g.medium']!;
    const line = instanceLine(estimate([pool()], 'eu-west-1').lines, 't4g.medium');
    expect(figure.usd).not.toBe(0.0336);
    expect(line?.usd).toBeCloseTo(730 * figure.usd, 9);
    expect(line?.basis).toContain(`$${figure.usd} on-demand (EC2, DERIVED`);
    expect(line?.basis).toContain('unverified');
  });
});

describe('the node group pricer on hand-written templates', () => {
  const launchTemplate = (ebs: Record<string, unknown>): CfnResource => ({
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: { LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: ebs }] } },
  });
  const nodegroup = (props: Record<string, unknown>): CfnResource => ({
    Type: 'AWS::EKS::Nodegroup',
    Properties: { InstanceTypes: ['t3.medium'], LaunchTemplate: { Id: { Ref: 'Lt' } }, ...props },
  });
  const price = (resources: Record<string, CfnResource>) =>
    estimateEnvironmentCost([stack('c', resources)], { region: 'us-east-1', usage: usage() }).lines;

  it('defaults to on-demand and reads the size from a numeric string', () => {
    const lines = price({
      Lt: launchTemplate({ VolumeSize: '30', VolumeType: 'gp3' }),
      Ng: nodegroup({ ScalingConfig: { DesiredSize: '3' } }),
    });
    expect(lines.map((l) => l.usd)).toEqual([
      expect.closeTo(3 * 730 * 0.0416, 9),
      expect.closeTo(3 * 30 * 0.08, 9),
    ]);
  });

  it('says why when the node count or a volume cannot be read', () => {
    expect(price({ Ng: nodegroup({ ScalingConfig: { DesiredSize: { Ref: 'Count' } } }) })[0]?.basis).toBe(
      'not priced: ScalingConfig.DesiredSize is not a literal number, so the node count is unknown',
    );
    const gp2 = price({
      Lt: launchTemplate({ VolumeSize: 20, VolumeType: 'gp2' }),
      Ng: nodegroup({ ScalingConfig: { DesiredSize: 1 } }),
    });
    expect(gp2[1]?.basis).toContain('volume type gp2 is not in the table (gp3 is)');
    const none = price({ Ng: nodegroup({ LaunchTemplate: undefined, ScalingConfig: { DesiredSize: 1 } }) });
    expect(none[1]?.basis).toContain('no launch template found in this stack');
  });

  it('leaves a capacity type other than on-demand and Spot unpriced', () => {
    const [line] = price({
      Lt: launchTemplate({ VolumeSize: 20, VolumeType: 'gp3' }),
      Ng: nodegroup({ CapacityType: 'CAPACITY_BLOCK', ScalingConfig: { DesiredSize: 1 } }),
    });
    expect(line?.basis).toBe(
      'not priced: capacity type CAPACITY_BLOCK is not in the table (ON_DEMAND and SPOT are)',
    );
  });
});
