import { asList, isRecord, property, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

export const ecrImmutableTags: SlipwayRule = {
  id: 'Slipway-ECR2',
  level: 'error',
  description:
    'An ECR repository must make tags immutable (IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION naming only the deliberately moving tags), so a deployed tag always means the same image.',
  check(resource) {
    if (resource.Type !== 'AWS::ECR::Repository') return 'not-applicable';
    const mutability = property(resource, 'ImageTagMutability');
    if (mutability === 'IMMUTABLE') return 'compliant';
    if (mutability !== 'IMMUTABLE_WITH_EXCLUSION') {
      return violation(
        `ImageTagMutability is ${mutability === undefined ? 'unset (MUTABLE)' : show(mutability)}`,
      );
    }
    const filters = asList(property(resource, 'ImageTagMutabilityExclusionFilters')).filter(isRecord);
    // A bare wildcard exempts every tag, which is MUTABLE under another name.
    const everything = filters.filter((filter) =>
      /^\*+$/.test(String(filter.ImageTagMutabilityExclusionFilterValue)),
    );
    return everything.length === 0
      ? 'compliant'
      : violation('an exclusion filter "*" makes every tag mutable');
  },
};
