import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpServiceDiscoveryIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import { routableOnHttpApi } from '../../../model/load-balancer-routing.js';
import type { ServiceModel } from '../../../model/types.js';
import { type EnvironmentRef, readValue, runtimeKeys } from '../../shared/cross-stack.js';
import { ModelError } from '../../shared/model-error.js';

export interface ServiceHttpRoutesProps {
  readonly model: ServiceModel;
  /** Model path of the service, for error messages. */
  readonly path: string;
  readonly where: EnvironmentRef;
  readonly vpc: ec2.IVpc;
  /** The service's Cloud Map entry: A records for callers, SRV with the port for the integration. */
  readonly discovery: servicediscovery.IService;
  /** The tasks' own group, which admits the VPC link on the service's port. */
  readonly tasks: ec2.SecurityGroup;
  /**
   * A preview's path before the service's own (`/pr-<slug>`); the integration takes it off again,
   * so the copy sees the paths the environment's service sees. @default none
   */
  readonly routePrefix?: string;
}

/**
 * A public service's place on the environment's HTTP API (`ingress: 'http-api'`): one private
 * integration through the VPC link to the service's Cloud Map entry, whose SRV records carry the
 * port API Gateway needs (decision 028), a route per path, and the network rules between the
 * VPC link and the tasks, owned here so they go with the service.
 */
export class ServiceHttpRoutes extends Construct {
  readonly routes: readonly apigwv2.HttpRoute[];

  constructor(scope: Construct, id: string, props: ServiceHttpRoutesProps) {
    super(scope, id);
    const { model, where } = props;
    const httpApi = apigwv2.HttpApi.fromHttpApiAttributes(this, 'HttpApi', {
      httpApiId: readValue(this, where, 'runtime', runtimeKeys.httpApiId),
    });
    const vpcLink = apigwv2.VpcLink.fromVpcLinkAttributes(this, 'VpcLink', {
      vpcLinkId: readValue(this, where, 'runtime', runtimeKeys.vpcLinkId),
      vpc: props.vpc,
    });
    const open =
      `${model.name} is a public service: the HTTP API passes its requests on as the load balancer ` +
      "would, and who may do what is the service's own to check" +
      (model.auth ? " (it checks the user pool's tokens itself, `auth`)." : '.') +
      ' An authorizer here would put a second, different check in front of it.';
    const routes = httpRoutes(model, props.path, props.routePrefix);
    // Without a prefix one integration serves every route; with one, each route rewrites its
    // path its own way, and the rewrite belongs to the integration.
    const shared = props.routePrefix
      ? undefined
      : new HttpServiceDiscoveryIntegration('Integration', props.discovery, { vpcLink });
    this.routes = routes.map(({ routeKey, forwardedPath }, index) => {
      const integration =
        shared ??
        new HttpServiceDiscoveryIntegration(`Integration${index}`, props.discovery, {
          vpcLink,
          parameterMapping: new apigwv2.ParameterMapping().overwritePath(
            apigwv2.MappingValue.custom(forwardedPath!),
          ),
        });
      const route = new apigwv2.HttpRoute(this, `Route${index}`, { httpApi, routeKey, integration });
      acknowledge(route, 'AwsSolutions-APIG4', open);
      acknowledge(route, 'CT.APIGATEWAY.PR.5', open);
      return route;
    });

    const linkGroup = readValue(this, where, 'runtime', runtimeKeys.vpcLinkSecurityGroupId);
    props.tasks.addIngressRule(
      ec2.Peer.securityGroupId(linkGroup),
      ec2.Port.tcp(model.port),
      'The HTTP API, through its VPC link',
    );
    new ec2.CfnSecurityGroupEgress(this, 'VpcLinkEgress', {
      groupId: linkGroup,
      destinationSecurityGroupId: props.tasks.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: model.port,
      toPort: model.port,
      description: `HTTP API VPC link to ${model.name} tasks`,
    });
  }
}

/** One route of a service: its key and, under a prefix, the path the task is sent instead. */
export interface ServiceHttpRoute {
  readonly routeKey: apigwv2.HttpRouteKey;
  /** The path mapping (`overwrite:path`) that takes the prefix off; absent without a prefix. */
  readonly forwardedPath?: string;
}

/**
 * The service's paths as HTTP API routes, any method: `/*` is the `$default` route (whatever no
 * other route matches), `/orders/*` is `/orders/{proxy+}`, a path without a wildcard is itself.
 * Under a preview's prefix `/*` becomes `/pr-x/{proxy+}` and `/pr-x` (a prefix is never the
 * default route), and each route sends the task its path without the prefix.
 * The load balancer's patterns allow wildcards anywhere; a route key takes a greedy variable only
 * at its end, so the config check refuses any other pattern with `ingress: 'http-api'`; this
 * refuses it again for a model built by hand.
 */
export function httpRoutes(
  service: Pick<ServiceModel, 'name' | 'paths'>,
  path: string,
  routePrefix?: string,
): ServiceHttpRoute[] {
  const routes = service.paths.flatMap((pattern, index): ServiceHttpRoute[] => {
    if (!routableOnHttpApi(pattern)) {
      throw new ModelError(
        `${path}.paths[${index}]`,
        `'${pattern}' cannot be an HTTP API route: a route takes a wildcard only as its last segment ('/orders/*')`,
        `Write the path as a prefix ending in '/*' or an exact path, or set the environment's ingress to 'load-balancer'.`,
      );
    }
    const any = (key: string) => apigwv2.HttpRouteKey.with(key, apigwv2.HttpMethod.ANY);
    if (routePrefix === undefined) {
      if (pattern === '/*') return [{ routeKey: apigwv2.HttpRouteKey.DEFAULT }];
      return [{ routeKey: any(pattern.endsWith('/*') ? `${pattern.slice(0, -2)}/{proxy+}` : pattern) }];
    }
    if (!pattern.endsWith('/*'))
      return [{ routeKey: any(`${routePrefix}${pattern}`), forwardedPath: pattern }];
    const base = pattern.slice(0, -2);
    return [
      { routeKey: any(`${routePrefix}${base}/{proxy+}`), forwardedPath: `${base}/$request.path.proxy` },
      // The prefix alone (`/pr-x`, `/pr-x/orders`) is no match for `{proxy+}`, which needs a segment.
      { routeKey: any(`${routePrefix}${base}`), forwardedPath: base === '' ? '/' : base },
    ];
  });
  // `/orders` and `/orders/*` both give the prefixed `/pr-x/orders`: one route, the first.
  const seen = new Set<string>();
  return routes.filter((route) => !seen.has(route.routeKey.key) && seen.add(route.routeKey.key));
}
