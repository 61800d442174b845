import type { DiagramNode } from '../types.js';
import { parentBySubnets } from '../placement.js';
import { list, num, record, shortName, text } from '../properties.js';
import { type EnvironmentTemplates, resourceNodeId, resourceRef, type StackResource } from '../references.js';
import type { NodeContext } from './context.js';
import { privateDnsName } from './services.js';

const ENGINES: Readonly<Record<string, string>> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  'aurora-postgresql': 'Aurora PostgreSQL',
  'aurora-mysql': 'Aurora MySQL',
  valkey: 'Valkey',
  redis: 'Redis',
};

/**
 * Each RDS instance, a read replica as its own node (its primary is named in its details and
 * linked by the edges), in the tier of its subnet group, with its private DNS name when the
 * environment's namespace carries one.
 */
export function databaseNodes(context: NodeContext): DiagramNode[] {
  const { templates, tiers, environment } = context;
  const instances = templates.all('AWS::RDS::DBInstance');
  const dnsNames = databaseDnsNames(templates);
  return instances.map((db) => {
    const props = db.resource.Properties ?? {};
    const primary = primaryOf(templates, db);
    const engineSource = primary?.resource.Properties ?? props;
    const engine = ENGINES[text(engineSource.Engine) ?? ''] ?? text(engineSource.Engine) ?? 'database';
    const version = text(engineSource.EngineVersion);
    const subnetGroup = templates.resolve(db.stack, props.DBSubnetGroupName);
    const parent = parentBySubnets(templates, tiers, db.stack, subnetGroup?.resource.Properties?.SubnetIds);
    const name = shortName(text(props.DBInstanceIdentifier) ?? db.logicalId, environment);
    const storage = num(props.AllocatedStorage);
    const maxStorage = num(props.MaxAllocatedStorage);
    const details = [
      [text(props.DBInstanceClass) ?? '?', props.MultiAZ === true ? 'Multi-AZ' : 'single-AZ'].join(' · '),
      ...(storage === undefined
        ? []
        : [
            `${storage} GB ${text(props.StorageType) ?? ''}${maxStorage === undefined ? '' : ` (up to ${maxStorage} GB)`}`.replace(
              / +/g,
              ' ',
            ),
          ]),
      ...(primary === undefined
        ? []
        : [
            `read replica of ${shortName(text(primary.resource.Properties?.DBInstanceIdentifier) ?? primary.logicalId, environment)}`,
          ]),
      ...(dnsNames.get(resourceNodeId(db)) ?? []),
    ];
    const extras = [subnetGroup, templates.resolve(db.stack, props.DBParameterGroupName)].filter(
      (r): r is NonNullable<typeof r> => r !== undefined && primary === undefined,
    );
    return {
      id: resourceNodeId(db),
      kind: 'database' as const,
      label: `${name} (${engine}${version === undefined ? '' : ` ${version}`})`,
      details,
      ...(parent === undefined ? {} : { parent }),
      resources: [resourceRef(db), ...extras.map(resourceRef)],
    };
  });
}

/** The primary a read replica copies, through its `SourceDBInstanceIdentifier`. */
export function primaryOf(templates: EnvironmentTemplates, db: StackResource): StackResource | undefined {
  const source = db.resource.Properties?.SourceDBInstanceIdentifier;
  if (source === undefined) return undefined;
  return templates.resolveAll(db.stack, source).find((t) => t.resource.Type === 'AWS::RDS::DBInstance');
}

/** Database node id → its private DNS name, from the Cloud Map instances that alias its endpoint. */
function databaseDnsNames(templates: EnvironmentTemplates): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const instance of templates.all('AWS::ServiceDiscovery::Instance')) {
    const attributes = record(instance.resource.Properties?.InstanceAttributes);
    const target = templates.resolve(instance.stack, attributes.AWS_INSTANCE_CNAME);
    const service = templates.resolve(instance.stack, instance.resource.Properties?.ServiceId);
    if (target === undefined || service === undefined) continue;
    const name = privateDnsName(templates, service);
    if (name !== undefined)
      names.set(resourceNodeId(target), [...(names.get(resourceNodeId(target)) ?? []), name]);
  }
  return names;
}

