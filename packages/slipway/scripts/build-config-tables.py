#!/usr/bin/env python3
"""
Builds src/config/data/aws-tables.generated.ts, the region, zone, PostgreSQL version, RDS
instance class and resource type tables the config validator checks against, from the data AWS
ships inside cfn-lint. Synth never calls AWS, so these tables stand in for describe-availability-zones and
describe-orderable-db-instance-options; taking them from cfn-lint means the validator and the
linter every template passes through agree by construction.

    python3 packages/slipway/scripts/build-config-tables.py          # rewrite the table
    python3 packages/slipway/scripts/build-config-tables.py --check  # exit 1 when it is stale
    python3 packages/slipway/scripts/build-config-tables.py --verify # lint every accepted pair

What the table holds, and which cfn-lint rule each part mirrors:
- zones: cfnlint.helpers.AVAILABILITY_ZONES (what cfn-lint resolves Fn::GetAZs to);
- PostgreSQL versions: E3691's list for engine 'postgres' (engine_version.json) minus the ones
  W3691 calls deprecated (engine_version_deprecated.json: "cannot be used to create new RDS DB
  instances"), in Slipway's 'major.minor' form, from MIN_MAJOR up;
- classes per version: E3062 (db_instance_class.json), which keys on engine and engine version
  and ignores the region;
- classes per region: E3025 (dbinstanceclass_enum.json), which keys on region, engine and
  license model (Slipway sets no LicenseModel) and ignores the version.
- resource types per region: E3006, which looks the type up in the region's provider schema
  (PROVIDER_SCHEMA_MANAGER.get_resource_types); only the types in SLIPWAY_RESOURCE_TYPES are kept.
A class is orderable for a version in a region when both lists hold it: cfn-lint raises E3062 or
E3025 otherwise. Each rule's `if` is evaluated as JSON Schema rather than pattern-matched, so a
branch cfn-lint would apply is not missed; the script stops when the data's shape changes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple

import cfnlint
import cfnlint.data.schemas.extensions.aws_rds_dbinstance as rds_data
import jsonschema
from cfnlint.helpers import AVAILABILITY_ZONES
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER
from cfnlint.version import __version__ as CFN_LINT_VERSION

OUTPUT = Path(__file__).resolve().parent.parent / 'src' / 'config' / 'data' / 'aws-tables.generated.ts'

# Slipway's regions: the commercial (aws partition) regions it supports. New ones are added here
# by hand, together with their prices; the script names any cfn-lint knows that are missing.
SLIPWAY_REGIONS = [
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
    'ca-central-1', 'ca-west-1', 'mx-central-1', 'sa-east-1',
    'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2',
    'eu-north-1', 'eu-south-1', 'eu-south-2',
    'il-central-1', 'me-south-1', 'me-central-1', 'af-south-1',
    'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
    'ap-southeast-5', 'ap-southeast-7',
    'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
]
# Every CloudFormation resource type a Slipway stack can create, by the layer of stacks that creates
# it (a layer's stacks share a region: the CI region for ci and pipeline, us-east-1 for edge, the
# environment's for the rest). The config check reads this to know what each stack needs from its region; a test
# synthesizes configs exercising every option and fails on a type missing here.
SLIPWAY_RESOURCE_TYPES: dict[str, list[str]] = {
    'ci': [
        'AWS::ECR::Repository',
        'AWS::IAM::OIDCProvider',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
    ],
    'pipeline': [
        'AWS::CodeBuild::Project',
        'AWS::CodePipeline::Pipeline',
        'AWS::Events::Rule',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::KMS::Alias',
        'AWS::KMS::Key',
        'AWS::Logs::LogGroup',
        'AWS::S3::Bucket',
        'AWS::S3::BucketPolicy',
    ],
    'pipeline-target': [
        # Not in the template: the pipelines' deploy actions run in this region, and CodePipeline
        # runs cross-region actions only where it is offered.
        'AWS::CodePipeline::Pipeline',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::KMS::Alias',
        'AWS::KMS::Key',
        'AWS::S3::Bucket',
        'AWS::S3::BucketPolicy',
    ],
    'network': [
        'AWS::EC2::EIP',
        'AWS::EC2::FlowLog',
        'AWS::EC2::InternetGateway',
        'AWS::EC2::NatGateway',
        'AWS::EC2::Route',
        'AWS::EC2::RouteTable',
        'AWS::EC2::Subnet',
        'AWS::EC2::SubnetRouteTableAssociation',
        'AWS::EC2::VPC',
        'AWS::EC2::VPCEndpoint',
        'AWS::EC2::VPCGatewayAttachment',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::KMS::Alias',
        'AWS::KMS::Key',
        'AWS::Logs::LogGroup',
        'AWS::SSM::Parameter',
        'AWS::ServiceDiscovery::PrivateDnsNamespace',
    ],
    'data': [
        'AWS::Cognito::UserPool',
        'AWS::Cognito::UserPoolClient',
        'AWS::Cognito::UserPoolDomain',
        'AWS::Cognito::UserPoolResourceServer',
        'AWS::DynamoDB::Table',
        'AWS::EC2::SecurityGroup',
        'AWS::EC2::SecurityGroupIngress',
        'AWS::ECS::TaskDefinition',
        'AWS::ElastiCache::ReplicationGroup',
        'AWS::ElastiCache::SubnetGroup',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::KMS::Alias',
        'AWS::KMS::Key',
        'AWS::Logs::LogGroup',
        'AWS::RDS::DBInstance',
        'AWS::RDS::DBParameterGroup',
        'AWS::RDS::DBSubnetGroup',
        'AWS::SSM::Parameter',
        'AWS::SecretsManager::Secret',
        'AWS::ServiceDiscovery::Instance',
        'AWS::ServiceDiscovery::Service',
    ],
    'runtime': [
        'AWS::ApiGatewayV2::Api',
        'AWS::ApiGatewayV2::ApiMapping',
        'AWS::ApiGatewayV2::DomainName',
        'AWS::ApiGatewayV2::Stage',
        'AWS::ApiGatewayV2::VpcLink',
        'AWS::Chatbot::SlackChannelConfiguration',
        'AWS::EC2::SecurityGroup',
        'AWS::ECS::Cluster',
        'AWS::ECS::ClusterCapacityProviderAssociations',
        'AWS::ElasticLoadBalancingV2::Listener',
        'AWS::ElasticLoadBalancingV2::LoadBalancer',
        'AWS::IAM::ManagedPolicy',
        'AWS::IAM::Role',
        'AWS::Logs::LogGroup',
        'AWS::S3::Bucket',
        'AWS::S3::BucketPolicy',
        'AWS::SNS::Subscription',
        'AWS::SNS::Topic',
        'AWS::SNS::TopicPolicy',
        'AWS::SSM::Parameter',
    ],
    'cluster': [
        'AWS::Chatbot::SlackChannelConfiguration',
        'AWS::EC2::LaunchTemplate',
        'AWS::EC2::SecurityGroup',
        'AWS::EC2::SecurityGroupIngress',
        'AWS::ECS::Cluster',
        'AWS::ECS::ClusterCapacityProviderAssociations',
        'AWS::EKS::AccessEntry',
        'AWS::EKS::Addon',
        'AWS::EKS::Cluster',
        'AWS::EKS::Nodegroup',
        'AWS::EKS::PodIdentityAssociation',
        'AWS::Events::Rule',
        'AWS::IAM::ManagedPolicy',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::KMS::Alias',
        'AWS::KMS::Key',
        'AWS::SNS::Subscription',
        'AWS::SNS::Topic',
        'AWS::SNS::TopicPolicy',
        'AWS::SQS::Queue',
        'AWS::SQS::QueuePolicy',
        'AWS::SSM::Parameter',
    ],
    'edge': [
        'AWS::CloudFront::CachePolicy',
        'AWS::CloudFront::Distribution',
        'AWS::CloudFront::VpcOrigin',
        'AWS::Logs::Delivery',
        'AWS::Logs::DeliveryDestination',
        'AWS::Logs::DeliverySource',
        'AWS::Logs::LogGroup',
        'AWS::WAFv2::WebACL',
    ],
    'functions': [
        'AWS::CloudWatch::Alarm',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::Lambda::EventInvokeConfig',
        'AWS::Lambda::EventSourceMapping',
        'AWS::Lambda::Function',
        'AWS::Logs::LogGroup',
        'AWS::SNS::Subscription',
        'AWS::SNS::Topic',
        'AWS::SNS::TopicPolicy',
        'AWS::SQS::Queue',
        'AWS::SQS::QueuePolicy',
    ],
    'service': [
        'AWS::ApiGatewayV2::Integration',
        'AWS::ApiGatewayV2::Route',
        'AWS::ApplicationAutoScaling::ScalableTarget',
        'AWS::ApplicationAutoScaling::ScalingPolicy',
        'AWS::CloudWatch::Alarm',
        'AWS::CloudWatch::CompositeAlarm',
        'AWS::EC2::SecurityGroup',
        'AWS::EC2::SecurityGroupEgress',
        'AWS::EC2::SecurityGroupIngress',
        'AWS::ECS::Service',
        'AWS::ECS::TaskDefinition',
        'AWS::ElasticLoadBalancingV2::ListenerRule',
        'AWS::ElasticLoadBalancingV2::TargetGroup',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::Logs::LogGroup',
        'AWS::Logs::MetricFilter',
        'AWS::ServiceDiscovery::Service',
    ],
    'monitoring': [
        'AWS::CloudWatch::Alarm',
        'AWS::CloudWatch::Dashboard',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::S3::Bucket',
        'AWS::S3::BucketPolicy',
        'AWS::Synthetics::Canary',
    ],
    'preview': [
        'AWS::ApiGatewayV2::Integration',
        'AWS::ApiGatewayV2::Route',
        'AWS::EC2::SecurityGroup',
        'AWS::EC2::SecurityGroupEgress',
        'AWS::EC2::SecurityGroupIngress',
        'AWS::ECS::Service',
        'AWS::ECS::TaskDefinition',
        'AWS::ElasticLoadBalancingV2::Listener',
        'AWS::ElasticLoadBalancingV2::ListenerRule',
        'AWS::ElasticLoadBalancingV2::TargetGroup',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::Logs::LogGroup',
        'AWS::ServiceDiscovery::Service',
    ],
}
# Partitions other than aws: China, GovCloud, the isolated regions, the European Sovereign Cloud.
OTHER_PARTITIONS = re.compile(r'^(cn-|us-gov-|us-iso|eu-iso|eusc-)')

# Slipway policy, not AWS data: majors before 13 run only on paid RDS Extended Support.
MIN_MAJOR = 13
ENGINE = 'postgres'
# How Slipway writes a class and a version (the stacks parse both this way).
CLASS_SHAPE = re.compile(r'^db\.[a-z0-9]+\.[a-z0-9]+$')
VERSION_SHAPE = re.compile(r'^(\d+)\.(\d+)$')
# Any string: cfn-lint's `if`s only ask that the class be a string (checked in `then_classes`).
PROBE_CLASS = 'db.probe.size'

SIZE_ORDER = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge']


class ShapeChanged(Exception):
    """cfn-lint's data no longer looks as this script expects; read it again before trusting it."""


