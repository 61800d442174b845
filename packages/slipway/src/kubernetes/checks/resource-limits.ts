import { violation } from '../../checks/rules/types.js';
import type { ManifestRule } from './manifest-rule.js';
import { containersOf, podSpecOf, record } from './pod-spec.js';

export const resourceLimits: ManifestRule = {
  id: 'Slipway-K8S3',
  level: 'error',
  description:
    'Every container has CPU and memory limits: one without them can starve the other pods of its node.',
  check(document) {
    const pod = podSpecOf(document);
    if (!pod) return 'not-applicable';
    const missing = containersOf(pod).flatMap(({ name, container }) => {
      const limits = record(record(container.resources)?.limits);
      const absent = (['cpu', 'memory'] as const).filter((resource) => limits?.[resource] === undefined);
      return absent.length === 0 ? [] : [`${name} (no ${absent.join(' or ')} limit)`];
    });
    return missing.length === 0 ? 'compliant' : violation(missing.join(', '));
  },
};
