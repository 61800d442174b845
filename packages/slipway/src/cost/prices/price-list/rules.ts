import type { PriceKey } from '../types.js';
import type { OfferProduct } from './offer-file.js';

/**
 * Which offer-file product gives which figure of the table. Usage types carry a region prefix
 * (`USE1-`, `EU-`, `EUC1-`, `us-east-1-` for KMS; none for some us-east-1 products), so a rule
 * names the usage type without it. The attribute names and values follow the offer files as
 * infracost's AWS resources read them (`internal/resources/aws/*.go`).
 */
export interface PriceRule {
  readonly key: PriceKey;
  readonly offerCode: string;
  readonly productFamily?: string;
  /** The usage type without its region prefix, matched whole. */
  readonly usagetype: string;
  /** Further attributes the product must have, e.g. `{ alarmType: 'Standard' }`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Billed globally (no `regionCode`): the figure applies in every region. */
  readonly global?: boolean;
  /**
   * The tier to read, by where it begins (`300000000`); without it, the first paid tier. A rule per
   * tier lets one tiered product give several figures.
   */
  readonly tierBeginsAt?: number;
  /** How many of the offer's units one table unit holds: `1000000` when the offer prices one request and the table a million. */
  readonly unitsPerTableUnit?: number;
}

/**
 * Figures the generator reads. Others stay hand-kept: the Fargate Spot factor (Spot prices float and
 * are not in the offer files as a share), Cloud Map registrations (whose offer attributes we could
 * not confirm) and the VPC link's $0 (the offer lists no VPC link charge to read).
 */
export const PRICE_RULES: readonly PriceRule[] = [
  {
    key: 'fargate.x86.vcpu-hour',
    offerCode: 'AmazonECS',
    productFamily: 'Compute',
    usagetype: 'Fargate-vCPU-Hours:perCPU',
  },
  {
    key: 'fargate.x86.gb-hour',
    offerCode: 'AmazonECS',
    productFamily: 'Compute',
    usagetype: 'Fargate-GB-Hours',
  },
  {
    key: 'fargate.arm.vcpu-hour',
    offerCode: 'AmazonECS',
    productFamily: 'Compute',
    usagetype: 'Fargate-ARM-vCPU-Hours:perCPU',
  },
  {
    key: 'fargate.arm.gb-hour',
    offerCode: 'AmazonECS',
    productFamily: 'Compute',
    usagetype: 'Fargate-ARM-GB-Hours',
  },
  {
    key: 'fargate.ephemeral.gb-hour',
    offerCode: 'AmazonECS',
    productFamily: 'Compute',
    usagetype: 'Fargate-EphemeralStorage-GB-Hours',
  },
  { key: 'ipv4.address-hour', offerCode: 'AmazonVPC', usagetype: 'PublicIPv4:InUseAddress' },
  // NAT gateways have been listed under AmazonEC2 and under AmazonVPC; either file will do, and the
  // same price from both is one price.
  ...(['AmazonEC2', 'AmazonVPC'] as const).flatMap((offerCode): PriceRule[] => [
    { key: 'nat.hour', offerCode, productFamily: 'NAT Gateway', usagetype: 'NatGateway-Hours' },
    { key: 'nat.gb', offerCode, productFamily: 'NAT Gateway', usagetype: 'NatGateway-Bytes' },
  ]),
  {
    key: 'alb.hour',
    offerCode: 'AWSELB',
    productFamily: 'Load Balancer-Application',
    usagetype: 'LoadBalancerUsage',
  },
  {
    key: 'alb.lcu-hour',
    offerCode: 'AWSELB',
    productFamily: 'Load Balancer-Application',
    usagetype: 'LCUUsage',
  },
  {
    key: 'rds.gp3.gb-month',
    offerCode: 'AmazonRDS',
    productFamily: 'Database Storage',
    usagetype: 'RDS:GP3-Storage',
  },
  {
    key: 'rds.gp2.gb-month',
    offerCode: 'AmazonRDS',
    productFamily: 'Database Storage',
    usagetype: 'RDS:GP2-Storage',
  },
  {
    key: 'secretsmanager.secret-month',
    offerCode: 'AWSSecretsManager',
    productFamily: 'Secret',
    usagetype: 'AWSSecretsManager-Secrets',
  },
  {
    key: 'ssm.advanced-parameter-month',
    offerCode: 'AWSSystemsManager',
    usagetype: 'PS-Advanced-Param-Tier1',
  },
  {
    key: 'logs.ingested-gb',
    offerCode: 'AmazonCloudWatch',
    productFamily: 'Data Payload',
    usagetype: 'DataProcessing-Bytes',
  },
  {
    key: 'logs.stored-gb-month',
    offerCode: 'AmazonCloudWatch',
    productFamily: 'Storage Snapshot',
    usagetype: 'TimedStorage-ByteHrs',
  },
  {
    key: 'cloudwatch.alarm-metric-month',
    offerCode: 'AmazonCloudWatch',
    productFamily: 'Alarm',
    usagetype: 'CW:AlarmMonitorUsage',
    attributes: { alarmType: 'Standard' },
  },
  {
    key: 'cloudwatch.high-resolution-alarm-metric-month',
    offerCode: 'AmazonCloudWatch',
    productFamily: 'Alarm',
    usagetype: 'CW:AlarmMonitorUsage',
    attributes: { alarmType: 'High Resolution' },
  },
  { key: 'ecr.gb-month', offerCode: 'AmazonECR', usagetype: 'TimedStorage-ByteHrs' },
  { key: 'kms.key-month', offerCode: 'awskms', productFamily: 'Encryption Key', usagetype: 'KMS-Keys' },
  {
    key: 'route53.hosted-zone-month',
    offerCode: 'AmazonRoute53',
    productFamily: 'DNS Zone',
    usagetype: 'HostedZone',
    global: true,
  },
  // HTTP API requests, tiered at 300 million a month (infracost's aws_apigatewayv2_api reads the same
  // products: family `API Calls`, usage type `<prefix>-ApiGatewayHttpRequest`, tiers from 0 and 300M).
  ...(
    [
      ['apigateway.http.request-million', 0],
      ['apigateway.http.request-million-over-300m', 300_000_000],
    ] as const
  ).map(([key, tierBeginsAt]): PriceRule => ({
    key,
    offerCode: 'AmazonApiGateway',
    productFamily: 'API Calls',
    usagetype: 'ApiGatewayHttpRequest',
    tierBeginsAt,
    unitsPerTableUnit: 1_000_000,
  })),
  {
    key: 'vpc.interface-endpoint-az-hour',
    offerCode: 'AmazonVPC',
    productFamily: 'VpcEndpoint',
    usagetype: 'VpcEndpoint-Hours',
  },
];