class UnknownType(Exception):
    """A type in SLIPWAY_RESOURCE_TYPES that no accepted region has: most likely misspelt."""


def load(name: str) -> dict:
    path = Path(os.path.dirname(rds_data.__file__)) / name
    with open(path, encoding='utf-8') as handle:
        return json.load(handle)


def matches(schema: object, instance: dict) -> bool:
    return jsonschema.Draft7Validator(schema).is_valid(instance)


def then_classes(rule: dict) -> set[str]:
    """The classes a matched branch allows; its `if` may only ask that the class be a string."""
    condition = rule['if'].get('properties', {}).get('DBInstanceClass')
    if condition not in (None, {'type': 'string'}):
        raise ShapeChanged(f'an if constrains DBInstanceClass: {condition}')
    then = rule.get('then', {})
    if set(then) != {'properties'} or set(then['properties']) != {'DBInstanceClass'}:
        raise ShapeChanged(f'unexpected then: {json.dumps(then)[:200]}')
    return set(then['properties']['DBInstanceClass']['enum'])


def allowed_classes(rules: list[dict], instance: dict) -> set[str] | None:
    """Intersection over every branch whose `if` holds (cfn-lint applies them all); None if none."""
    allowed: set[str] | None = None
    for rule in rules:
        if set(rule) - {'if', 'then'}:
            raise ShapeChanged(f'unexpected keys in a rule: {sorted(rule)}')
        if not matches(rule['if'], {**instance, 'DBInstanceClass': PROBE_CLASS}):
            continue
        classes = then_classes(rule)
        allowed = classes if allowed is None else allowed & classes
    return allowed


