import { isRecord, isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';

export const ecrScanOnPush: SlipwayRule = {
  id: 'Slipway-ECR1',
  level: 'error',
  description: 'An ECR repository must scan images on push.',
  check(resource) {
    if (resource.Type !== 'AWS::ECR::Repository') return 'not-applicable';
    const scanning = property(resource, 'ImageScanningConfiguration');
    return isRecord(scanning) && isTrue(scanning.ScanOnPush) ? 'compliant' : 'non-compliant';
  },
};
