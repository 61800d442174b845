import { asList, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/** Deliberately broad: a false positive costs an acknowledgement, a miss leaks a credential. */
const CREDENTIAL_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;

export const ecsNoSecretEnvironment: SlipwayRule = {
  id: 'Slipway-ECS1',
  level: 'error',
  description:
    'A container must not have a plain Environment entry named like PASSWORD, SECRET, TOKEN or KEY; pass credentials through Secrets[].ValueFrom.',
  check(resource) {
    if (resource.Type !== 'AWS::ECS::TaskDefinition') return 'not-applicable';
    const offending: string[] = [];
    for (const container of asList(property(resource, 'ContainerDefinitions')).filter(isRecord)) {
      for (const variable of asList(container.Environment).filter(isRecord)) {
        if (typeof variable.Name === 'string' && CREDENTIAL_NAME.test(variable.Name)) {
          offending.push(`${String(container.Name)}: ${variable.Name}`);
        }
      }
    }
    return offending.length === 0 ? 'compliant' : violation(offending.join(', '));
  },
};