def postgres_versions() -> list[str]:
    offered = load('engine_version.json')
    deprecated = load('engine_version_deprecated.json')
    listed = [
        version
        for rule in offered['allOf']
        if rule['if'].get('properties', {}).get('Engine', {}).get('const') == ENGINE
        for version in rule['then']['properties'].get('EngineVersion', {}).get('enum', [])
    ]
    if not listed:
        raise ShapeChanged('engine_version.json lists no postgres versions')
    versions = []
    for version in listed:
        shape = VERSION_SHAPE.match(version)
        if shape is None or int(shape.group(1)) < MIN_MAJOR:
            continue
        instance = {'Engine': ENGINE, 'EngineVersion': version}
        if matches(offered, instance) and matches(deprecated, instance):
            versions.append(version)
    return sorted(set(versions), key=lambda v: tuple(int(part) for part in v.split('.')))


def size_rank(size: str) -> tuple[int, int]:
    if size in SIZE_ORDER:
        return (SIZE_ORDER.index(size), 0)
    multiple = re.match(r'^(\d+)xlarge$', size)
    return (len(SIZE_ORDER), int(multiple.group(1))) if multiple else (len(SIZE_ORDER) + 1, 0)


def by_family(classes: set[str]) -> dict[str, list[str]]:
    families: dict[str, list[str]] = {}
    for name in classes:
        family, size = name.rsplit('.', 1)
        families.setdefault(family, []).append(size)
    return {family: sorted(sizes, key=size_rank) for family, sizes in sorted(families.items())}


