"""The EKS cluster stack's resources, which moto's CloudFormation skips.

moto's EKS backend keeps clusters and node groups, so those are created through it and
`describe-cluster` / `list-nodegroups` show them. It has no add-ons, access entries or Pod Identity
associations: those are recorded with the identifiers and attributes CloudFormation documents, so
the stack completes and diffs clean. Nothing runs: no control plane, no nodes, no pods.
"""

from typing import Any

from moto.ec2.exceptions import InvalidSubnetIdError
from moto.ec2.models import ec2_backends
from moto.eks.models import eks_backends
from moto.moto_api._internal import mock_random
from moto.utilities.utils import get_partition

from .added_resource import AddedResource, register


def _tags(tags: Any) -> dict[str, str]:
    if isinstance(tags, dict):
        return {str(k): str(v) for k, v in tags.items()}
    return {tag["Key"]: str(tag["Value"]) for tag in tags or []}


def _arn(region: str, account: str, kind: str, path: str) -> str:
    return f"arn:{get_partition(region)}:eks:{region}:{account}:{kind}/{path}"


@register
class Cluster(AddedResource):
    TYPE = "AWS::EKS::Cluster"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        vpc = properties.get("ResourcesVpcConfig", {})
        cluster = eks_backends[account_id][region_name].create_cluster(
            name=properties.get("Name", name),
            role_arn=properties["RoleArn"],
            resources_vpc_config={
                "subnetIds": list(vpc.get("SubnetIds", [])),
                "securityGroupIds": list(vpc.get("SecurityGroupIds", [])),
                "endpointPublicAccess": vpc.get("EndpointPublicAccess", True),
                "endpointPrivateAccess": vpc.get("EndpointPrivateAccess", False),
                "publicAccessCidrs": list(vpc.get("PublicAccessCidrs", [])),
            },
            version=properties.get("Version"),
            logging=properties.get("Logging"),
            tags=_tags(properties.get("Tags")),
            encryption_config=properties.get("EncryptionConfig"),
        )
        # The cluster security group EKS makes for the control plane and managed nodes: a real one in
        # the subnets' VPC, so rules the stack adds to it (pods into the database) land somewhere.
        security_group = _cluster_security_group(cluster.name, vpc.get("SubnetIds", []), account_id, region_name)
        keys = [c.get("Provider", {}).get("KeyArn", "") for c in properties.get("EncryptionConfig", [])]
        attributes = {
            "Arn": cluster.arn,
            "Endpoint": cluster.endpoint,
            "CertificateAuthorityData": cluster.certificate_authority["data"],
            "ClusterSecurityGroupId": security_group,
            "EncryptionConfigKeyArn": keys[0] if keys else "",
            "OpenIdConnectIssuerUrl": cluster.identity["oidc"]["issuer"],
            "Id": cluster.name,
        }
        return cls(cluster.name, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        group = self.attributes.get("ClusterSecurityGroupId", "")
        ec2 = ec2_backends[self.account_id][self.region_name]
        if group in ec2.groups.get(_vpc_of(ec2, self.properties), {}):
            ec2.delete_security_group(group_id=group)
        backend = eks_backends[self.account_id][self.region_name]
        for nodegroup in list(backend.clusters[self.physical_id].nodegroups) if self.physical_id in backend.clusters else []:
            backend.delete_nodegroup(self.physical_id, nodegroup)
        if self.physical_id in backend.clusters:
            backend.delete_cluster(self.physical_id)


def _vpc_of(ec2: Any, properties: dict[str, Any]) -> str:
    subnets = properties.get("ResourcesVpcConfig", {}).get("SubnetIds", [])
    for subnet in subnets:
        try:
            return ec2.get_subnet(subnet).vpc_id
        except InvalidSubnetIdError:
            continue
    return ""


def _cluster_security_group(cluster: str, subnets: list[str], account_id: str, region_name: str) -> str:
    ec2 = ec2_backends[account_id][region_name]
    vpc = _vpc_of(ec2, {"ResourcesVpcConfig": {"SubnetIds": subnets}})
    if not vpc:
        # Subnets the emulator does not know (a hand-written template): an id alone, as before.
        return "sg-" + mock_random.get_random_hex(17)
    group = ec2.create_security_group(
        name=f"eks-cluster-sg-{cluster}-{mock_random.get_random_hex(8)}",
        description="EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.",
        vpc_id=vpc,
    )
    return group.id


@register
class Nodegroup(AddedResource):
    """Its Ref is `<cluster>/<node group>`, as CloudFormation gives it."""

    TYPE = "AWS::EKS::Nodegroup"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        cluster_name = properties["ClusterName"]
        scaling = properties.get("ScalingConfig", {})
        template = properties.get("LaunchTemplate")
        group = eks_backends[account_id][region_name].create_nodegroup(
            cluster_name=cluster_name,
            node_role=properties["NodeRole"],
            nodegroup_name=properties.get("NodegroupName", name),
            subnets=list(properties.get("Subnets", [])),
            scaling_config={
                "minSize": int(scaling.get("MinSize", 1)),
                "maxSize": int(scaling.get("MaxSize", 1)),
                "desiredSize": int(scaling.get("DesiredSize", scaling.get("MinSize", 1))),
            },
            instance_types=list(properties.get("InstanceTypes", [])) or None,
            ami_type=properties.get("AmiType"),
            labels=properties.get("Labels"),
            taints=[
                {"key": t.get("Key"), "value": t.get("Value"), "effect": t.get("Effect")}
                for t in properties.get("Taints", [])
            ]
            or None,
            tags=_tags(properties.get("Tags")),
            launch_template={"id": template.get("Id"), "version": str(template.get("Version"))} if template else None,
            capacity_type=properties.get("CapacityType"),
        )
        ref = f"{cluster_name}/{group.nodegroup_name}"
        attributes = {"Arn": group.arn, "ClusterName": cluster_name, "NodegroupName": group.nodegroup_name}
        return cls(ref, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        cluster_name, nodegroup = self.physical_id.split("/", 1)
        backend = eks_backends[self.account_id][self.region_name]
        if cluster_name in backend.clusters and nodegroup in backend.clusters[cluster_name].nodegroups:
            backend.delete_nodegroup(cluster_name, nodegroup)


class _Recorded(AddedResource):
    """A type moto's EKS backend has no API for: only its Ref and attributes are kept."""

    @classmethod
    def identify(cls, properties: dict[str, Any], account_id: str, region_name: str) -> tuple[str, dict[str, str]]:
        raise NotImplementedError

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        ref, attributes = cls.identify(properties, account_id, region_name)
        return cls(ref, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        """Nothing was made."""


@register
class Addon(_Recorded):
    """Its Ref is `<cluster>|<add-on>`."""

    TYPE = "AWS::EKS::Addon"

    @classmethod
    def identify(cls, properties: dict[str, Any], account_id: str, region_name: str) -> tuple[str, dict[str, str]]:
        cluster, addon = properties["ClusterName"], properties["AddonName"]
        arn = _arn(region_name, account_id, "addon", f"{cluster}/{addon}/{mock_random.get_random_hex(8)}")
        return f"{cluster}|{addon}", {"Arn": arn}


@register
class AccessEntry(_Recorded):
    """Its Ref is `<cluster>|<principal ARN>`."""

    TYPE = "AWS::EKS::AccessEntry"

    @classmethod
    def identify(cls, properties: dict[str, Any], account_id: str, region_name: str) -> tuple[str, dict[str, str]]:
        cluster, principal = properties["ClusterName"], properties["PrincipalArn"]
        arn = _arn(region_name, account_id, "access-entry", f"{cluster}/{mock_random.get_random_hex(8)}")
        return f"{cluster}|{principal}", {"AccessEntryArn": arn}


@register
class PodIdentityAssociation(_Recorded):
    """Its Ref is the association's ARN."""

    TYPE = "AWS::EKS::PodIdentityAssociation"

    @classmethod
    def identify(cls, properties: dict[str, Any], account_id: str, region_name: str) -> tuple[str, dict[str, str]]:
        association_id = "a-" + mock_random.get_random_hex(17)
        arn = _arn(region_name, account_id, "podidentityassociation", f"{properties['ClusterName']}/{association_id}")
        return arn, {"AssociationArn": arn, "AssociationId": association_id}
