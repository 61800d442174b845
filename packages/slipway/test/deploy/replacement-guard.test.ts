import { describe, expect, it } from 'vitest';
import { StatefulChangeRefusedError } from '../../src/deploy/errors.js';
import {
  refuseStatefulChanges,
  statefulChanges,
  unusedAllowances,
} from '../../src/deploy/replacement-guard.js';
import type { StackChanges } from '../../src/deploy/resource-change.js';

const stacks: StackChanges[] = [
  {
    name: 'shop-dev-data',
    changes: [
      {
        logicalId: 'DatabaseMainInstance',
        type: 'AWS::RDS::DBInstance',
        action: 'replace',
        stateful: true,
        reason: 'a new DBName requires replacement',
      },
      {
        logicalId: 'DatabaseMainSubnetGroup',
        type: 'AWS::RDS::DBSubnetGroup',
        action: 'modify',
        stateful: true,
      },
      {
        logicalId: 'DatabaseMainSecurityGroup',
        type: 'AWS::EC2::SecurityGroup',
        action: 'replace',
        stateful: false,
      },
    ],
  },
  {
    name: 'shop-dev-web',
    changes: [
      { logicalId: 'ServiceLogGroup', type: 'AWS::Logs::LogGroup', action: 'remove', stateful: true },
    ],
  },
];

describe('the stateful replacement guard', () => {
  it('lists replaced and removed stateful resources only, none allowed by default', () => {
    expect(statefulChanges(stacks).map((c) => [c.stack, c.logicalId, c.action, c.allowed])).toEqual([
      ['shop-dev-data', 'DatabaseMainInstance', 'replace', false],
      ['shop-dev-web', 'ServiceLogGroup', 'remove', false],
    ]);
  });

  it('refuses with each resource, why, and the exact flags that would allow it', () => {
    let error: unknown;
    try {
      refuseStatefulChanges(stacks, [], 'slipway deploy --env dev');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StatefulChangeRefusedError);
    const message = (error as Error).message;
    expect(message).toContain('Nothing was deployed');
    expect(message).toContain(
      'shop-dev-data  DatabaseMainInstance (AWS::RDS::DBInstance) would be replaced: a new DBName requires replacement',
    );
    expect(message).toContain('shop-dev-web  ServiceLogGroup (AWS::Logs::LogGroup) would be removed');
    expect(message).toContain(
      'slipway deploy --env dev --allow-replace DatabaseMainInstance --allow-replace ServiceLogGroup',
    );
    expect((error as StatefulChangeRefusedError).exitCode).toBe(1);
  });

  it('lets a deploy through when every stateful change is named, by id or by stack/id', () => {
    expect(() =>
      refuseStatefulChanges(stacks, ['DatabaseMainInstance', 'shop-dev-web/ServiceLogGroup'], 'x'),
    ).not.toThrow();
    expect(() => refuseStatefulChanges(stacks, ['DatabaseMainInstance'], 'x')).toThrow(/ServiceLogGroup/);
    expect(() =>
      refuseStatefulChanges(stacks, ['shop-dev-data/ServiceLogGroup', 'DatabaseMainInstance'], 'x'),
    ).toThrow(StatefulChangeRefusedError);
  });

  it('refuses a database that would move to another VPC, saying what would happen and the safe path', () => {
    const moving: StackChanges[] = [
      {
        name: 'shop-dev-data',
        changes: [
          {
            logicalId: 'DatabaseMainSubnetGroup',
            type: 'AWS::RDS::DBSubnetGroup',
            action: 'modify',
            stateful: true,
            reason: 'SubnetIds takes a new value from PrivateSubnet1',
            moves: 'subnets',
          },
          {
            logicalId: 'DatabaseMainInstance',
            type: 'AWS::RDS::DBInstance',
            action: 'modify',
            stateful: true,
            reason: 'VPCSecurityGroups takes a new value from DatabaseMainSecurityGroup',
            moves: 'vpc',
          },
        ],
      },
    ];
    expect(statefulChanges(moving).map((c) => c.logicalId)).toEqual([
      'DatabaseMainSubnetGroup',
      'DatabaseMainInstance',
    ]);
    let message = '';
    try {
      refuseStatefulChanges(moving, [], 'slipway deploy --env dev');
    } catch (caught) {
      expect(caught).toBeInstanceOf(StatefulChangeRefusedError);
      message = (caught as Error).message;
    }
    expect(message).toContain('Nothing was deployed');
    expect(message).toContain(
      'shop-dev-data  DatabaseMainInstance (AWS::RDS::DBInstance) would move to another VPC: VPCSecurityGroups takes a new value',
    );
    expect(message).toContain(
      'shop-dev-data  DatabaseMainSubnetGroup (AWS::RDS::DBSubnetGroup) would move to other subnets',
    );
    expect(message).toContain('network.cidr');
    expect(message).toContain('RDS cannot take a database in use to another VPC');
    expect(message).toMatch(/new environment with the new network.*restore a snapshot/);
    expect(message).toContain(
      'slipway deploy --env dev --allow-replace DatabaseMainSubnetGroup --allow-replace DatabaseMainInstance',
    );
    expect(() =>
      refuseStatefulChanges(moving, ['DatabaseMainSubnetGroup', 'DatabaseMainInstance'], 'x'),
    ).not.toThrow();
  });

  it('points out an --allow-replace that names nothing this deploy replaces', () => {
    expect(unusedAllowances(stacks, ['DatabaseMainInstance', 'DatabaseMainSubnetGroup', 'Typo'])).toEqual([
      'DatabaseMainSubnetGroup',
      'Typo',
    ]);
  });
});
