import { isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';

export const kmsKeyRotation: SlipwayRule = {
  id: 'Slipway-KMS1',
  level: 'error',
  description: 'A symmetric KMS key must enable automatic key rotation.',
  check(resource) {
    if (resource.Type !== 'AWS::KMS::Key') return 'not-applicable';
    // Asymmetric and HMAC keys cannot rotate automatically.
    const spec = property(resource, 'KeySpec');
    if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return 'not-applicable';
    return isTrue(property(resource, 'EnableKeyRotation')) ? 'compliant' : 'non-compliant';
  },
};
