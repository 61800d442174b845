"""The runtime stack's cluster capacity providers and its access-log bucket policy."""

import json
from typing import Any

from moto.ecs.models import ecs_backends
from moto.s3.models import s3_backends
from moto.utilities.utils import get_partition

from .added_resource import AddedResource, register

@register
class ClusterCapacityProviders(AddedResource):
    TYPE = "AWS::ECS::ClusterCapacityProviderAssociations"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        ecs_backends[account_id][region_name].put_cluster_capacity_providers(
            properties["Cluster"],
            properties.get("CapacityProviders", []),
            properties.get("DefaultCapacityProviderStrategy", []),
        )
        return cls(properties["Cluster"], {}, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        return cls.create(name, properties, account_id, region_name)

    def remove(self) -> None:
        backend = ecs_backends[self.account_id][self.region_name]
        if self.physical_id in {cluster.name for cluster in backend.clusters.values()}:
            backend.put_cluster_capacity_providers(self.physical_id, [], [])


@register
class BucketPolicy(AddedResource):
    TYPE = "AWS::S3::BucketPolicy"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        bucket = properties["Bucket"]
        document = json.dumps(properties["PolicyDocument"]).encode("utf-8")
        s3_backends[account_id][get_partition(region_name)].put_bucket_policy(bucket, document)
        return cls(bucket, {}, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        return cls.create(name, properties, account_id, region_name)

    def remove(self) -> None:
        backend = s3_backends[self.account_id][get_partition(self.region_name)]
        if self.physical_id in backend.buckets:
            backend.delete_bucket_policy(self.physical_id)
