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
    const integration = new HttpServiceDiscoveryIntegration('Integration', props.discovery, { vpcLink });
    const open =
      `${model.name} is a public service: the HTTP API passes its requests on as the load balancer ` +
      "would, and who may do what is the service's own to check" +
      (model.auth ? " (it checks the user pool's tokens itself, `auth`)." : '.') +
      ' An authorizer here would put a second, different check in front of it.';
    this.routes = httpRouteKeys(model, props.path).map((routeKey, index) => {
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

/**
 * The service's paths as HTTP API route keys, any method: `/*` is the `$default` route (whatever
 * no other route matches), `/orders/*` is `/orders/{proxy+}`, a path without a wildcard is itself.
 * The load balancer's patterns allow wildcards anywhere; a route key takes a greedy variable only
 * at its end, so the config check refuses any other pattern with `ingress: 'http-api'`; this
 * refuses it again for a model built by hand.
 */
export function httpRouteKeys(
  service: Pick<ServiceModel, 'name' | 'paths'>,
  path: string,
): apigwv2.HttpRouteKey[] {
  return service.paths.map((pattern, index) => {
    if (pattern === '/*') return apigwv2.HttpRouteKey.DEFAULT;
    const prefix = pattern.endsWith('/*') ? pattern.slice(0, -2) : pattern;
    if (!routableOnHttpApi(pattern)) {
      throw new ModelError(
        `${path}.paths[${index}]`,
        `'${pattern}' cannot be an HTTP API route: a route takes a wildcard only as its last segment ('/orders/*')`,
        `Write the path as a prefix ending in '/*' or an exact path, or set the environment's ingress to 'load-balancer'.`,
      );
    }
    return apigwv2.HttpRouteKey.with(
      pattern.endsWith('/*') ? `${prefix}/{proxy+}` : prefix,
      apigwv2.HttpMethod.ANY,
    );
  });
}
