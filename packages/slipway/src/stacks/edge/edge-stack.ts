import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import { EDGE_REGION, type EdgeModel } from '../../model/edge.js';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { readValueFromRegion } from '../shared/cross-region.js';
import { type EnvironmentRef, runtimeKeys } from '../shared/cross-stack.js';
import { SlipwayStack } from '../shared/slipway-stack.js';
import { distributionAccessLogs } from './access-logs.js';
import { cachedBehaviors } from './cached-paths.js';
import { webAcl } from './web-acl.js';

export interface EdgeStackProps {
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-edge`, in us-east-1 of the environment's account: a CloudFront distribution in front
 * of the environment's internal load balancer, reached through a VPC origin (so the load balancer
 * has no public address at all), with AWS's security headers, access logs v2 and, when asked, a
 * WAF web ACL. us-east-1 because a CLOUDFRONT-scope web ACL, the viewer certificate and the access
 * logs' delivery source must be there. The load balancer's ARN and name come from the runtime stack's
 * SSM parameters in the environment's region, passed at deploy (`shared/cross-region.ts`).
 * Nothing in it holds data. Cost: CloudFront requests and transfer out, WAF, logs (`cost/pricers`).
 */
export class EdgeStack extends SlipwayStack {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, props: EdgeStackProps) {
    const { model, environment: env } = props;
    const edge = env.edge;
    const stackName = env.stackNames.edge;
    if (edge === undefined || stackName === undefined) throw new Error(`environment ${env.name} has no edge`);
    super(scope, {
      app: model.app,
      stackName,
      account: env.account,
      region: EDGE_REGION,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: CloudFront in front of the load balancer`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const name = `${model.app}-${env.name}`;
    const fromRuntime = (key: string, parameterKey: string) =>
      readValueFromRegion(this, where, { region: env.region, layer: 'runtime', name: key }, parameterKey);
    const loadBalancerArn = fromRuntime(runtimeKeys.albArn, 'LoadBalancerArn');
    const loadBalancerDnsName = fromRuntime(runtimeKeys.albDnsName, 'LoadBalancerDnsName');

    // The load balancer listens on plain HTTP inside the VPC (its certificate, if any, names the
    // public host, not the name CloudFront connects to); viewers only ever see HTTPS.
    const vpcOrigin = new cloudfront.VpcOrigin(this, 'VpcOrigin', {
      vpcOriginName: name,
      endpoint: { endpointArn: loadBalancerArn, domainName: loadBalancerDnsName },
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
    });
    const origin = origins.VpcOrigin.withVpcOrigin(vpcOrigin, {
      domainName: loadBalancerDnsName,
      readTimeout: Duration.seconds(30),
    });

    const acl = edge.waf === undefined ? undefined : webAcl(this, 'WebAcl', { name, waf: edge.waf });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${model.app} ${env.name}`,
      priceClass: edge.priceClass as cloudfront.PriceClass,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // API paths are answered by the services each time, with every viewer header (the token)
        // but the Host, which would not match the load balancer's name.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      additionalBehaviors: cachedBehaviors(this, { name, origin, paths: edge.cachedPaths }),
      ...viewerCertificate(this, edge),
      ...(acl === undefined ? {} : { webAclId: acl.attrArn }),
    });
    distributionAccessLogs(this, { name, distribution: this.distribution, environment: env });
    acknowledgeEdge(this.distribution, env, edge);

    new CfnOutput(this, 'DistributionDomainName', {
      description: edge.domain
        ? `Point ${edge.domain.name} (CNAME or alias) here`
        : 'Public address of the environment',
      value: this.distribution.distributionDomainName,
    });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }
}

/** The viewer certificate: the team's for its host name, TLS 1.2 at least; else CloudFront's own. */
function viewerCertificate(
  scope: Construct,
  edge: EdgeModel,
): Pick<cloudfront.DistributionProps, 'domainNames' | 'certificate' | 'minimumProtocolVersion'> {
  if (edge.domain === undefined) return {};
  return {
    domainNames: [edge.domain.name],
    certificate: acm.Certificate.fromCertificateArn(scope, 'Certificate', edge.domain.certificateArn),
    minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
  };
}

/** Findings the edge answers for with reasons rather than with settings. */
function acknowledgeEdge(
  distribution: cloudfront.Distribution,
  env: EnvironmentModel,
  edge: EdgeModel,
): void {
  acknowledge(
    distribution,
    'AwsSolutions-CFR1',
    'The services answer customers wherever they are; a geo restriction is a business decision the config does not make.',
  );
  acknowledge(
    distribution,
    'AwsSolutions-CFR3',
    'Access logs go to CloudWatch Logs through standard logging v2 (a delivery source, destination and delivery in this stack); the rule only sees the legacy S3 logging setting.',
  );
  acknowledge(
    distribution,
    'CT.CLOUDFRONT.PR.1',
    'The distribution fronts APIs routed by path on the load balancer, which answers / itself (or with 404); a default root object names a file an S3 website would serve.',
  );
  acknowledge(
    distribution,
    'CT.CLOUDFRONT.PR.4',
    `The environment's services run in one region behind one load balancer: a second origin to fail over to would be a second copy of ${env.name} in another region, which the config does not declare.`,
  );
  acknowledge(
    distribution,
    'CT.CLOUDFRONT.PR.5',
    'Access logs go to CloudWatch Logs through standard logging v2 (a delivery source, destination and delivery in this stack); the control only recognizes legacy logging to an S3 bucket, which needs ACLs enabled on the bucket.',
  );
  if (edge.domain === undefined) {
    for (const rule of ['CT.CLOUDFRONT.PR.6', 'CT.CLOUDFRONT.PR.7', 'CT.CLOUDFRONT.PR.9']) {
      acknowledge(
        distribution,
        rule,
        `${env.name} has no edge domain, so viewers use CloudFront's *.cloudfront.net name and certificate, for which CloudFront sets the security policy; setting environments.${env.name}.edge.domain with a us-east-1 certificate serves it by SNI with TLSv1.2_2021.`,
      );
    }
    acknowledge(
      distribution,
      'AwsSolutions-CFR4',
      `${env.name} has no edge domain, so viewers reach CloudFront's *.cloudfront.net name, whose certificate CloudFront serves with its own security policy; setting environments.${env.name}.edge.domain with a us-east-1 certificate applies TLSv1.2_2021.`,
    );
  }
  if (edge.waf === undefined) {
    acknowledge(
      distribution,
      'AwsSolutions-CFR2',
      `${env.name} has no WAF (environments.${env.name}.edge.waf): only the services' own checks and CloudFront's built-in DDoS protection stand in front of them; a web ACL costs $5 a month plus $1 per rule and $0.60 per million requests.`,
    );
  }
}