/** Each ElastiCache replication group, in the tier of its subnet group. */
export function cacheNodes({ templates, tiers, environment }: NodeContext): DiagramNode[] {
  return templates.all('AWS::ElastiCache::ReplicationGroup').map((group) => {
    const props = group.resource.Properties ?? {};
    const subnetGroup = templates.resolve(group.stack, props.CacheSubnetGroupName);
    const parent = parentBySubnets(
      templates,
      tiers,
      group.stack,
      subnetGroup?.resource.Properties?.SubnetIds,
    );
    const engine = ENGINES[text(props.Engine) ?? 'redis'] ?? text(props.Engine) ?? 'cache';
    const version = text(props.EngineVersion);
    const nodes = num(props.NumCacheClusters) ?? num(props.NumNodeGroups) ?? 1;
    const description =
      text(props.ReplicationGroupId) ?? text(props.ReplicationGroupDescription)?.split(' ')[0];
    return {
      id: resourceNodeId(group),
      kind: 'cache' as const,
      label: `${shortName(description ?? group.logicalId, environment)} (${engine}${version === undefined ? '' : ` ${version}`})`,
      details: [
        `${text(props.CacheNodeType) ?? '?'} × ${nodes}`,
        [
          props.MultiAZEnabled === true ? 'Multi-AZ' : 'single-AZ',
          ...(props.TransitEncryptionEnabled === true ? ['TLS'] : []),
        ].join(' · '),
      ],
      ...(parent === undefined ? {} : { parent }),
      resources: [resourceRef(group), ...(subnetGroup === undefined ? [] : [resourceRef(subnetGroup)])],
    };
  });
}

/** DynamoDB tables and global tables; they live outside the VPC. */
export function tableNodes({ templates, environment }: NodeContext): DiagramNode[] {
  const tables = [...templates.all('AWS::DynamoDB::Table'), ...templates.all('AWS::DynamoDB::GlobalTable')];
  return tables.map((table) => {
    const props = table.resource.Properties ?? {};
    const replicas = list(props.Replicas)
      .map((r) => text(record(r).Region))
      .filter((r) => r !== undefined);
    return {
      id: resourceNodeId(table),
      kind: 'table' as const,
      label: shortName(text(props.TableName) ?? table.logicalId, environment),
      details: [
        text(props.BillingMode) === 'PROVISIONED' ? 'provisioned' : 'on-demand',
        ...(props.StreamSpecification === undefined ? [] : ['stream']),
        ...(replicas.length > 0 ? [`replicas: ${replicas.join(', ')}`] : []),
      ],
      resources: [resourceRef(table)],
    };
  });
}

/** Each Cognito user pool, its clients, resource servers and domain folded in. */
export function userPoolNodes({ templates, environment }: NodeContext): DiagramNode[] {
  return templates.all('AWS::Cognito::UserPool').map((pool) => {
    const id = resourceNodeId(pool);
    const owned = (type: string) => templates.ownedBy(type, 'UserPoolId', pool);
    const clients = owned('AWS::Cognito::UserPoolClient');
    const servers = owned('AWS::Cognito::UserPoolResourceServer');
    const domains = owned('AWS::Cognito::UserPoolDomain');
    const props = pool.resource.Properties ?? {};
    return {
      id,
      kind: 'user-pool' as const,
      label: `Cognito ${shortName(text(props.UserPoolName) ?? pool.logicalId, environment)}`,
      details: [
        [
          text(props.UserPoolTier)?.toLowerCase() ?? 'essentials',
          `MFA ${text(props.MfaConfiguration)?.toLowerCase() ?? 'off'}`,
        ].join(' · '),
        `${clients.length} client${clients.length === 1 ? '' : 's'} · ${servers.length} resource server${servers.length === 1 ? '' : 's'}`,
      ],
      resources: [resourceRef(pool), ...[...clients, ...servers, ...domains].map(resourceRef)],
    };
  });
}