def usable(classes: set[str]) -> set[str]:
    return {name for name in classes if CLASS_SHAPE.match(name)}


class Tables(NamedTuple):
    versions: list[str]
    by_version: dict[str, set[str]]
    by_region: dict[str, set[str]]
    zones: dict[str, str]
    # Region to the listed resource types its provider schema lacks (E3006), sorted.
    missing_types: dict[str, list[str]]
    notes: list[str]


def build() -> Tables:
    notes: list[str] = []
    versions = postgres_versions()

    class_rules = [rule for rule in load('db_instance_class.json')['allOf']]
    by_version: dict[str, set[str]] = {}
    for version in versions:
        allowed = allowed_classes(class_rules, {'Engine': ENGINE, 'EngineVersion': version})
        if allowed is None:
            # E3062 would not object, but nothing in AWS's data says which classes run it.
            notes.append(f'PostgreSQL {version} has no E3062 class list; left out')
            continue
        by_version[version] = usable(allowed)
    versions = [version for version in versions if version in by_version]

    region_rules = load('dbinstanceclass_enum.json')
    by_region: dict[str, set[str]] = {}
    zones: dict[str, str] = {}
    for region in SLIPWAY_REGIONS:
        if region not in region_rules or region not in AVAILABILITY_ZONES:
            raise ShapeChanged(f'cfn-lint has no data for {region}')
        allowed = allowed_classes(region_rules[region]['allOf'], {'Engine': ENGINE})
        if allowed is None:
            raise ShapeChanged(f'E3025 lists no postgres classes in {region}')
        by_region[region] = usable(allowed)
        letters = []
        for zone in AVAILABILITY_ZONES[region]:
            if not (zone.startswith(region) and len(zone) == len(region) + 1):
                raise ShapeChanged(f'zone {zone} is not {region} plus a letter')
            letters.append(zone[-1])
        zones[region] = ''.join(sorted(letters))

    known = set(AVAILABILITY_ZONES) | set(region_rules)
    missing = sorted(r for r in known if not OTHER_PARTITIONS.match(r) and r not in SLIPWAY_REGIONS)
    if missing:
        notes.append(f'commercial regions in cfn-lint that Slipway does not list: {", ".join(missing)}')
    return Tables(versions, by_version, by_region, zones, missing_resource_types(), notes)


