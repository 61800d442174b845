/** Every Slipway rule, in the order findings are reported. Add a rule here and nowhere else. */

import { authPublicServiceChecksTokens } from './auth/public-service-checks-tokens.js';
import { cfnResourceTypeInRegion } from './cfn/resource-type-in-region.js';
import { cfnStatefulRetention } from './cfn/stateful-retention.js';
import { ec2InternetIngressWebPorts } from './ec2/internet-ingress-web-ports.js';
import { ec2SingleInternetFacingGroup } from './ec2/single-internet-facing-group.js';
import { ecrImmutableTags } from './ecr/immutable-tags.js';
import { ecrLifecyclePolicy } from './ecr/lifecycle-policy.js';
import { ecrNoPublicPrincipal } from './ecr/no-public-principal.js';
import { ecrScanOnPush } from './ecr/scan-on-push.js';
import { ecsDeploymentAlarms } from './ecs/deployment-alarms.js';
import { ecsDeregistrationWithinStopTimeout } from './ecs/deregistration-within-stop-timeout.js';
import { ecsHttpApiContainerHealth } from './ecs/http-api-container-health.js';
import { ecsNoSecretEnvironment } from './ecs/no-secret-environment.js';
import { ecsProductionDeploymentPercents } from './ecs/production-deployment-percents.js';
import { ecsProductionDesiredCount } from './ecs/production-desired-count.js';
import { ecsProductionHealthCheckGrace } from './ecs/production-health-check-grace.js';
import { ecsRollingCircuitBreaker } from './ecs/rolling-circuit-breaker.js';
import { eksControlPlaneLogs } from './eks/control-plane-logs.js';
import { eksNodeImdsv2 } from './eks/node-imdsv2.js';
import { eksPrivateNodeSubnets } from './eks/private-node-subnets.js';
import { eksProductionControlPlaneLogs } from './eks/production-control-plane-logs.js';
import { eksPublicEndpoint } from './eks/public-endpoint.js';
import { eksScopedAccessEntries } from './eks/scoped-access-entries.js';
import { eksStandardSupport } from './eks/standard-support.js';
import { elbAccessLogs } from './elb/access-logs.js';
import { elbDropInvalidHeaders } from './elb/drop-invalid-headers.js';
import { elbHttpRedirectsToHttps } from './elb/http-redirects-to-https.js';
import { elbProductionDeletionProtection } from './elb/production-deletion-protection.js';
import { elbProductionHttps } from './elb/production-https.js';
import { iamGithubOidcProvider } from './iam/github-oidc-provider.js';
import { iamGithubOidcTrust } from './iam/github-oidc-trust.js';
import { iamGitlabOidcTrust } from './iam/gitlab-oidc-trust.js';
import { iamNoAdministratorAccess } from './iam/no-administrator-access.js';
import { iamNoWildcardAdminStatement } from './iam/no-wildcard-admin-statement.js';
import { dynamodbProductionDeletionProtection } from './dynamodb/production-deletion-protection.js';
import { dynamodbProductionPointInTimeRecovery } from './dynamodb/production-point-in-time-recovery.js';
import { lambdaFailureDestination } from './lambda/failure-destination.js';
import { kmsKeyRotation } from './kms/key-rotation.js';
import { logsRetention } from './logs/retention.js';
import { observabilityPinnedSidecarImages } from './observability/pinned-sidecar-images.js';
import { observabilityProductionAlarmsNotify } from './observability/production-alarms-notify.js';
import { observabilityPublicServiceAlarms } from './observability/public-service-alarms.js';
import { rdsBackupRetention } from './rds/backup-retention.js';
import { rdsForceSsl } from './rds/force-ssl.js';
import { rdsIamAuthentication } from './rds/iam-authentication.js';
import { rdsPerformanceInsights } from './rds/performance-insights.js';
import { rdsProductionDeletionProtection } from './rds/production-deletion-protection.js';
import { rdsProductionKeepAutomatedBackups } from './rds/production-keep-automated-backups.js';
import { rdsProductionMultiAz } from './rds/production-multi-az.js';
import type { SlipwayRule } from './types.js';
import { vpcFlowLog } from './vpc/flow-log.js';

export const SLIPWAY_RULES: readonly SlipwayRule[] = [
  cfnStatefulRetention,
  cfnResourceTypeInRegion,
  rdsForceSsl,
  rdsIamAuthentication,
  rdsPerformanceInsights,
  rdsProductionMultiAz,
  rdsProductionDeletionProtection,
  rdsBackupRetention,
  rdsProductionKeepAutomatedBackups,
  dynamodbProductionPointInTimeRecovery,
  dynamodbProductionDeletionProtection,
  lambdaFailureDestination,
  ecrScanOnPush,
  ecrImmutableTags,
  ecrLifecyclePolicy,
  ecrNoPublicPrincipal,
  vpcFlowLog,
  ec2InternetIngressWebPorts,
  ec2SingleInternetFacingGroup,
  elbDropInvalidHeaders,
  elbAccessLogs,
  elbProductionDeletionProtection,
  elbHttpRedirectsToHttps,
  elbProductionHttps,
  ecsNoSecretEnvironment,
  ecsRollingCircuitBreaker,
  ecsDeploymentAlarms,
  ecsProductionDeploymentPercents,
  ecsProductionDesiredCount,
  ecsProductionHealthCheckGrace,
  ecsDeregistrationWithinStopTimeout,
  ecsHttpApiContainerHealth,
  authPublicServiceChecksTokens,
  observabilityProductionAlarmsNotify,
  observabilityPublicServiceAlarms,
  observabilityPinnedSidecarImages,
  eksPublicEndpoint,
  eksProductionControlPlaneLogs,
  eksControlPlaneLogs,
  eksStandardSupport,
  eksPrivateNodeSubnets,
  eksNodeImdsv2,
  eksScopedAccessEntries,
  iamNoWildcardAdminStatement,
  iamNoAdministratorAccess,
  iamGithubOidcTrust,
  iamGithubOidcProvider,
  iamGitlabOidcTrust,
  logsRetention,
  kmsKeyRotation,
];
