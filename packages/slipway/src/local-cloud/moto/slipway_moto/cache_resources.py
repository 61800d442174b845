"""The data stack's Valkey caches: ElastiCache subnet groups and replication groups."""

from typing import Any

from moto.elasticache.models import elasticache_backends

from .added_resource import AddedResource, cfn_flag, register, tag_list

# ElastiCache keeps its identifiers lower-case; a replication group id stops at 40 characters.
_MAX_GROUP_ID = 40


def _identifier(name: str, limit: int) -> str:
    """moto's generated `<stack>-<logical id>-<suffix>`, in ElastiCache's form: lower-case, short enough."""
    lowered = name.lower()
    if len(lowered) <= limit:
        return lowered
    head, _, suffix = lowered.rpartition("-")
    return f"{head[: limit - len(suffix) - 1].rstrip('-')}-{suffix}"


@register
class CacheSubnetGroup(AddedResource):
    TYPE = "AWS::ElastiCache::SubnetGroup"
    NAME_PROPERTY = "CacheSubnetGroupName"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        group_name = _identifier(name, 255)
        elasticache_backends[account_id][region_name].create_cache_subnet_group(
            cache_subnet_group_name=group_name,
            cache_subnet_group_description=properties.get("Description", ""),
            subnet_ids=list(properties.get("SubnetIds", [])),
            tags=tag_list(properties.get("Tags")),
        )
        return cls(group_name, {}, properties, account_id, region_name)

    def remove(self) -> None:
        elasticache_backends[self.account_id][self.region_name].cache_subnet_groups.pop(self.physical_id, None)


@register
class CacheReplicationGroup(AddedResource):
    TYPE = "AWS::ElastiCache::ReplicationGroup"
    NAME_PROPERTY = "ReplicationGroupId"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        group_id = _identifier(name, _MAX_GROUP_ID)
        port = int(properties.get("Port", 6379))
        group = elasticache_backends[account_id][region_name].create_replication_group(
            replication_group_id=group_id,
            replication_group_description=properties.get("ReplicationGroupDescription", ""),
            global_replication_group_id="",
            primary_cluster_id="",
            automatic_failover_enabled=cfn_flag(properties.get("AutomaticFailoverEnabled", False)),
            multi_az_enabled=cfn_flag(properties.get("MultiAZEnabled", False)),
            num_cache_clusters=int(properties.get("NumCacheClusters", 1)),
            preferred_cache_cluster_azs=list(properties.get("PreferredCacheClusterAZs", [])),
            num_node_groups=int(properties.get("NumNodeGroups", 1)),
            replicas_per_node_group=int(properties.get("ReplicasPerNodeGroup", 0)),
            node_group_configuration=[],
            cache_node_type=properties.get("CacheNodeType", ""),
            engine=properties.get("Engine", "redis"),
            engine_version=str(properties.get("EngineVersion", "")),
            cache_parameter_group_name=properties.get("CacheParameterGroupName", ""),
            cache_subnet_group_name=properties.get("CacheSubnetGroupName", ""),
            cache_security_group_names=[],
            security_group_ids=list(properties.get("SecurityGroupIds", [])),
            tags=tag_list(properties.get("Tags")),
            snapshot_arns=[],
            snapshot_name="",
            preferred_maintenance_window=properties.get("PreferredMaintenanceWindow", ""),
            port=port,
            notification_topic_arn="",
            auto_minor_version_upgrade=cfn_flag(properties.get("AutoMinorVersionUpgrade", True)),
            snapshot_retention_limit=int(properties.get("SnapshotRetentionLimit", 0)),
            snapshot_window=properties.get("SnapshotWindow", ""),
            auth_token="",
            transit_encryption_enabled=cfn_flag(properties.get("TransitEncryptionEnabled", False)),
            at_rest_encryption_enabled=cfn_flag(properties.get("AtRestEncryptionEnabled", False)),
            kms_key_id=properties.get("KmsKeyId", ""),
            user_group_ids=list(properties.get("UserGroupIds", [])),
            log_delivery_configurations=list(properties.get("LogDeliveryConfigurations", [])),
            data_tiering_enabled=False,
            network_type="ipv4",
            ip_discovery="ipv4",
            transit_encryption_mode=properties.get("TransitEncryptionMode", ""),
            cluster_mode="disabled",
            serverless_cache_snapshot_name="",
        )
        primary = group.node_groups[0]
        # CloudFormation gives ports as strings.
        attributes = {
            "PrimaryEndPoint.Address": primary["primary_endpoint_address"],
            "PrimaryEndPoint.Port": str(port),
            "ReaderEndPoint.Address": primary["reader_endpoint_address"],
            "ReaderEndPoint.Port": str(port),
        }
        return cls(group_id, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        backend = elasticache_backends[self.account_id][self.region_name]
        # moto's delete only marks the group 'deleting'; AWS lets it go, and so does this.
        group = backend.replication_groups.pop(self.physical_id, None)
        for cluster in getattr(group, "member_clusters", []):
            backend.cache_clusters.pop(cluster, None)
