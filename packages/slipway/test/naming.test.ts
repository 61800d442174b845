import { describe, expect, it } from 'vitest';
import { layerStackName, serviceStackName, ssmParameterName } from '../src/naming/names.js';

describe('names', () => {
  it('derives stack names per environment and layer', () => {
    expect(layerStackName('megadolls', 'dev', 'network')).toBe('megadolls-dev-network');
    expect(serviceStackName('megadolls', 'prod', 'web')).toBe('megadolls-prod-web');
  });

  it('puts cross-stack values under /<app>/<env>/<layer>/<name>', () => {
    expect(ssmParameterName('megadolls', 'dev', 'network', 'vpc-id')).toBe('/megadolls/dev/network/vpc-id');
  });
});
