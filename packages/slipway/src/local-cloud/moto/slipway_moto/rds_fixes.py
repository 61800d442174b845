"""The RDS resources of the data stack as CloudFormation describes them."""

from typing import Any

from moto.moto_api._internal import mock_random
from moto.rds.models import DBInstance, DBParameterGroup, DBSubnetGroup

from .attributes import add_attributes


def _rds_group_refs() -> str:
    """A `Ref` to a DB parameter or subnet group gives its name; moto's models have no physical id."""
    DBParameterGroup.physical_resource_id = property(lambda self: self.name)
    DBSubnetGroup.physical_resource_id = property(lambda self: self.name)
    return "AWS::RDS::DBParameterGroup, DBSubnetGroup: Ref gives the group name"


def _rds_instance_properties() -> str:
    """Reads `AWS::RDS::DBInstance` the way CloudFormation documents it.

    moto's handler reads the security groups from a key CloudFormation does not use
    (`VPCSecurityGroups` is the real one, so the instance got none), takes the port as given (a
    string), and drops the settings the data stack makes explicit: IAM authentication, an
    RDS-managed master password, deletion protection, log exports, storage autoscaling, the CA.
    All of them are passed to moto's backend here, so `describe-db-instances` shows what the
    template asked for. Every instance gets its own `DbiResourceId` (moto gives all the same one),
    and `GetAtt` knows the attributes CloudFormation documents.
    """

    def create(
        cls: Any,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> Any:
        from moto.rds.models import rds_backends

        p = cloudformation_json.get("Properties", {})
        db_kwargs = {
            "db_instance_identifier": resource_name.replace("_", "-"),
            "db_instance_class": p.get("DBInstanceClass"),
            "engine": p.get("Engine"),
            "engine_version": p.get("EngineVersion"),
            "port": int(p["Port"]) if "Port" in p else None,
            "allocated_storage": int(p["AllocatedStorage"]) if "AllocatedStorage" in p else None,
            "max_allocated_storage": int(p["MaxAllocatedStorage"]) if "MaxAllocatedStorage" in p else None,
            "backup_retention_period": int(p.get("BackupRetentionPeriod", 1)),
            "db_name": p.get("DBName"),
            "db_subnet_group_name": p.get("DBSubnetGroupName"),
            "db_parameter_group_name": p.get("DBParameterGroupName"),
            "vpc_security_group_ids": list(p.get("VPCSecurityGroups", [])),
            "master_username": p.get("MasterUsername"),
            "master_user_password": p.get("MasterUserPassword"),
            "manage_master_user_password": bool(p.get("ManageMasterUserPassword", False)),
            "multi_az": bool(p.get("MultiAZ", False)),
            "publicly_accessible": bool(p.get("PubliclyAccessible", False)),
            "storage_type": p.get("StorageType"),
            "storage_encrypted": bool(p.get("StorageEncrypted", False)),
            "kms_key_id": p.get("KmsKeyId"),
            "copy_tags_to_snapshot": bool(p.get("CopyTagsToSnapshot", False)),
            "deletion_protection": bool(p.get("DeletionProtection", False)),
            "enable_cloudwatch_logs_exports": list(p.get("EnableCloudwatchLogsExports", [])),
            "enable_iam_database_authentication": bool(p.get("EnableIAMDatabaseAuthentication", False)),
            "ca_certificate_identifier": p.get("CACertificateIdentifier", "rds-ca-default"),
            "availability_zone": p.get("AvailabilityZone"),
            "tags": p.get("Tags"),
        }
        given = {key: value for key, value in db_kwargs.items() if value is not None}
        backend = rds_backends[account_id][region_name]
        if "SourceDBInstanceIdentifier" in p:
            instance = _create_replica(backend, given, p["SourceDBInstanceIdentifier"])
        else:
            instance = backend.create_db_instance(given)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
        instance.dbi_resource_id = "db-" + "".join(mock_random.choice(alphabet) for _ in range(26))
        return instance

    DBInstance.create_from_cloudformation_json = classmethod(create)
    add_attributes(
        DBInstance,
        {
            "Endpoint.Address": lambda db: db.address,
            "Endpoint.Port": lambda db: str(db.port),
            "DbiResourceId": lambda db: db.dbi_resource_id,
            "DBInstanceArn": lambda db: db.arn,
            "MasterUserSecret.SecretArn": lambda db: db.master_user_secret.secret_arn,
        },
    )
    return "AWS::RDS::DBInstance: every property the data stack sets, read replicas, DbiResourceId, GetAtt attributes"


# What a replica takes from its writer rather than from its own template (RDS refuses them there).
_FROM_WRITER = ("engine", "engine_version", "db_name", "master_username", "master_user_password",
                "manage_master_user_password", "storage_encrypted", "kms_key_id", "backup_retention_period")


def _create_replica(backend: Any, given: dict[str, Any], source: str) -> Any:
    """A read replica: moto's backend copies the writer, then takes the replica's own settings.

    moto's CloudFormation handler created every `AWS::RDS::DBInstance` as a new instance, so a
    replica, which names its writer and leaves the engine to it, failed for want of an engine.
    """
    settings = {key: value for key, value in given.items() if key not in _FROM_WRITER}
    settings["source_db_instance_identifier"] = source
    settings["backup_retention_period"] = 0
    settings["multi_az"] = given.get("multi_az", False)
    return backend.create_db_instance_read_replica(settings)


def apply() -> list[str]:
    return [_rds_group_refs(), _rds_instance_properties()]
