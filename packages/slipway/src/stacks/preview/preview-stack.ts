import { CfnOutput, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { AppModel } from '../../model/types.js';
import { previewDiscoveryName, tagValue } from '../../naming/preview-names.js';
import { privateHostName } from '../../naming/private-hosts.js';
import type { PreviewPlan } from '../../preview/preview-plan.js';
import { type EnvironmentRef, readValue, runtimeKeys } from '../shared/cross-stack.js';
import { buildFargateService } from '../runtime/ecs/fargate-service.js';
import { needsLoadBalancer } from '../runtime/ecs/shared-load-balancer.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { SlipwayStack, UNTAGGED_TYPES } from '../shared/slipway-stack.js';

/** Tags every preview stack carries; `preview list` and `prune` read them back. */
export const PREVIEW_TAGS = {
  slug: 'slipway:preview',
  branch: 'slipway:branch',
  createdAt: 'slipway:created-at',
  port: 'slipway:preview-port',
} as const;

export interface PreviewStackProps {
  readonly model: AppModel;
  readonly preview: PreviewPlan;
}

/**
 * `<app>-pr-<slug>`: one branch's copy of the services, inside the copied environment. It shares
 * that environment's VPC, cluster, ingress and database instance (reading them from its SSM
 * parameters) and adds only its own way in when a service is public (an app of internal services
 * has no ingress, and its previews no address): a listener on a port of the load balancer, or
 * routes under its own prefix on the HTTP API; then one Spot task per service, each at a private
 * name of its own that the other copies call, and their logs, which go with the stack. Its
 * databases and roles are made by the environment's provisioner task before it deploys. Cost: one
 * Fargate Spot task per service, its public IPv4 address and its Cloud Map name, by the hour; the
 * listener and its rules are free, and the HTTP API's routes too (its requests are billed, as the
 * environment's are).
 */
export class PreviewStack extends SlipwayStack {
  /** The preview's own listener; undefined when no service is public. */
  readonly listener?: elbv2.ApplicationListener;

  constructor(scope: Construct, props: PreviewStackProps) {
    const { model, preview } = props;
    const env = preview.environment;
    super(scope, {
      app: model.app,
      stackName: preview.stackName,
      account: env.account,
      region: env.region,
      environment: env.name,
      description: `Slipway ${model.app}: preview of branch ${tagValue(preview.branch)} in ${env.name}`,
    });
    const tagging = { excludeResourceTypes: [...UNTAGGED_TYPES] };
    Tags.of(this).add(PREVIEW_TAGS.slug, preview.slug, tagging);
    Tags.of(this).add(PREVIEW_TAGS.branch, tagValue(preview.branch), tagging);
    Tags.of(this).add(PREVIEW_TAGS.createdAt, preview.createdAt, tagging);
    Tags.of(this).add(PREVIEW_TAGS.port, String(preview.port), tagging);
    const where: EnvironmentRef = { app: model.app, env: env.name };
    if (needsLoadBalancer(env)) {
      if (env.ingress === 'http-api') previewRoutesUrl(this, preview, where);
      else this.listener = previewListener(this, model, preview, where);
    }

    // Each copy answers at a private name of its own; the copies' variables name those instead of
    // the environment's services, so the preview calls itself, not dev.
    const privateHosts = env.services.map((s) => ({
      name: s.name,
      replacement: (scheme: string | undefined) =>
        `${scheme ?? ''}${privateHostName(previewDiscoveryName(s.name, preview.slug), model.app)}`,
    }));
    for (const service of env.services) {
      const part = logicalIdPart(service.name);
      buildFargateService(new Construct(this, part), {
        model,
        environment: env,
        service,
        where,
        preview: {
          listener: this.listener,
          routePrefix: preview.routePrefix,
          discoveryName: previewDiscoveryName(service.name, preview.slug),
          privateHosts,
          logGroupLogicalId: `${part}LogGroup`,
        },
      });
    }
  }
}

/**
 * On the environment's HTTP API a preview is its routes under `/pr-<slug>` (each service adds its
 * own, with the prefix taken off before the task sees the path): its address is the API's (or its
 * domain's) with the prefix, the stack output `Url`.
 */
function previewRoutesUrl(stack: PreviewStack, preview: PreviewPlan, where: EnvironmentRef): void {
  const endpoint = readValue(stack, where, 'runtime', runtimeKeys.httpApiEndpoint);
  new CfnOutput(stack, 'Url', {
    description: `Address of the ${preview.branch} preview`,
    value: `${endpoint}${preview.routePrefix}/`,
  });
}

/**
 * A listener of the preview's own on a port of the environment's load balancer, open to the
 * internet on that port only, with the preview's address as the stack output `Url`.
 */
function previewListener(
  stack: PreviewStack,
  model: AppModel,
  preview: PreviewPlan,
  where: EnvironmentRef,
): elbv2.ApplicationListener {
  const env = preview.environment;
  const albSecurityGroupId = readValue(stack, where, 'runtime', runtimeKeys.albSecurityGroupId);
  const loadBalancer = elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(
    stack,
    'LoadBalancer',
    {
      loadBalancerArn: readValue(stack, where, 'runtime', runtimeKeys.albArn),
      loadBalancerDnsName: readValue(stack, where, 'runtime', runtimeKeys.albDnsName),
      securityGroupId: albSecurityGroupId,
      // Declared open so CDK adds no egress of its own: it would add one to the environment's
      // shared services group too, which the environment's own service already holds (a
      // duplicate rule fails the stack). Each preview service adds the one rule it needs.
      securityGroupAllowsAllOutbound: true,
    },
  );
  const listener = new elbv2.ApplicationListener(stack, 'Listener', {
    loadBalancer,
    port: preview.port,
    ...(env.domain
      ? {
          protocol: elbv2.ApplicationProtocol.HTTPS,
          certificates: [elbv2.ListenerCertificate.fromArn(env.domain.certificateArn)],
          sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        }
      : { protocol: elbv2.ApplicationProtocol.HTTP }),
    // The ingress below is this stack's own, so it leaves with the preview.
    open: false,
    defaultAction: elbv2.ListenerAction.fixedResponse(404, {
      contentType: 'text/plain',
      messageBody: 'Not found',
    }),
  });
  const ingress = new ec2.CfnSecurityGroupIngress(stack, 'ListenerIngress', {
    groupId: albSecurityGroupId,
    cidrIp: '0.0.0.0/0',
    ipProtocol: 'tcp',
    fromPort: preview.port,
    toPort: preview.port,
    description: `Preview ${preview.slug} of ${model.app}`,
  });
  acknowledge(
    ingress,
    'AwsSolutions-EC23',
    "A preview is reached like its environment, on the environment's internet-facing load balancer; " +
      'services limited to some callers keep their source-ip listener conditions here too.',
  );
  const ownPort =
    "A preview listens on a port of its own on the environment's load balancer (80 and 443 are the " +
    "environment's), so it is reached on that port; the rule goes with the preview.";
  acknowledge(ingress, 'Slipway-EC21', ownPort);
  acknowledge(ingress, 'CT.EC2.PR.3', ownPort);
  if (!env.domain) {
    acknowledge(
      listener,
      'CT.ELASTICLOADBALANCING.PR.1',
      `${env.name} has no domain, so its previews, like the environment, are served over plain HTTP: ` +
        'there is no certificate for an HTTPS listener to redirect to. With ' +
        `environments.${env.name}.domain set, a preview's listener serves HTTPS with its certificate.`,
    );
  }

  const host = env.domain?.name ?? loadBalancer.loadBalancerDnsName;
  new CfnOutput(stack, 'Url', {
    description: `Address of the ${preview.branch} preview`,
    value: `${env.domain ? 'https' : 'http'}://${host}:${preview.port}`,
  });
  return listener;
}
