import { isAllow, isPublicPrincipal, statementsOf } from '../support/policy-documents.js';
import { property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

export const ecrNoPublicPrincipal: SlipwayRule = {
  id: 'Slipway-ECR4',
  level: 'error',
  description: 'An ECR repository policy must not allow Principal "*"; name the accounts that pull instead.',
  check(resource) {
    if (resource.Type !== 'AWS::ECR::Repository') return 'not-applicable';
    const open = statementsOf(property(resource, 'RepositoryPolicyText')).filter(
      (statement) => isAllow(statement) && isPublicPrincipal(statement.Principal),
    );
    if (open.length === 0) return 'compliant';
    return violation(
      `statement ${open.map((statement) => statement.Sid ?? '(no Sid)').join(', ')} allows everyone`,
    );
  },
};