def missing_resource_types() -> dict[str, list[str]]:
    """Per region, the listed types E3006 would call absent there: the same lookup the rule makes."""
    listed = sorted({name for names in SLIPWAY_RESOURCE_TYPES.values() for name in names})
    offered = {
        region: set(PROVIDER_SCHEMA_MANAGER.get_resource_types(region=region)) for region in SLIPWAY_REGIONS
    }
    nowhere = [name for name in listed if not any(name in types for types in offered.values())]
    if nowhere:
        raise UnknownType(f'no accepted region has {", ".join(nowhere)}; is it spelt right in SLIPWAY_RESOURCE_TYPES?')
    return {region: [name for name in listed if name not in offered[region]] for region in SLIPWAY_REGIONS}


def ts_string(value: str) -> str:
    return "'" + value.replace('\\', '\\\\').replace("'", "\\'") + "'"


def render_classes(classes: set[str], indent: str) -> list[str]:
    return [
        f'{indent}{ts_string(family)}: {ts_string(" ".join(sizes))},'
        for family, sizes in by_family(classes).items()
    ]


def render(tables: Tables) -> str:
    versions, by_version, by_region, zones = tables.versions, tables.by_version, tables.by_region, tables.zones
    # Versions share a handful of lists; each distinct list is written once.
    shared: list[set[str]] = []
    for version in versions:
        if by_version[version] not in shared:
            shared.append(by_version[version])
    lines = [
        '/**',
        ' * GENERATED FILE, do not edit. Written by packages/slipway/scripts/build-config-tables.py from',
        f' * the AWS data bundled with cfn-lint {CFN_LINT_VERSION}; regenerate after upgrading cfn-lint with',
        ' * `python3 packages/slipway/scripts/build-config-tables.py` (`--check` tells whether it is stale).',
        ' *',
        ' * A class is orderable for a version in a region when it is in both the version\'s list (cfn-lint',
        ' * rule E3062, region-independent) and the region\'s list (rule E3025, version-independent).',
        ' * Class lists map a family to its sizes, smallest first. A resource type is offered in a region',
        ' * when the region\'s provider schema has it (rule E3006).',
        ' */',
        '',
        '/** Family (`db.t4g`) to its sizes (`micro small …`), space-separated. */',
        'export type ClassList = Readonly<Record<string, string>>;',
        '',
        f'export const CFN_LINT_VERSION = {ts_string(CFN_LINT_VERSION)};',
        '',
        'export type RegionCode =',
        *[f'  | {ts_string(region)}' + (';' if i == len(zones) - 1 else '') for i, region in enumerate(zones)],
        '',
        '/** Zone letters per region, appended to its name: `a` → `us-east-1a`. */',
        'export const ZONE_LETTERS: Readonly<Record<RegionCode, string>> = {',
        *[f'  {ts_string(region)}: {ts_string(letters)},' for region, letters in zones.items()],
        '};',
        '',
        '/** RDS for PostgreSQL versions new instances can be created on, oldest first. */',
        'export const POSTGRES_VERSIONS: readonly string[] = [',
        *[f'  {ts_string(version)},' for version in versions],
        '];',
        '',
    ]
    for index, classes in enumerate(shared, start=1):
        lines += [
            f'const VERSION_CLASSES_{index}: ClassList = {{',
            *render_classes(classes, '  '),
            '};',
            '',
        ]
    lines += [
        '/** Classes RDS runs each version on, in any region (E3062). */',
        'export const CLASSES_BY_VERSION: Readonly<Record<string, ClassList>> = {',
        *[f'  {ts_string(version)}: VERSION_CLASSES_{shared.index(by_version[version]) + 1},' for version in versions],
        '};',
        '',
        '/** Classes RDS offers for PostgreSQL in each region, any version (E3025). */',
        'export const CLASSES_BY_REGION: Readonly<Record<RegionCode, ClassList>> = {',
    ]
    for region, classes in by_region.items():
        lines += [f'  {ts_string(region)}: {{', *render_classes(classes, '    '), '  },']
    lines += ['};', '']
    lines += render_resource_types(tables.missing_types)
    return '\n'.join(lines)


