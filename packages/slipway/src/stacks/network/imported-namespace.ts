import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { EnvironmentModel } from '../../model/types.js';
import { privateDnsNamespace } from '../../naming/names.js';
import { type EnvironmentRef, networkKeys, readValue } from '../shared/cross-stack.js';
import { regionFacts } from '../shared/partition.js';

/** The environment's private DNS namespace, from the id the network stack published. */
export function importNamespace(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
): servicediscovery.IPrivateDnsNamespace {
  const namespaceId = readValue(scope, where, 'network', networkKeys.namespaceId);
  const { partition } = regionFacts(env.region);
  return servicediscovery.PrivateDnsNamespace.fromPrivateDnsNamespaceAttributes(scope, 'Namespace', {
    namespaceName: privateDnsNamespace(where.app),
    namespaceId,
    // Derived rather than read: one template parameter fewer, and the format is fixed.
    namespaceArn: `arn:${partition}:servicediscovery:${env.region}:${env.account}:namespace/${namespaceId}`,
  });
}
