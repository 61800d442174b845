import { priceDynamoTable } from './dynamodb-table.js';
import type { Pricer } from '../pricing-context.js';
import { priceAlarm } from './alarm.js';
import { priceCompositeAlarm } from './composite-alarm.js';
import { priceContainerInsights } from './container-insights.js';
import { priceDashboard } from './dashboard.js';
import { priceMetricFilter } from './metric-filter.js';
import { priceCacheReplicationGroup } from './cache-replication-group.js';
import { priceCloudMapInstance } from './cloud-map-instance.js';
import { priceDistribution } from './cloudfront-distribution.js';
import { priceUserPool, priceUserPoolClient } from './cognito.js';
import { priceEcrRepository } from './ecr-repository.js';
import { priceEcsService } from './ecs-service.js';
import { priceEksCluster } from './eks-cluster.js';
import { priceEksNodegroup } from './eks-nodegroup.js';
import { priceElasticIp } from './elastic-ip.js';
import { priceHostedZone } from './hosted-zone.js';
import { priceHttpApi } from './http-api.js';
import { priceKmsKey } from './kms-key.js';
import { priceLambdaFunction } from './lambda-function.js';
import { priceLoadBalancer } from './load-balancer.js';
import { priceLogGroup } from './log-group.js';
import { priceNatGateway } from './nat-gateway.js';
import { priceRdsInstance } from './rds-instance.js';
import { priceS3Bucket } from './s3-bucket.js';
import { priceSecret } from './secret.js';
import { priceSnsTopic } from './sns-topic.js';
import { priceSqsQueue } from './sqs-queue.js';
import { priceSsmParameter } from './ssm-parameter.js';
import { priceCanary } from './synthetics-canary.js';
import { priceVpcEndpoint } from './vpc-endpoint.js';
import { priceVpcLink } from './vpc-link.js';
import { priceWebAcl } from './waf-web-acl.js';
import { priceTelemetrySidecar } from './telemetry-sidecar.js';

/** The pricer of each CloudFormation type that costs money. */
export const PRICERS: Readonly<Record<string, Pricer>> = {
  'AWS::ECS::Service': priceEcsService,
  'AWS::EC2::NatGateway': priceNatGateway,
  'AWS::EC2::EIP': priceElasticIp,
  'AWS::EC2::VPCEndpoint': priceVpcEndpoint,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': priceLoadBalancer,
  'AWS::RDS::DBInstance': priceRdsInstance,
  'AWS::ElastiCache::ReplicationGroup': priceCacheReplicationGroup,
  'AWS::Cognito::UserPool': priceUserPool,
  // App clients are free (their users count as MAUs); machine clients have a fee and token requests.
  'AWS::Cognito::UserPoolClient': priceUserPoolClient,
  'AWS::DynamoDB::Table': priceDynamoTable,
  'AWS::Lambda::Function': priceLambdaFunction,
  // Requests of the queues functions use; other queues get no line (sqs-queue.ts).
  'AWS::SQS::Queue': priceSqsQueue,
  // Publishes of the topics functions subscribe to; the alarm topic gets no line (sns-topic.ts).
  'AWS::SNS::Topic': priceSnsTopic,
  'AWS::EKS::Cluster': priceEksCluster,
  'AWS::EKS::Nodegroup': priceEksNodegroup,
  'AWS::Logs::LogGroup': priceLogGroup,
  'AWS::CloudWatch::Alarm': priceAlarm,
  'AWS::CloudWatch::CompositeAlarm': priceCompositeAlarm,
  'AWS::CloudWatch::Dashboard': priceDashboard,
  'AWS::Logs::MetricFilter': priceMetricFilter,
  // The cluster is free; Container Insights on it is billed as metrics or observations.
  'AWS::ECS::Cluster': priceContainerInsights,
  'AWS::Synthetics::Canary': priceCanary,
  'AWS::SecretsManager::Secret': priceSecret,
  'AWS::SSM::Parameter': priceSsmParameter,
  'AWS::ECR::Repository': priceEcrRepository,
  'AWS::KMS::Key': priceKmsKey,
  'AWS::Route53::HostedZone': priceHostedZone,
  'AWS::ServiceDiscovery::PrivateDnsNamespace': priceHostedZone,
  'AWS::ServiceDiscovery::PublicDnsNamespace': priceHostedZone,
  'AWS::ServiceDiscovery::Instance': priceCloudMapInstance,
  'AWS::S3::Bucket': priceS3Bucket,
  'AWS::CloudFront::Distribution': priceDistribution,
  'AWS::WAFv2::WebACL': priceWebAcl,
  // HTTP APIs bill requests; WebSocket APIs get a "not priced" line. A VPC link is a $0 line
  // marked unverified: no charge was found for it, which is not the same as none.
  'AWS::ApiGatewayV2::Api': priceHttpApi,
  'AWS::ApiGatewayV2::VpcLink': priceVpcLink,
  // Fargate bills the task through its service; this prices a telemetry sidecar's backend only.
  'AWS::ECS::TaskDefinition': priceTelemetrySidecar,
};

