import type { DiagramNode } from '../types.js';
import { parentBySubnets } from '../placement.js';
import { list, num, record, text } from '../properties.js';
import { type EnvironmentTemplates, resourceNodeId, resourceRef, type StackResource } from '../references.js';
import type { NodeContext } from './context.js';

/**
 * Each API Gateway HTTP API, outside the VPC as the edge is, with what a caller meets first
 * folded in: its stages (`stage $default · 100 req/s, burst 200`), the custom domain mapped to
 * one, or the generated endpoint when that is the address. The stage, domain and mapping are
 * listed with it, so a change to any of them lands on the API. Routes and integrations belong to
 * the service they lead to (services.ts), as a load balancer's listener rules do.
 */
export function httpApiNodes({ templates }: NodeContext): DiagramNode[] {
  return templates
    .all('AWS::ApiGatewayV2::Api')
    .filter((api) => (text(api.resource.Properties?.ProtocolType) ?? 'HTTP') === 'HTTP')
    .map((api) => {
      const props = api.resource.Properties ?? {};
      const stages = templates.ownedBy('AWS::ApiGatewayV2::Stage', 'ApiId', api);
      const mappings = templates.ownedBy('AWS::ApiGatewayV2::ApiMapping', 'ApiId', api);
      const domains = mappings.map((m) => domainOf(templates, m));
      const endpointOff = props.DisableExecuteApiEndpoint === true;
      return {
        id: resourceNodeId(api),
        kind: 'http-api' as const,
        label: `HTTP API ${text(props.Name) ?? api.logicalId}`,
        details: [
          ...stages.map((s) => stageLine(s.resource.Properties)),
          ...domains.map((d) => d.line),
          ...(endpointOff
            ? ['execute-api endpoint off']
            : domains.length === 0
              ? ['execute-api endpoint']
              : []),
        ],
        resources: [
          resourceRef(api),
          ...stages.map(resourceRef),
          ...mappings.map(resourceRef),
          ...domains.flatMap((d) => (d.resource === undefined ? [] : [resourceRef(d.resource)])),
        ],
      };
    });
}

/**
 * Each VPC link, in the tier of its subnets: where the HTTP API's private integrations enter the
 * VPC. Its security group is what the services admit, so the network reach starts here.
 */
export function vpcLinkNodes({ templates, tiers }: NodeContext): DiagramNode[] {
  return templates.all('AWS::ApiGatewayV2::VpcLink').map((link) => {
    const props = link.resource.Properties ?? {};
    const parent = parentBySubnets(templates, tiers, link.stack, props.SubnetIds);
    const subnets = list(props.SubnetIds).length;
    return {
      id: resourceNodeId(link),
      kind: 'vpc-link' as const,
      label: `VPC link ${text(props.Name) ?? link.logicalId}`,
      details: [`${subnets} subnet${subnets === 1 ? '' : 's'}`],
      ...(parent === undefined ? {} : { parent }),
      resources: [resourceRef(link)],
    };
  });
}

/** `stage $default · 100 req/s, burst 200`: the stage's name and its default throttling. */
function stageLine(props: Readonly<Record<string, unknown>> | undefined): string {
  const settings = record(props?.DefaultRouteSettings);
  const rate = num(settings.ThrottlingRateLimit);
  const burst = num(settings.ThrottlingBurstLimit);
  const throttle =
    rate === undefined ? [] : [`${rate} req/s${burst === undefined ? '' : `, burst ${burst}`}`];
  return [`stage ${text(props?.StageName) ?? '?'}`, ...throttle].join(' · ');
}

/** `api.example.com → $default`: a custom domain and the stage a mapping sends it to. */
function domainOf(
  templates: EnvironmentTemplates,
  mapping: StackResource,
): { line: string; resource?: StackResource } {
  const props = mapping.resource.Properties ?? {};
  const domain = templates
    .resolveAll(mapping.stack, props.DomainName)
    .find((t) => t.resource.Type === 'AWS::ApiGatewayV2::DomainName');
  const name = text(domain?.resource.Properties?.DomainName) ?? text(props.DomainName) ?? 'custom domain';
  const stage = templates.resolve(mapping.stack, props.Stage);
  const stageName = text(stage?.resource.Properties?.StageName) ?? text(props.Stage);
  const path = text(props.ApiMappingKey);
  return {
    line: `${name}${path === undefined || path === '' ? '' : `/${path}`}${stageName === undefined ? '' : ` → ${stageName}`}`,
    ...(domain === undefined ? {} : { resource: domain }),
  };
}
