import { violation } from '../../checks/rules/types.js';
import type { ManifestRule } from './manifest-rule.js';
import { podSpecOf } from './pod-spec.js';

export const hostNamespaces: ManifestRule = {
  id: 'Slipway-K8S2',
  level: 'error',
  description: "Pods share neither the node's network nor its process namespace (hostNetwork, hostPID).",
  check(document) {
    const pod = podSpecOf(document);
    if (!pod) return 'not-applicable';
    const shared = (['hostNetwork', 'hostPID'] as const).filter((field) => pod[field] === true);
    return shared.length === 0 ? 'compliant' : violation(`sets ${shared.join(' and ')}`);
  },
};