/**
 * Types that cost nothing by themselves (or are priced through another resource: a task
 * definition through its service, a Cloud Map service through the ECS service registering tasks),
 * so they get no line. Any type in neither list gets a "not priced" line rather than silence.
 */
export const FREE_TYPES: ReadonlySet<string> = new Set([
  // An HTTP API's stages, routes, integrations, custom domain names and their mappings have no
  // charge of their own: the API bills its requests (API Gateway pricing page, decision 027).
  'AWS::ApiGatewayV2::ApiMapping',
  'AWS::ApiGatewayV2::DomainName',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Stage',
  'AWS::CDK::Metadata',
  'AWS::CertificateManager::Certificate',
  // Free by themselves: a VPC origin and cache policies cost nothing beyond the distribution's
  // requests; the access-log delivery is priced as the log group's ingestion.
  'AWS::CloudFront::CachePolicy',
  'AWS::CloudFront::VpcOrigin',
  'AWS::Logs::Delivery',
  'AWS::Logs::DeliveryDestination',
  'AWS::Logs::DeliverySource',
  // A pool's domain and resource servers are free; its users and machine clients are priced.
  'AWS::Cognito::UserPoolDomain',
  'AWS::Cognito::UserPoolResourceServer',
  'AWS::EC2::EgressOnlyInternetGateway',
  'AWS::EC2::FlowLog',
  'AWS::EC2::InternetGateway',
  // Free by itself; a node group prices the volumes its launch template gives each node.
  'AWS::EC2::LaunchTemplate',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::PrefixList',
  'AWS::EC2::Route',
  'AWS::EC2::RouteTable',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::Subnet',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::VPC',
  'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::ECR::RegistryPolicy',
  'AWS::ECS::ClusterCapacityProviderAssociations',
  // EKS add-ons, access entries and Pod Identity associations have no charge of their own.
  'AWS::EKS::AccessEntry',
  'AWS::EKS::Addon',
  'AWS::EKS::PodIdentityAssociation',
  'AWS::ElastiCache::SubnetGroup',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerCertificate',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::Events::Rule',
  'AWS::KMS::Alias',
  'AWS::Logs::ResourcePolicy',
  'AWS::RDS::DBClusterParameterGroup',
  'AWS::RDS::DBParameterGroup',
  'AWS::RDS::DBSubnetGroup',
  'AWS::RDS::OptionGroup',
  'AWS::Route53::RecordSet',
  'AWS::S3::BucketPolicy',
  'AWS::ServiceDiscovery::HttpNamespace',
  'AWS::ServiceDiscovery::Service',
  'AWS::SNS::Subscription',
  'AWS::SNS::TopicPolicy',
  // AWS's chat integration has no charge of its own (its pricing says one pays for the SNS
  // deliveries only; not in a price list, unverified); the topic's deliveries are priced with it.
  'AWS::Chatbot::SlackChannelConfiguration',
  // A stream or failure destination costs nothing of its own: calls and queue requests are priced.
  'AWS::Lambda::EventInvokeConfig',
  'AWS::Lambda::EventSourceMapping',
  'AWS::SQS::QueuePolicy',
  // Datadog bills no monitor of its own (its pricing lists monitors under no billing parameter, read
  // 2026-12-03, unverified). CloudFormation bills a third-party type's handler operations ($0.0009
  // each beyond 1,000 a month free, AWS's CloudFormation pricing page, read 2026-12-03), and they run
  // only when a deploy creates, changes or deletes a monitor: no monthly figure to give.
  'Datadog::Monitors::Monitor',
]);

/** Whole services that are free to declare: identity and access, and scaling policies. */
export const FREE_TYPE_PREFIXES: readonly string[] = ['AWS::IAM::', 'AWS::ApplicationAutoScaling::'];

export function isFreeType(type: string): boolean {
  return FREE_TYPES.has(type) || FREE_TYPE_PREFIXES.some((prefix) => type.startsWith(prefix));
}
