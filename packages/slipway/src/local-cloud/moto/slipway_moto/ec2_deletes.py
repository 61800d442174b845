"""Deleting the network stack's resources, which moto's CloudFormation leaves in place.

moto has no CloudFormation delete for route tables, routes, subnet associations, internet
gateways and their attachments, NAT gateways, Elastic IPs, VPC endpoints and flow logs: deleting
the stack skipped them, and the VPC, still holding route tables, could not be deleted. Each gets
the delete its EC2 API call would do. Resources already gone count as deleted, as on AWS.
"""

from typing import Any

from moto.ec2.models import ec2_backends
from moto.ec2.models.elastic_ip_addresses import ElasticAddress
from moto.ec2.models.flow_logs import FlowLogs
from moto.ec2.models.internet_gateways import InternetGateway
from moto.ec2.models.nat_gateways import NatGateway
from moto.ec2.models.route_tables import Route, RouteTable
from moto.ec2.models.subnets import SubnetRouteTableAssociation
from moto.ec2.models.vpcs import VPCEndPoint
from moto.ec2.models.vpn_gateway import VPCGatewayAttachment

from .resource_deletes import deleting


def _route_table(self: Any, backend: Any) -> None:
    backend.delete_route_table(self.id)


def _route(self: Any, backend: Any) -> None:
    backend.delete_route(self.route_table.id, self.destination_cidr_block, self.destination_ipv6_cidr_block)


def _association(self: Any, backend: Any) -> None:
    table = backend.route_tables.get(self.route_table_id)
    for association_id, subnet_id in list(table._associations.items()) if table else []:
        if subnet_id == self.subnet_id:
            backend.disassociate_route_table(association_id)


def _gateway_attachment(self: Any, backend: Any) -> None:
    backend.detach_internet_gateway(self.gateway_id, self.vpc_id)


def _internet_gateway(self: Any, backend: Any) -> None:
    backend.delete_internet_gateway(self.id)


def _nat_gateway(self: Any, backend: Any) -> None:
    """The gateway's network interface goes with it; the Elastic IP stays until its own delete."""
    backend.delete_nat_gateway(self.id)
    backend.nat_gateways.pop(self.id, None)
    if getattr(self, "_eni", None) is not None:
        for address in backend.addresses:
            if address.eni is self._eni:
                address.eni = None
        backend.enis.pop(self._eni.id, None)


def _elastic_ip(self: Any, backend: Any) -> None:
    backend.release_address(allocation_id=self.allocation_id)


def _vpc_endpoint(self: Any, backend: Any) -> None:
    backend.delete_vpc_endpoints([self.id])


def _flow_log(self: Any, backend: Any) -> None:
    backend.delete_flow_logs([self.id])


_DELETES = {
    RouteTable: _route_table,
    Route: _route,
    SubnetRouteTableAssociation: _association,
    VPCGatewayAttachment: _gateway_attachment,
    InternetGateway: _internet_gateway,
    NatGateway: _nat_gateway,
    ElasticAddress: _elastic_ip,
    VPCEndPoint: _vpc_endpoint,
    FlowLogs: _flow_log,
}

_NOT_FOUND = ("NotFound", "DoesNotExist", "InvalidAllocationID", "InvalidAssociationID")


def _with_backend(delete: Any) -> Any:
    """These deletes take the account's EC2 backend rather than the account and region."""
    return lambda self, account_id, region_name: delete(self, ec2_backends[account_id][region_name])


def apply() -> list[str]:
    for cls, delete in _DELETES.items():
        cls.delete = deleting(_with_backend(delete), _NOT_FOUND)
    return [f"delete: {cls.cloudformation_type()}" for cls in _DELETES]