/** RDS for PostgreSQL instances as the table prices them: Single-AZ, on-demand, in an AWS Region. */
export const RDS_INSTANCE_RULE = {
  offerCode: 'AmazonRDS',
  productFamily: 'Database Instance',
  attributes: { databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ' },
} as const;

const PREFIXED = /^(?:[A-Z]{2,4}\d{0,2}|[a-z]{2}(?:-[a-z]+)+-\d{1,2})-(.+)$/;

/**
 * `usagetype` without its region prefix: `EUC1-Fargate-GB-Hours` → `Fargate-GB-Hours`,
 * `us-east-1-KMS-Keys` → `KMS-Keys`. A prefix is two to four capitals and up to two digits, or a
 * region code, so `SpotUsage-Fargate-GB-Hours` keeps its first part and matches no rule.
 */
export function unprefixedUsage(usagetype: string): string {
  return PREFIXED.exec(usagetype)?.[1] ?? usagetype;
}

function hasAttributes(product: OfferProduct, wanted: Readonly<Record<string, string>> | undefined): boolean {
  return Object.entries(wanted ?? {}).every(([name, value]) => product.attributes[name] === value);
}

/** Products outside an AWS Region proper (Local Zones, Outposts, Wavelength) price differently. */
function inRegion(product: OfferProduct): boolean {
  const type = product.attributes.locationType;
  return type === undefined || type === 'AWS Region';
}

export function matchesRule(product: OfferProduct, rule: PriceRule): boolean {
  const usagetype = product.attributes.usagetype;
  return (
    usagetype !== undefined &&
    (usagetype === rule.usagetype || unprefixedUsage(usagetype) === rule.usagetype) &&
    (rule.productFamily === undefined || product.productFamily === rule.productFamily) &&
    hasAttributes(product, rule.attributes) &&
    (rule.global === true || inRegion(product))
  );
}

/** The instance class a product prices, when it is a Single-AZ PostgreSQL instance. */
export function rdsInstanceClass(product: OfferProduct): string | undefined {
  const instanceType = product.attributes.instanceType;
  if (instanceType === undefined || product.productFamily !== RDS_INSTANCE_RULE.productFamily)
    return undefined;
  if (!hasAttributes(product, RDS_INSTANCE_RULE.attributes) || !inRegion(product)) return undefined;
  return instanceType;
}
