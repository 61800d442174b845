import { violation } from '../../checks/rules/types.js';
import type { ManifestRule } from './manifest-rule.js';
import { containersOf, podSpecOf, record } from './pod-spec.js';

export const privilegedContainer: ManifestRule = {
  id: 'Slipway-K8S1',
  level: 'error',
  description: 'No container runs privileged: it would hold every capability of the node it runs on.',
  check(document) {
    const pod = podSpecOf(document);
    if (!pod) return 'not-applicable';
    const privileged = containersOf(pod).filter(
      ({ container }) => record(container.securityContext)?.privileged === true,
    );
    return privileged.length === 0
      ? 'compliant'
      : violation(`privileged: ${privileged.map((c) => c.name).join(', ')}`);
  },
};