def render_resource_types(missing_types: dict[str, list[str]]) -> list[str]:
    layers = list(SLIPWAY_RESOURCE_TYPES)
    lines = [
        '/**',
        ' * Layers of stacks, grouped by the region they go to: `ci` and `pipeline` to the CI region, the',
        ' * others to their environment\'s.',
        ' */',
        *render_union('StackLayer', layers),
        '',
        '/**',
        ' * Every CloudFormation resource type a stack of each layer can create, and for `pipeline-target`',
        ' * also AWS::CodePipeline::Pipeline: its environment\'s deploy actions run in that region.',
        ' */',
        'export const LAYER_RESOURCE_TYPES: Readonly<Record<StackLayer, readonly string[]>> = {',
    ]
    for layer, names in SLIPWAY_RESOURCE_TYPES.items():
        key = layer if re.match(r'^[a-z]+$', layer) else ts_string(layer)
        lines += render_array(key, sorted(names))
    lines += [
        '};',
        '',
        '/** Of those types, the ones each region lacks (E3006); regions that lack none are left out. */',
        'export const MISSING_RESOURCE_TYPES: Readonly<Partial<Record<RegionCode, readonly string[]>>> = {',
    ]
    for region, names in missing_types.items():
        if names:
            lines += render_array(ts_string(region), names)
    lines += ['};', '']
    return lines


# Prettier's line width (.prettierrc), so the generated file is already formatted as it would be.
PRINT_WIDTH = 110


def render_union(name: str, members: list[str]) -> list[str]:
    """A union of string literals, as Prettier writes it: one line, the next line, or one per line."""
    union = ' | '.join(ts_string(member) for member in members)
    if len(f'export type {name} = {union};') <= PRINT_WIDTH:
        return [f'export type {name} = {union};']
    if len(f'  {union};') <= PRINT_WIDTH:
        return [f'export type {name} =', f'  {union};']
    last = len(members) - 1
    return [
        f'export type {name} =',
        *[f'  | {ts_string(member)}' + (';' if i == last else '') for i, member in enumerate(members)],
    ]


def render_array(key: str, items: list[str]) -> list[str]:
    """An object entry holding a string array: on one line when it fits, as Prettier writes it."""
    line = f'  {key}: [{", ".join(ts_string(item) for item in items)}],'
    if len(line) <= PRINT_WIDTH:
        return [line]
    return [f'  {key}: [', *[f'    {ts_string(item)},' for item in items], '  ],']


# CloudFormation allows 500 resources in a template; stay below it.
RESOURCES_PER_TEMPLATE = 400


