"""CloudWatch Logs deliveries (CloudFront's access logs v2): source, destination and the delivery between them.

moto's Logs backend has the delivery API but no CloudFormation handlers. Each handler calls it as
the API would, so `DescribeDeliveries`, `GetDeliverySource` and `GetDeliveryDestination` see what a
stack made. No log record is ever delivered.
"""

import json
from typing import Any

from moto.logs.exceptions import ResourceNotFoundException
from moto.logs.models import logs_backends

from .added_resource import AddedResource, register


def _backend(account_id: str, region_name: str) -> Any:
    return logs_backends[account_id][region_name]


def _tag_map(tags: Any) -> dict[str, str] | None:
    """CloudFormation gives Key/Value pairs; the backend keeps a map."""
    if not tags:
        return None
    if isinstance(tags, dict):
        return {str(key): str(value) for key, value in tags.items()}
    return {tag["Key"]: str(tag["Value"]) for tag in tags}


@register
class DeliverySource(AddedResource):
    """Its Ref is the source's name."""

    TYPE = "AWS::Logs::DeliverySource"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        for field in ("ResourceArn", "LogType"):
            if not properties.get(field):
                raise ValueError(f"{field} is required: a delivery source names the resource and its log type")
        source = _backend(account_id, region_name).put_delivery_source(
            properties.get("Name", name),
            properties["ResourceArn"],
            properties["LogType"],
            _tag_map(properties.get("Tags")),
        )
        attributes = {"Arn": source.arn, "ResourceArns": source.resource_arns, "Service": source.service}
        return cls(source.name, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            _backend(self.account_id, self.region_name).delete_delivery_source(self.physical_id)
        except ResourceNotFoundException:
            pass


@register
class DeliveryDestination(AddedResource):
    """Its Ref is the destination's name."""

    TYPE = "AWS::Logs::DeliveryDestination"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        if not properties.get("DestinationResourceArn"):
            raise ValueError("DestinationResourceArn is required: the log group, bucket or stream receiving the logs")
        backend = _backend(account_id, region_name)
        destination = backend.put_delivery_destination(
            properties.get("Name", name),
            properties.get("OutputFormat"),
            {"destinationResourceArn": properties["DestinationResourceArn"]},
            _tag_map(properties.get("Tags")),
        )
        policy = properties.get("DeliveryDestinationPolicy")
        if policy:
            text = policy if isinstance(policy, str) else json.dumps(policy)
            backend.put_delivery_destination_policy(destination.name, text)
        attributes = {"Arn": destination.arn, "DeliveryDestinationType": destination.delivery_destination_type}
        return cls(destination.name, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            _backend(self.account_id, self.region_name).delete_delivery_destination(self.physical_id)
        except ResourceNotFoundException:
            pass


@register
class Delivery(AddedResource):
    """Its Ref is the delivery's id."""

    TYPE = "AWS::Logs::Delivery"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        s3_fields = (("S3SuffixPath", "suffixPath"), ("S3EnableHiveCompatiblePath", "enableHiveCompatiblePath"))
        s3 = {key: properties[field] for field, key in s3_fields if field in properties}
        delivery = _backend(account_id, region_name).create_delivery(
            delivery_source_name=properties["DeliverySourceName"],
            delivery_destination_arn=properties["DeliveryDestinationArn"],
            record_fields=properties.get("RecordFields"),
            field_delimiter=properties.get("FieldDelimiter"),
            s3_delivery_configuration=s3 or None,
            tags=_tag_map(properties.get("Tags")),
        )
        attributes = {
            "Arn": delivery.arn,
            "DeliveryId": delivery.id,
            "DeliveryDestinationType": delivery.destination_type,
        }
        return cls(delivery.id, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            _backend(self.account_id, self.region_name).delete_delivery(self.physical_id)
        except ResourceNotFoundException:
            pass
