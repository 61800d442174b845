import { CfnOutput, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { EnvironmentModel } from '../../../model/types.js';
import { accessLogBucket } from './access-log-bucket.js';
import { privateSubnetType } from '../../network/network-layout.js';
import { type EnvironmentRef, publishValue, runtimeKeys } from '../../shared/cross-stack.js';

/**
 * Whether an environment needs the load balancer: only public services are routed through it.
 * An environment of internal services (workers, private APIs) gets none, and pays for none.
 */
export function needsLoadBalancer(env: Pick<EnvironmentModel, 'services'>): boolean {
  return env.services.some((service) => service.public);
}

export interface SharedLoadBalancerProps {
  readonly app: string;
  readonly environment: EnvironmentModel;
  readonly vpc: ec2.IVpc;
  readonly where: EnvironmentRef;
}

/** The parts of the shared load balancer public services attach to. */
export interface SharedLoadBalancer {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The listener services add their rules to: HTTPS with a domain, else HTTP. */
  readonly listener: elbv2.ApplicationListener;
}

/**
 * The one internet-facing ALB every public service attaches a listener rule to, with its security
 * group, listeners and access-log bucket, published under `/<app>/<env>/runtime/` for the service
 * and preview stacks. Built straight into the runtime stack, so the logical ids stay the ones that
 * stack has always had. Cost: the ALB $0.0225/h plus $0.008 per LCU-h, and $0.005/h for each of its
 * public IPv4 addresses (one per zone): half the dev floor.
 */
export function addSharedLoadBalancer(stack: Stack, props: SharedLoadBalancerProps): SharedLoadBalancer {
  const { app, environment: env, vpc, where } = props;
  const behindEdge = env.edge !== undefined;
  const securityGroup = new ec2.SecurityGroup(stack, 'LoadBalancerSecurityGroup', {
    vpc,
    description: behindEdge
      ? `${app} ${env.name} load balancer: the CloudFront VPC origin on 80 only`
      : `${app} ${env.name} load balancer: the internet on 80/443 only`,
    // Each service stack opens egress to its own tasks on its own port, nothing more.
    allowAllOutbound: false,
  });
  if (behindEdge) {
    // The VPC origin reaches the internal load balancer through network interfaces CloudFront
    // places in the VPC, so the VPC's own range is the only source; nothing outside can route here.
    securityGroup.addIngressRule(
      ec2.Peer.ipv4(env.network.cidr),
      ec2.Port.tcp(80),
      'HTTP from the CloudFront VPC origin',
    );
  } else {
    securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet');
    if (env.domain) {
      securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    }
    acknowledge(
      securityGroup,
      'AwsSolutions-EC23',
      'This is the internet-facing load balancer: it must admit 0.0.0.0/0, and only on 80 and 443; ' +
        'services limited to some callers are restricted by source-ip listener rules.',
    );
  }

  const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, 'LoadBalancer', {
    vpc,
    internetFacing: !behindEdge,
    vpcSubnets: { subnetType: behindEdge ? privateSubnetType(env) : ec2.SubnetType.PUBLIC },
    securityGroup,
    dropInvalidHeaderFields: true,
    deletionProtection: env.production,
  });
  if (!env.production) {
    acknowledge(
      loadBalancer,
      'CT.ELASTICLOADBALANCING.PR.5',
      `${env.name} is not production and must tear down cleanly; production load balancers have ` +
        'deletion protection (Slipway-ELB3).',
    );
  }
  const logs = accessLogBucket(stack, 'AccessLogBucket', { expireAfterDays: env.logRetentionDays });
  loadBalancer.logAccessLogs(logs, 'alb');

  const notFound = elbv2.ListenerAction.fixedResponse(404, {
    contentType: 'text/plain',
    messageBody: 'Not found',
  });
  let listener: elbv2.ApplicationListener;
  if (env.domain && !behindEdge) {
    listener = loadBalancer.addListener('HttpsListener', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(env.domain.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
      defaultAction: notFound,
    });
    loadBalancer.addListener('HttpListener', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
    });
  } else {
    listener = loadBalancer.addListener('HttpListener', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: notFound,
    });
    acknowledge(
      listener,
      'CT.ELASTICLOADBALANCING.PR.1',
      behindEdge ? edgeHttpReason(env) : plainHttpReason(env),
    );
  }

  publishValue(stack, where, 'runtime', runtimeKeys.albArn, loadBalancer.loadBalancerArn);
  publishValue(stack, where, 'runtime', runtimeKeys.albFullName, loadBalancer.loadBalancerFullName);
  publishValue(stack, where, 'runtime', runtimeKeys.albDnsName, loadBalancer.loadBalancerDnsName);
  publishValue(stack, where, 'runtime', runtimeKeys.albSecurityGroupId, securityGroup.securityGroupId);
  publishValue(stack, where, 'runtime', runtimeKeys.listenerArn, listener.listenerArn);
  publishValue(stack, where, 'runtime', runtimeKeys.accessLogBucket, logs.bucketName);

  new CfnOutput(stack, 'LoadBalancerDnsName', {
    description: behindEdge
      ? "Internal address CloudFront's VPC origin reaches (see the edge stack)"
      : env.domain
        ? `Point ${env.domain.name} (CNAME or alias) here`
        : 'Public address of the environment',
    value: loadBalancer.loadBalancerDnsName,
  });
  return { loadBalancer, listener };
}

/** Why an internal load balancer behind CloudFront listens on plain HTTP. */
function edgeHttpReason(env: EnvironmentModel): string {
  return (
    `${env.name}'s load balancer is internal: only CloudFront's VPC origin reaches it, over AWS's network ` +
    'inside the VPC, and viewers are redirected to HTTPS at the edge. A certificate here would have to name ' +
    "the load balancer's internal host, which no public authority signs."
  );
}

/** Why an environment without a domain serves plain HTTP, and what changes that. */
function plainHttpReason(env: EnvironmentModel): string {
  const reason =
    `${env.name} has no domain, so no certificate and no HTTPS listener to redirect to: this listener ` +
    `serves the services over plain HTTP. Setting environments.${env.name}.domain with its ACM ` +
    'certificate adds the HTTPS listener and turns this one into a redirect.';
  return env.production
    ? `${reason} In production Slipway-ELB5 still fails until the domain is set or the config acknowledges why it may serve HTTP.`
    : reason;
}
