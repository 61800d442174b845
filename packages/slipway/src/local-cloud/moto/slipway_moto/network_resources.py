"""Security group egress rules and Cloud Map: the private names services and databases use."""

from typing import Any

from moto.ec2.models import ec2_backends
from moto.servicediscovery.models import servicediscovery_backends

from .added_resource import AddedResource, register, tag_list

@register
class SecurityGroupEgress(AddedResource):
    TYPE = "AWS::EC2::SecurityGroupEgress"

    @staticmethod
    def _rule(properties: dict[str, Any]) -> dict[str, Any]:
        destination = properties.get("DestinationSecurityGroupId")
        cidr = properties.get("CidrIp")
        return {
            "group_name_or_id": properties["GroupId"],
            "ip_protocol": str(properties["IpProtocol"]),
            "from_port": properties.get("FromPort"),
            "to_port": properties.get("ToPort"),
            "ip_ranges": [{"CidrIp": cidr, "Description": properties.get("Description")}] if cidr else [],
            "source_groups": [{"GroupId": destination}] if destination else [],
        }

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        rules, _ = ec2_backends[account_id][region_name].authorize_security_group_egress(**cls._rule(properties))
        rule_id = rules[0].id if rules else name
        return cls(rule_id, {"Id": rule_id}, properties, account_id, region_name)

    def remove(self) -> None:
        ec2_backends[self.account_id][self.region_name].revoke_security_group_egress(**self._rule(self.properties))


@register
class PrivateDnsNamespace(AddedResource):
    TYPE = "AWS::ServiceDiscovery::PrivateDnsNamespace"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        backend = servicediscovery_backends[account_id][region_name]
        backend.create_private_dns_namespace(
            name=properties["Name"],
            creator_request_id=name,
            description=properties.get("Description", ""),
            vpc=properties["Vpc"],
            tags=tag_list(properties.get("Tags")),
            properties=dict(properties.get("Properties") or {}),
        )
        namespace = next(ns for ns in backend.namespaces.values() if ns.creator_request_id == name)
        zone = namespace.dns_properties.get("HostedZoneId")
        attributes = {"Id": namespace.id, "Arn": namespace.arn, "HostedZoneId": zone}
        return cls(namespace.id, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        # Name and VPC cannot change in place on AWS either; a description change keeps the namespace.
        namespace = servicediscovery_backends[account_id][region_name].get_namespace(original.physical_id)
        namespace.description = properties.get("Description", namespace.description)
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        servicediscovery_backends[self.account_id][self.region_name].delete_namespace(self.physical_id)


@register
class DiscoveryService(AddedResource):
    TYPE = "AWS::ServiceDiscovery::Service"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        backend = servicediscovery_backends[account_id][region_name]
        dns_config = dict(properties.get("DnsConfig") or {})
        namespace_id = properties.get("NamespaceId") or dns_config.get("NamespaceId")
        dns_config.pop("NamespaceId", None)
        service = backend.create_service(
            name=properties.get("Name", name),
            namespace_id=namespace_id,
            creator_request_id=name,
            description=properties.get("Description", ""),
            dns_config=dns_config,
            health_check_config=properties.get("HealthCheckConfig"),
            health_check_custom_config=properties.get("HealthCheckCustomConfig"),
            tags=tag_list(properties.get("Tags")),
            service_type=properties.get("Type"),
        )
        attributes = {"Id": service.id, "Arn": service.arn, "Name": service.name}
        return cls(service.id, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        # Instances (ECS tasks, the database's CNAME) stay registered across an update, as on AWS.
        backend = servicediscovery_backends[account_id][region_name]
        service = backend.get_service(original.physical_id)
        service.description = properties.get("Description", service.description)
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        servicediscovery_backends[self.account_id][self.region_name].delete_service(self.physical_id)


@register
class DiscoveryInstance(AddedResource):
    TYPE = "AWS::ServiceDiscovery::Instance"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        instance_id = properties.get("InstanceId") or name
        servicediscovery_backends[account_id][region_name].register_instance(
            service_id=properties["ServiceId"],
            instance_id=instance_id,
            creator_request_id=name,
            attributes=dict(properties.get("InstanceAttributes") or {}),
        )
        return cls(instance_id, {}, properties, account_id, region_name)

    def remove(self) -> None:
        backend = servicediscovery_backends[self.account_id][self.region_name]
        if self.properties["ServiceId"] in backend.services:
            backend.deregister_instance(self.properties["ServiceId"], self.physical_id)
