/**
 * The cluster stack built from a hand-made model (megadolls with an EKS cluster and a Valkey cache),
 * synthesized and checked with the Control Tower pack on, for the EKS cluster tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { collectFindings } from '../../src/checks/collect-findings.js';
import type { Finding } from '../../src/checks/finding.js';
import type { EksClusterModel } from '../../src/model/eks.js';
import type { AppModel, EnvironmentModel, Encryption } from '../../src/model/types.js';
import { ClusterStack } from '../../src/stacks/runtime/eks/cluster-stack.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { clusterModel } from '../fixtures/eks-cluster.js';

/** A system pool on demand and a tainted Spot pool for workloads, as the EKS runtime plans them. */
export const CLUSTER: EksClusterModel = clusterModel({
  publicEndpointCidrs: ['203.0.113.0/24'],
  admins: ['arn:aws:iam::222222222222:role/platform-admin'],
  developers: ['arn:aws:iam::222222222222:role/megadolls-developer'],
});

/** The cache every built environment declares, so the cluster's pods get a way to it. */
export const CACHE = {
  name: 'sessions',
  nodeType: 'cache.t4g.micro',
  engineVersion: '8.0',
  nodes: 1,
  snapshotRetentionDays: 0,
} as const;

export interface Built {
  readonly env: EnvironmentModel;
  readonly template: CfnTemplate;
  readonly templatePath: string;
  readonly findings: Finding[];
  readonly outdir: string;
}

export interface BuildOptions {
  readonly cluster?: EksClusterModel;
  /** Changes to the environment after encryption and the cache are set. */
  readonly environment?: (env: EnvironmentModel) => EnvironmentModel;
}

export function build(envName: 'dev' | 'prod', encryption: Encryption, options: BuildOptions = {}): Built {
  const base = megadollsLikeModel();
  const adjust = options.environment ?? ((env: EnvironmentModel) => env);
  const model: AppModel = {
    ...base,
    checks: { controlTower: true },
    environments: base.environments.map((e) => adjust({ ...e, encryption, caches: [CACHE] })),
  };
  const env = model.environments.find((e) => e.name === envName)!;
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-eks-'));
  const app = new App({ outdir });
  const stack = new ClusterStack(app, { model, environment: env, cluster: options.cluster ?? CLUSTER });
  const artifact = app.synth().getStackByName(stack.stackName);
  const templatePath = path.join(outdir, artifact.templateFile);
  const template = artifact.template as CfnTemplate;
  const findings = collectFindings({
    app,
    stacks: [{ name: stack.stackName, environment: env.name, templatePath, template }],
    model,
  });
  return { env, template, templatePath, findings, outdir };
}

export const ofType = (template: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === type);

export interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** The statements of the policies under construct `prefix` (e.g. `ServiceWebIdentity`). */
export function statementsOf(built: Built, prefix: string): Statement[] {
  return ofType(built.template, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(([, p]) => (p.Properties?.['PolicyDocument'] as { Statement: Statement[] }).Statement);
}

/** The SSM parameter name behind `{ Ref: <template parameter> }`, as `readValue` writes it. */
export function ssmName(template: CfnTemplate, value: unknown): unknown {
  const ref = (value as { Ref?: string } | undefined)?.Ref;
  const parameter = ref === undefined ? undefined : template.Parameters?.[ref];
  return (parameter as { Default?: unknown } | undefined)?.Default ?? value;
}
