import { referencedResource } from '../support/references.js';
import { isRecord, property, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { isStandaloneInstance } from './standalone-instance.js';

export const rdsForceSsl: SlipwayRule = {
  id: 'Slipway-RDS1',
  level: 'error',
  description:
    'A PostgreSQL instance must use a parameter group in its stack that sets rds.force_ssl=1, so no client connects without TLS.',
  check(resource, { template }) {
    if (!isStandaloneInstance(resource)) return 'not-applicable';
    const engine = property(resource, 'Engine');
    if (typeof engine !== 'string' || !engine.toLowerCase().startsWith('postgres')) return 'not-applicable';

    const group = property(resource, 'DBParameterGroupName');
    if (group === undefined) return violation('it uses the engine default parameter group');
    const found = referencedResource(template, group);
    if (found?.resource.Type !== 'AWS::RDS::DBParameterGroup') {
      return violation(
        `parameter group ${show(group)} is not defined in this stack, so the setting cannot be verified`,
      );
    }
    const parameters = found.resource.Properties?.Parameters;
    const value = isRecord(parameters) ? parameters['rds.force_ssl'] : undefined;
    return String(value) === '1'
      ? 'compliant'
      : violation(
          `parameter group ${found.logicalId} sets rds.force_ssl=${value === undefined ? '(unset)' : show(value)}`,
        );
  },
};
