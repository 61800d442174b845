import { CfnOutput, type Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { EnvironmentModel } from '../../../model/types.js';
import { privateSubnetType } from '../../network/network-layout.js';
import { type EnvironmentRef, publishValue, runtimeKeys } from '../../shared/cross-stack.js';
import { importLogsKey } from '../../shared/environment-keys.js';
import { environmentLogGroup } from '../../shared/log-group.js';

/**
 * Requests a second the `$default` stage admits before answering 429, and the burst above it: far
 * above what a dev environment serves, low enough that a runaway client cannot run up the
 * per-request bill. API Gateway's own account limit is 10,000 a second.
 */
export const HTTP_API_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * One access-log line per request, as JSON: who asked, which route answered, with what status and
 * how long the service took. Only `$context` variables HTTP APIs define.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
} as const;

export interface HttpApiIngressProps {
  readonly app: string;
  readonly environment: EnvironmentModel;
  readonly vpc: ec2.IVpc;
  readonly where: EnvironmentRef;
}

/** The parts of the HTTP API ingress public services attach their routes to. */
export interface HttpApiIngress {
  readonly api: apigwv2.HttpApi;
  readonly vpcLink: apigwv2.VpcLink;
  /** The VPC link's network interfaces; each service admits it on its own port. */
  readonly securityGroup: ec2.SecurityGroup;
}

/**
 * The environment's HTTP API in place of the load balancer (`ingress: 'http-api'`, decision 027):
 * the API with its `$default` stage (JSON access logs, throttling), a VPC link in the private
 * subnets with a security group of its own, and, with a domain, the custom domain mapped to
 * the stage. Each public service adds its routes and its private integration (the service's Cloud
 * Map entry) from its own stack. Published under `/<app>/<env>/runtime/` for those stacks.
 * Cost: no hourly charge; $1.00 per million requests in us-east-1. The VPC link has no charge
 * AWS names (decision 027).
 */
export function addHttpApiIngress(stack: Stack, props: HttpApiIngressProps): HttpApiIngress {
  const { app, environment: env, vpc, where } = props;
  const securityGroup = new ec2.SecurityGroup(stack, 'VpcLinkSecurityGroup', {
    vpc,
    description: `${app} ${env.name} HTTP API VPC link: to the public services on their ports only`,
    // Each service stack opens egress to its own tasks on its own port, nothing more.
    allowAllOutbound: false,
  });
  const vpcLink = new apigwv2.VpcLink(stack, 'VpcLink', {
    vpc,
    vpcLinkName: `${app}-${env.name}`,
    // Its network interfaces only forward to the tasks, so they need no route to the internet.
    subnets: { subnetType: privateSubnetType(env) },
    securityGroups: [securityGroup],
  });

  const api = new apigwv2.HttpApi(stack, 'HttpApi', {
    apiName: `${app}-${env.name}`,
    description: `Slipway ${app} ${env.name}: the public services' routes`,
    // The stage below is declared in full, with its logs and throttling.
    createDefaultStage: false,
    // With a domain, callers use it; the generated endpoint would be a second way in.
    disableExecuteApiEndpoint: env.domain !== undefined,
  });
  const accessLogs = environmentLogGroup(stack, 'HttpApiAccessLogs', {
    logicalId: 'HttpApiAccessLogs',
    retentionDays: env.logRetentionDays,
    retentionPath: `environments.${env.name}.logRetentionDays`,
    production: env.production,
    environmentName: env.name,
    encryptionKey: importLogsKey(stack, where, env),
  });
  const stage = new apigwv2.HttpStage(stack, 'DefaultStage', {
    httpApi: api,
    stageName: '$default',
    autoDeploy: true,
    throttle: HTTP_API_THROTTLE,
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(accessLogs),
      format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
    },
  });

  // With a domain the generated endpoint is off (and unreadable): the domain is the address.
  let url: string;
  if (env.domain === undefined) url = api.apiEndpoint;
  else {
    const domainName = new apigwv2.DomainName(stack, 'DomainName', {
      domainName: env.domain.name,
      certificate: acm.Certificate.fromCertificateArn(stack, 'Certificate', env.domain.certificateArn),
    });
    new apigwv2.ApiMapping(stack, 'DomainMapping', { api, domainName, stage });
    url = `https://${env.domain.name}`;
    new CfnOutput(stack, 'HttpApiDomainTarget', {
      description: `Point ${env.domain.name} (CNAME or alias) here`,
      value: domainName.regionalDomainName,
    });
  }

  publishValue(stack, where, 'runtime', runtimeKeys.httpApiId, api.apiId);
  publishValue(stack, where, 'runtime', runtimeKeys.httpApiEndpoint, url);
  publishValue(stack, where, 'runtime', runtimeKeys.vpcLinkId, vpcLink.vpcLinkId);
  publishValue(stack, where, 'runtime', runtimeKeys.vpcLinkSecurityGroupId, securityGroup.securityGroupId);
  new CfnOutput(stack, 'Url', { description: `Public address of ${env.name}`, value: url });
  return { api, vpcLink, securityGroup };
}
