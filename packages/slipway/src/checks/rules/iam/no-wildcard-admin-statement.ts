import { identityPolicyDocuments, isAllow, statementsOf } from '../support/policy-documents.js';
import { asList, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/** `*` or a whole service (`s3:*`); narrower wildcards such as `s3:Get*` are left to AwsSolutions-IAM5. */
const WHOLE_SERVICE_ACTION = /^(\*|[a-z0-9-]+:\*)$/i;

export const iamNoWildcardAdminStatement: SlipwayRule = {
  id: 'Slipway-IAM1',
  level: 'error',
  description:
    'No IAM statement may allow "*" or a whole service ("s3:*"), or use NotAction, on Resource "*".',
  check(resource) {
    const documents = identityPolicyDocuments(resource);
    if (documents.length === 0) return 'not-applicable';
    const problems: string[] = [];
    for (const document of documents) {
      for (const statement of statementsOf(document)) {
        if (!isAllow(statement) || !asList(statement.Resource).includes('*')) continue;
        const broad = asList(statement.Action).filter(
          (action) => typeof action === 'string' && WHOLE_SERVICE_ACTION.test(action),
        );
        if (broad.length > 0) problems.push(`allows ${broad.map(show).join(', ')} on *`);
        if (statement.NotAction !== undefined)
          problems.push(`allows everything except ${show(statement.NotAction)} on *`);
      }
    }
    return problems.length === 0 ? 'compliant' : violation(problems.join('; '));
  },
};
