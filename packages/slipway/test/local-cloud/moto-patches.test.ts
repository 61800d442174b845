import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  UpdateStackCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  RunTaskCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { KMSClient, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './emulator.js';

/**
 * Each patch of the emulator (src/local-cloud/moto/slipway_moto) against plain CloudFormation API
 * calls, on templates small enough to show what the patch is for.
 */
describe('the emulator patches', () => {
  const emulator = useEmulator();
  const cfn = () => new CloudFormationClient(emulator.config());

  async function create(
    name: string,
    template: object,
    extra: Partial<{ EnableTerminationProtection: boolean }> = {},
  ) {
    await cfn().send(
      new CreateStackCommand({ StackName: name, TemplateBody: JSON.stringify(template), ...extra }),
    );
    return (await cfn().send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  }

  it('creates the resource types moto skips, through its backends, and deletes them in dependency order', async () => {
    const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });
    const stack = await create('patches', {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
        Group: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { GroupDescription: 'a', VpcId: { Ref: 'Vpc' } },
        },
        Peer: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { GroupDescription: 'b', VpcId: { Ref: 'Vpc' } },
        },
        Egress: {
          Type: 'AWS::EC2::SecurityGroupEgress',
          Properties: {
            GroupId: getAtt('Group', 'GroupId'),
            IpProtocol: 'tcp',
            FromPort: 8080,
            ToPort: 8080,
            DestinationSecurityGroupId: getAtt('Peer', 'GroupId'),
          },
        },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.1.0.0/24' } },
        Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
        Association: {
          Type: 'AWS::EC2::SubnetRouteTableAssociation',
          Properties: { RouteTableId: { Ref: 'Table' }, SubnetId: { Ref: 'Subnet' } },
        },
        Namespace: {
          Type: 'AWS::ServiceDiscovery::PrivateDnsNamespace',
          Properties: { Name: 'test.internal', Vpc: { Ref: 'Vpc' } },
        },
        Discovery: {
          Type: 'AWS::ServiceDiscovery::Service',
          Properties: {
            Name: 'db',
            NamespaceId: getAtt('Namespace', 'Id'),
            DnsConfig: { DnsRecords: [{ Type: 'CNAME', TTL: 30 }] },
          },
        },
        Endpoint: {
          Type: 'AWS::ServiceDiscovery::Instance',
          Properties: {
            ServiceId: getAtt('Discovery', 'Id'),
            InstanceAttributes: { AWS_INSTANCE_CNAME: 'db.example.com' },
          },
        },
        Provider: {
          Type: 'AWS::IAM::OIDCProvider',
          Properties: {
            Url: 'https://token.actions.githubusercontent.com',
            ClientIdList: ['sts.amazonaws.com'],
          },
        },
        Secret: {
          Type: 'AWS::SecretsManager::Secret',
          Properties: { Name: 'test/secret', GenerateSecretString: {} },
        },
        Alarm: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            AlarmName: 'test-5xx',
            Namespace: 'AWS/ApplicationELB',
            MetricName: 'HTTPCode_Target_5XX_Count',
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            EvaluationPeriods: 2,
            Period: 60,
            Threshold: 10,
            Statistic: 'Sum',
            Dimensions: [{ Name: 'LoadBalancer', Value: 'app/x/y' }],
          },
        },
        Published: {
          Type: 'AWS::SSM::Parameter',
          Properties: { Name: '/test/vpc-id', Type: 'String', Value: { Ref: 'Vpc' }, Tags: { team: 'a' } },
        },
      },
      Outputs: {
        ProviderArn: { Value: { Ref: 'Provider' } },
        SecretArn: { Value: { Ref: 'Secret' } },
        NamespaceId: { Value: getAtt('Namespace', 'Id') },
        DiscoveryArn: { Value: getAtt('Discovery', 'Arn') },
        AlarmArn: { Value: getAtt('Alarm', 'Arn') },
      },
    });
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs).toEqual({
      ProviderArn: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
      SecretArn: expect.stringMatching(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:test\/secret-/),
      NamespaceId: expect.stringMatching(/^ns-/),
      DiscoveryArn: expect.stringMatching(/^arn:aws:servicediscovery:us-east-1:123456789012:service\/srv-/),
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:test-5xx',
    });

    const resources =
      (await cfn().send(new ListStackResourcesCommand({ StackName: 'patches' }))).StackResourceSummaries ??
      [];
    expect(resources.map((r) => r.LogicalResourceId).sort()).toEqual([
      'Alarm',
      'Association',
      'Discovery',
      'Egress',
      'Endpoint',
      'Group',
      'Namespace',
      'Peer',
      'Provider',
      'Published',
      'Secret',
      'Subnet',
      'Table',
      'Vpc',
    ]);
    const byId = Object.fromEntries(resources.map((r) => [r.LogicalResourceId, r.PhysicalResourceId]));

    const ec2 = new EC2Client(emulator.config());
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [byId.Group ?? ''] })))
      .SecurityGroups?.[0];
    expect(group?.IpPermissionsEgress).toContainEqual(
      expect.objectContaining({
        FromPort: 8080,
        ToPort: 8080,
        UserIdGroupPairs: [expect.objectContaining({ GroupId: byId.Peer })],
      }),
    );
    const ssm = new SSMClient(emulator.config());
    expect((await ssm.send(new GetParameterCommand({ Name: '/test/vpc-id' }))).Parameter?.Value).toBe(
      byId.Vpc,
    );

    // moto deletes in no order and leaves route tables behind; the VPC must go too.
    await cfn().send(new DeleteStackCommand({ StackName: 'patches' }));
    const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(vpcs.map((v) => v.VpcId)).not.toContain(byId.Vpc);
    const events =
      (await cfn().send(new DescribeStackEventsCommand({ StackName: stack?.StackId }))).StackEvents ?? [];
    expect(events[0]?.ResourceStatus).toBe('DELETE_COMPLETE');
    expect(
      events.filter((e) => e.ResourceStatus === 'DELETE_COMPLETE' && e.LogicalResourceId === 'Table'),
    ).toHaveLength(1);
  });

  it('fails a stack like CloudFormation: FAILED event with the reason, rollback, and a readable stack afterwards', async () => {
    const stack = await create('broken', {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16' } },
        Service: {
          Type: 'AWS::ECS::Service',
          Properties: { Cluster: 'no-such-cluster', TaskDefinition: 'nothing', DesiredCount: 1 },
          DependsOn: 'Vpc',
        },
      },
    });
    expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
    const events =
      (await cfn().send(new DescribeStackEventsCommand({ StackName: 'broken' }))).StackEvents ?? [];
    const failed = events.find(
      (e) => e.LogicalResourceId === 'Service' && e.ResourceStatus === 'CREATE_FAILED',
    );
    expect(failed?.ResourceStatusReason).toMatch(/ClusterNotFound|Cluster not found/);
    expect(events.map((e) => e.ResourceStatus)).toContain('ROLLBACK_IN_PROGRESS');
    // Reading the failed stack creates nothing, and the VPC created before the failure is gone.
    expect(
      (await cfn().send(new ListStackResourcesCommand({ StackName: 'broken' }))).StackResourceSummaries,
    ).toEqual([]);
    const vpcs = (await new EC2Client(emulator.config()).send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(vpcs.filter((v) => v.CidrBlock === '10.2.0.0/16')).toEqual([]);
  });

  it('enforces termination protection and lets it be lifted', async () => {
    const template = {
      Resources: {
        P: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/test/p', Type: 'String', Value: 'v' } },
      },
    };
    await create('protected', template, { EnableTerminationProtection: true });
    await expect(cfn().send(new DeleteStackCommand({ StackName: 'protected' }))).rejects.toThrow(
      'Stack [protected] cannot be deleted while TerminationProtection is enabled',
    );
    await cfn().send(
      new UpdateTerminationProtectionCommand({ StackName: 'protected', EnableTerminationProtection: false }),
    );
    expect(
      (await cfn().send(new DescribeStacksCommand({ StackName: 'protected' }))).Stacks?.[0]
        ?.EnableTerminationProtection,
    ).toBe(false);
    await cfn().send(new DeleteStackCommand({ StackName: 'protected' }));
    await expect(cfn().send(new DescribeStacksCommand({ StackName: 'protected' }))).rejects.toThrow(
      /does not exist/,
    );
  });

  it('reports SSM-typed parameters with their resolved value and follows a new value on update', async () => {
    const ssm = new SSMClient(emulator.config());
    await ssm.send(new PutParameterCommand({ Name: '/test/source', Type: 'String', Value: 'one' }));
    const template = JSON.stringify({
      Parameters: { Source: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/test/source' } },
      Resources: {
        Copy: {
          Type: 'AWS::SSM::Parameter',
          Properties: { Name: '/test/copy', Type: 'String', Value: { Ref: 'Source' } },
        },
      },
    });
    await cfn().send(new CreateStackCommand({ StackName: 'reader', TemplateBody: template }));
    const parameters = (await cfn().send(new DescribeStacksCommand({ StackName: 'reader' }))).Stacks?.[0]
      ?.Parameters;
    expect(parameters).toEqual([
      { ParameterKey: 'Source', ParameterValue: '/test/source', ResolvedValue: 'one' },
    ]);

    await ssm.send(
      new PutParameterCommand({ Name: '/test/source', Type: 'String', Value: 'two', Overwrite: true }),
    );
    await cfn().send(new UpdateStackCommand({ StackName: 'reader', TemplateBody: template }));
    expect((await ssm.send(new GetParameterCommand({ Name: '/test/copy' }))).Parameter?.Value).toBe('two');
  });

  it('rejects a stack whose SSM-typed parameter names a missing parameter, as CloudFormation does', async () => {
    const template = {
      Parameters: { Missing: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/test/missing' } },
      Resources: {
        P: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { Ref: 'Missing' } } },
      },
    };
    await expect(create('reads-missing', template)).rejects.toThrow(/Unable to fetch parameters/);
  });

  it('runs a one-off Fargate task sized by its task definition in a template-made VPC, and frees its interface on stop', async () => {
    const stack = await create('one-off', {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16' } },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.2.0.0/24' } },
        Group: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { GroupDescription: 'task', VpcId: { Ref: 'Vpc' } },
        },
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'one-off' } },
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'one-off',
            Cpu: '256',
            Memory: '512',
            NetworkMode: 'awsvpc',
            RequiresCompatibilities: ['FARGATE'],
            // Fargate containers may leave out their own memory; moto used to add it up and fail.
            ContainerDefinitions: [
              { Name: 'job', Image: 'public.ecr.aws/docker/library/postgres:17.6-alpine' },
            ],
          },
        },
      },
      Outputs: {
        Subnet: { Value: { Ref: 'Subnet' } },
        Group: { Value: { 'Fn::GetAtt': ['Group', 'GroupId'] } },
      },
    });
    const out = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    const ecs = new ECSClient(emulator.config());
    const ec2 = new EC2Client(emulator.config());
    const interfaces = async () =>
      ((await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? []).length;
    const before = await interfaces();

    const run = await ecs.send(
      new RunTaskCommand({
        cluster: 'one-off',
        taskDefinition: 'one-off',
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: { subnets: [out.Subnet ?? ''], securityGroups: [out.Group ?? ''] },
        },
        overrides: {
          containerOverrides: [{ name: 'job', environment: [{ name: 'ACTION', value: 'ensure' }] }],
        },
      }),
    );
    const arn = run.tasks?.[0]?.taskArn ?? '';
    expect(arn).toMatch(/^arn:aws:ecs:/);
    expect(await interfaces()).toBe(before + 1);

    await ecs.send(new StopTaskCommand({ cluster: 'one-off', task: arn, reason: 'done' }));
    const [task] =
      (await ecs.send(new DescribeTasksCommand({ cluster: 'one-off', tasks: [arn] }))).tasks ?? [];
    expect(task?.lastStatus).toBe('STOPPED');
    expect(task?.overrides?.containerOverrides?.[0]?.environment).toEqual([
      { name: 'ACTION', value: 'ensure' },
    ]);
    expect(await interfaces()).toBe(before);
  });

  it('deletes what a service stack made in shared places: its ECS service, task definition and ingress rules', async () => {
    await create('shared', {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.3.0.0/16' } },
        Group: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { GroupDescription: 'shared', VpcId: { Ref: 'Vpc' } },
        },
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'shared' } },
      },
      Outputs: { Group: { Value: { 'Fn::GetAtt': ['Group', 'GroupId'] } } },
    });
    const group = (await cfn().send(new DescribeStacksCommand({ StackName: 'shared' }))).Stacks?.[0]
      ?.Outputs?.[0]?.OutputValue;
    await create('service', {
      Resources: {
        Ingress: {
          Type: 'AWS::EC2::SecurityGroupIngress',
          Properties: {
            GroupId: group,
            IpProtocol: 'tcp',
            FromPort: 9001,
            ToPort: 9001,
            CidrIp: '0.0.0.0/0',
            Description: 'x',
          },
        },
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'service',
            Cpu: '256',
            Memory: '512',
            ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27' }],
          },
        },
        Service: {
          Type: 'AWS::ECS::Service',
          Properties: {
            Cluster: 'shared',
            TaskDefinition: { Ref: 'Task' },
            DesiredCount: 1,
            ServiceName: 'web',
          },
        },
      },
    });
    const ec2 = new EC2Client(emulator.config());
    const ecs = new ECSClient(emulator.config());
    const ingress = async () =>
      (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [group ?? ''] }))).SecurityGroups?.[0]
        ?.IpPermissions ?? [];
    expect(await ingress()).toHaveLength(1);
    expect((await ecs.send(new ListServicesCommand({ cluster: 'shared' }))).serviceArns).toHaveLength(1);

    await cfn().send(new DeleteStackCommand({ StackName: 'service' }));
    expect(await ingress()).toEqual([]);
    expect((await ecs.send(new ListServicesCommand({ cluster: 'shared' }))).serviceArns).toEqual([]);
    const definition = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'service:1' }));
    expect(definition.taskDefinition?.status).toBe('INACTIVE');
  });

  it('creates a KMS key whose tags come as CloudFormation gives them, Key and Value', async () => {
    const stack = await create('tagged-key', {
      Resources: {
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: {
            KeyPolicy: { Version: '2012-10-17', Statement: [] },
            EnableKeyRotation: true,
            Tags: [{ Key: 'slipway:app', Value: 'medications' }],
          },
        },
      },
      Outputs: { KeyId: { Value: { Ref: 'Key' } } },
    });
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const keyId = stack?.Outputs?.[0]?.OutputValue;
    const tags = await new KMSClient(emulator.config()).send(new ListResourceTagsCommand({ KeyId: keyId }));
    expect(tags.Tags).toEqual([{ TagKey: 'slipway:app', TagValue: 'medications' }]);
  });

  it('keeps the KMS key a CloudFormation log group names', async () => {
    const stack = await create('encrypted-logs', {
      Resources: {
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: { KeyPolicy: { Version: '2012-10-17', Statement: [] }, EnableKeyRotation: true },
        },
        Group: {
          Type: 'AWS::Logs::LogGroup',
          Properties: {
            LogGroupName: 'encrypted',
            RetentionInDays: 30,
            KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] },
          },
        },
      },
      Outputs: { KeyArn: { Value: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
    });
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const groups = await new CloudWatchLogsClient(emulator.config()).send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: 'encrypted' }),
    );
    expect(groups.logGroups?.[0]?.kmsKeyId).toBe(stack?.Outputs?.[0]?.OutputValue);
  });

  it('creates and deletes CodeBuild projects and CodePipeline pipelines', async () => {
    const template = {
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { Service: 'codepipeline.amazonaws.com' },
                },
              ],
            },
          },
        },
        Bucket: { Type: 'AWS::S3::Bucket' },
        Project: {
          Type: 'AWS::CodeBuild::Project',
          Properties: {
            Name: 'image-definitions',
            ServiceRole: { 'Fn::GetAtt': ['Role', 'Arn'] },
            Source: { Type: 'CODEPIPELINE', BuildSpec: '{"version":"0.2"}' },
            Artifacts: { Type: 'CODEPIPELINE' },
            Environment: {
              Type: 'ARM_CONTAINER',
              ComputeType: 'BUILD_GENERAL1_SMALL',
              Image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0',
            },
            Tags: [{ Key: 'slipway:app', Value: 'shop' }],
          },
        },
        Pipeline: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Name: 'shop-dev-web',
            PipelineType: 'V2',
            RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
            ArtifactStore: { Type: 'S3', Location: { Ref: 'Bucket' } },
            Stages: [
              {
                Name: 'Source',
                Actions: [
                  {
                    Name: 'dev-latest',
                    ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'ECR', Version: '1' },
                    Configuration: { RepositoryName: 'shop/web', ImageTag: 'dev-latest' },
                    OutputArtifacts: [{ Name: 'Image' }],
                  },
                ],
              },
              {
                Name: 'ImageDefinitions',
                Actions: [
                  {
                    Name: 'Write',
                    ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' },
                    Configuration: { ProjectName: { Ref: 'Project' } },
                    InputArtifacts: [{ Name: 'Image' }],
                  },
                ],
              },
            ],
            Tags: [{ Key: 'slipway:app', Value: 'shop' }],
          },
        },
      },
      Outputs: {
        Pipeline: { Value: { Ref: 'Pipeline' } },
        Project: { Value: { 'Fn::GetAtt': ['Project', 'Arn'] } },
      },
    };
    const stack = await create('delivery', template);
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    expect(Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]))).toEqual({
      Pipeline: 'shop-dev-web',
      Project: 'arn:aws:codebuild:us-east-1:123456789012:project/image-definitions',
    });

    // moto refuses a second pipeline of the same name: creating the stack again after deleting it
    // shows the delete removed the pipeline.
    await cfn().send(new DeleteStackCommand({ StackName: 'delivery' }));
    expect((await create('delivery-again', template))?.StackStatus).toBe('CREATE_COMPLETE');
  });
  it('creates a Valkey replication group in its subnet group, with its endpoint, and lets both go', async () => {
    const template = {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.7.0.0/16' } },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.7.0.0/24' } },
        Group: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { GroupDescription: 'cache', VpcId: { Ref: 'Vpc' } },
        },
        CacheSubnets: {
          Type: 'AWS::ElastiCache::SubnetGroup',
          Properties: { Description: 'private', SubnetIds: [{ Ref: 'Subnet' }] },
        },
        Cache: {
          Type: 'AWS::ElastiCache::ReplicationGroup',
          Properties: {
            ReplicationGroupDescription: 'sessions',
            Engine: 'valkey',
            EngineVersion: '8.0',
            CacheNodeType: 'cache.t4g.micro',
            NumCacheClusters: 1,
            CacheSubnetGroupName: { Ref: 'CacheSubnets' },
            SecurityGroupIds: [{ 'Fn::GetAtt': ['Group', 'GroupId'] }],
            Port: 6379,
            TransitEncryptionEnabled: true,
            AtRestEncryptionEnabled: true,
          },
        },
      },
      Outputs: {
        Group: { Value: { Ref: 'Cache' } },
        Host: { Value: { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Address'] } },
        Port: { Value: { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Port'] } },
      },
    };
    const stack = await create('cache', template);
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.Group).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(outputs.Host).toContain(outputs.Group);
    expect(outputs.Port).toBe('6379');

    // Deleting frees both names: the same stack can be made again.
    await cfn().send(new DeleteStackCommand({ StackName: 'cache' }));
    expect((await create('cache', template))?.StackStatus).toBe('CREATE_COMPLETE');
    await cfn().send(new DeleteStackCommand({ StackName: 'cache' }));
  });
});
