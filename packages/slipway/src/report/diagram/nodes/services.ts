import type { DiagramNode } from '../types.js';
import { parentBySubnets } from '../placement.js';
import { gigabytes, list, num, record, shortName, text } from '../properties.js';
import { type EnvironmentTemplates, resourceNodeId, resourceRef, type StackResource } from '../references.js';
import type { NodeContext } from './context.js';

/**
 * Each ECS service, with what a reviewer asks of it: how many tasks, how big, on Spot or not, on
 * which CPU architecture, and the private name other services call it by. Its task definition,
 * target groups, listener rules, Cloud Map entry and HTTP API integration and routes are listed
 * with it so a change to any of them lands on the service. An ECS cluster whose services share one subnet tier is drawn as a group
 * in that tier around them.
 */
export function ecsNodes(context: NodeContext): DiagramNode[] {
  const { templates, tiers } = context;
  const nodes: DiagramNode[] = [];
  const services = templates.all('AWS::ECS::Service');
  // Each service's cluster and subnet tier, resolved once for the cluster groups and the services.
  const placed = services.map((service) => {
    const props = service.resource.Properties;
    const network = record(record(props?.NetworkConfiguration).AwsvpcConfiguration);
    const cluster = templates.resolve(service.stack, props?.Cluster);
    return {
      service,
      clusterId: cluster === undefined ? undefined : resourceNodeId(cluster),
      tier: parentBySubnets(templates, tiers, service.stack, network.Subnets),
    };
  });

  const clusterGroups = new Map<string, string>();
  for (const cluster of templates.all('AWS::ECS::Cluster')) {
    const id = resourceNodeId(cluster);
    const members = placed.filter(({ clusterId }) => clusterId === id);
    const memberTiers = new Set(members.map((m) => m.tier));
    // A cluster with no service (EKS's provisioner cluster) or spread over tiers is not drawn.
    if (members.length === 0 || memberTiers.size !== 1) continue;
    const tier = [...memberTiers][0];
    const providers = templates.ownedBy('AWS::ECS::ClusterCapacityProviderAssociations', 'Cluster', cluster);
    clusterGroups.set(id, id);
    nodes.push({
      id,
      kind: 'cluster',
      label: `ECS ${text(cluster.resource.Properties?.ClusterName) ?? cluster.logicalId}`,
      details: providers.flatMap((p) =>
        list(p.resource.Properties?.CapacityProviders).map((c) => text(c) ?? '?'),
      ),
      ...(tier === undefined ? {} : { parent: tier }),
      resources: [resourceRef(cluster), ...providers.map(resourceRef)],
    });
  }

  for (const { service, clusterId, tier } of placed) {
    const group = clusterId === undefined ? undefined : clusterGroups.get(clusterId);
    const parent = group ?? tier;
    const { label, details, resources } = describeService(context, service);
    nodes.push({
      id: resourceNodeId(service),
      kind: 'service',
      label,
      details,
      ...(parent === undefined ? {} : { parent }),
      resources: [resourceRef(service), ...resources.map(resourceRef)],
    });
  }
  return nodes;
}

function describeService(
  { templates, environment }: NodeContext,
  service: StackResource,
): { label: string; details: string[]; resources: StackResource[] } {
  const props = service.resource.Properties ?? {};
  const task = templates.resolve(service.stack, props.TaskDefinition);
  const taskProps = task?.resource.Properties ?? {};
  const registry = list(props.ServiceRegistries)
    .map((r) => templates.resolve(service.stack, record(r).RegistryArn))
    .find((r) => r !== undefined);
  const dnsName = registry === undefined ? undefined : privateDnsName(templates, registry);
  const name =
    text(registry?.resource.Properties?.Name) ??
    (text(taskProps.Family) === undefined ? undefined : shortName(String(taskProps.Family), environment)) ??
    service.logicalId;

  const sizing = [
    `${num(props.DesiredCount) ?? 1} task${num(props.DesiredCount) === 1 ? '' : 's'}`,
    ...(num(taskProps.Cpu) === undefined ? [] : [`${Number(taskProps.Cpu) / 1024} vCPU`]),
    ...(num(taskProps.Memory) === undefined ? [] : [gigabytes(Number(taskProps.Memory))]),
  ].join(' · ');
  const placement = [capacity(props), architecture(taskProps)].join(' · ');

  const targetGroups = list(props.LoadBalancers).flatMap((lb) => {
    const entry = record(lb);
    const advanced = record(entry.AdvancedConfiguration);
    return templates.resolveAll(service.stack, [entry.TargetGroupArn, advanced.AlternateTargetGroupArn]);
  });
  const wanted = new Set(targetGroups.map(resourceNodeId));
  const rules = templates
    .all('AWS::ElasticLoadBalancingV2::ListenerRule')
    .filter((rule) => rule.stack === service.stack && forwardsTo(templates, rule, wanted));
  // On the HTTP API, the integration to the service's Cloud Map entry and the routes to it.
  const integrations =
    registry === undefined
      ? []
      : templates.ownedBy('AWS::ApiGatewayV2::Integration', 'IntegrationUri', registry);
  const httpRoutes = integrations.flatMap((i) => templates.ownedBy('AWS::ApiGatewayV2::Route', 'Target', i));
  const extras = [task, registry, ...targetGroups, ...rules, ...integrations, ...httpRoutes].filter(
    (r): r is NonNullable<typeof r> => r !== undefined,
  );
  const unique = new Map(
    extras.map((r) => [resourceNodeId(r), { stack: r.stack, logicalId: r.logicalId, resource: r.resource }]),
  );
  return {
    label: name,
    details: [sizing, placement, ...(dnsName === undefined ? [] : [dnsName])],
    resources: [...unique.values()].sort((a, b) => resourceNodeId(a).localeCompare(resourceNodeId(b))),
  };
}

/** Spot, on-demand or a mix, from the service's capacity provider strategy. */
function capacity(props: Readonly<Record<string, unknown>>): string {
  const providers = list(props.CapacityProviderStrategy).map((s) => text(record(s).CapacityProvider) ?? '');
  if (providers.length === 0) return text(props.LaunchType) === 'EC2' ? 'EC2' : 'on-demand';
  const spot = providers.filter((p) => p.endsWith('_SPOT')).length;
  if (spot === providers.length) return 'Spot';
  return spot === 0 ? 'on-demand' : 'Spot + on-demand';
}

function architecture(taskProps: Readonly<Record<string, unknown>>): string {
  return text(record(taskProps.RuntimePlatform).CpuArchitecture) === 'ARM64' ? 'arm64' : 'x86';
}

/** `web.megadolls.internal`: the Cloud Map service's name in its namespace. */
export function privateDnsName(
  templates: EnvironmentTemplates,
  registry: { stack: string; resource: { Properties?: Readonly<Record<string, unknown>> } },
): string | undefined {
  const name = text(registry.resource.Properties?.Name);
  const namespaceId =
    registry.resource.Properties?.NamespaceId ?? record(registry.resource.Properties?.DnsConfig).NamespaceId;
  const namespace = templates.resolve(registry.stack, namespaceId);
  const domain = text(namespace?.resource.Properties?.Name);
  return name === undefined || domain === undefined ? undefined : `${name}.${domain}`;
}

function forwardsTo(
  templates: EnvironmentTemplates,
  rule: StackResource,
  wanted: ReadonlySet<string>,
): boolean {
  return templates
    .resolveAll(rule.stack, rule.resource.Properties?.Actions)
    .some((t) => wanted.has(resourceNodeId(t)));
}