def verify(tables: Tables) -> int:
    """
    Lints an instance for every accepted region × class pair and every accepted version × class
    pair, the inputs of E3025 and E3062 (W3691 and E3691 look at the version alone), so a clean run
    means cfn-lint accepts every orderable triple. It takes about 0.1 s of CPU per instance.
    """
    draws: dict[str, list[tuple[str, str]]] = {region: [] for region in tables.by_region}
    for name in sorted(set().union(*tables.by_version.values())):
        regions = [
            r for r in tables.by_region
            if any(name in tables.by_region[r] and name in tables.by_version[v] for v in tables.versions)
        ]
        versions = [
            v for v in tables.versions
            if any(name in tables.by_region[r] and name in tables.by_version[v] for r in tables.by_region)
        ]
        for turn in range(max(len(regions), len(versions)) if regions and versions else 0):
            region = regions[turn % len(regions)]
            # A version that runs the class, starting from this turn's, so each is drawn once.
            version = next(
                v for v in versions[turn % len(versions):] + versions
                if name in tables.by_version[v] and name in tables.by_region[region]
            )
            draws[region].append((version, name))
    total = sum(len(pairs) for pairs in draws.values())
    print(f'linting {total} instances with cfn-lint {CFN_LINT_VERSION}', file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix='slipway-verify-') as folder:
        files = []
        for region, pairs in draws.items():
            for start in range(0, len(pairs), RESOURCES_PER_TEMPLATE):
                chunk = pairs[start:start + RESOURCES_PER_TEMPLATE]
                template = {
                    'AWSTemplateFormatVersion': '2010-09-09',
                    'Metadata': {'cfn-lint': {'config': {'regions': [region]}}},
                    'Resources': {
                        f'Database{index}': {
                            'Type': 'AWS::RDS::DBInstance',
                            'Properties': {
                                'Engine': ENGINE,
                                'EngineVersion': version,
                                'DBInstanceClass': name,
                                'AllocatedStorage': '20',
                                'MasterUsername': 'postgres_admin',
                                'ManageMasterUserPassword': True,
                            },
                        }
                        for index, (version, name) in enumerate(chunk)
                    },
                }
                path = Path(folder) / f'{region}-{start // RESOURCES_PER_TEMPLATE}.json'
                path.write_text(json.dumps(template), encoding='utf-8')
                files.append(str(path))
        run = subprocess.run(['cfn-lint', '--format', 'json', '--', *files], capture_output=True, text=True)
    matches = json.loads(run.stdout or '[]')
    for match in matches:
        print(f"{Path(match['Filename']).name}: {match['Rule']['Id']} {match['Message']}", file=sys.stderr)
    print(f'{len(matches)} findings in {total} instances', file=sys.stderr)
    return 0 if not matches and run.returncode == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--check', action='store_true', help='exit 1 when the committed table is stale')
    parser.add_argument(
        '--verify', action='store_true', help='lint every accepted pair with cfn-lint (slow: minutes)'
    )
    args = parser.parse_args()
    try:
        tables = build()
    except ShapeChanged as error:
        print(f'cfn-lint {CFN_LINT_VERSION} data changed shape: {error}', file=sys.stderr)
        return 2
    except UnknownType as error:
        print(f'unknown resource type: {error}', file=sys.stderr)
        return 2
    for note in tables.notes:
        print(f'note: {note}', file=sys.stderr)
    if args.verify:
        return verify(tables)
    text = render(tables)
    if args.check:
        current = OUTPUT.read_text(encoding='utf-8') if OUTPUT.exists() else ''
        if current != text:
            print(
                f'{OUTPUT.name} does not match cfn-lint {CFN_LINT_VERSION}; '
                'run python3 packages/slipway/scripts/build-config-tables.py',
                file=sys.stderr,
            )
            return 1
        print(f'{OUTPUT.name} matches cfn-lint {CFN_LINT_VERSION}')
        return 0
    OUTPUT.write_text(text, encoding='utf-8')
    print(f'wrote {OUTPUT} from cfn-lint {CFN_LINT_VERSION} ({os.path.dirname(cfnlint.__file__)})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
