"""Load balancer and target group attributes the service stacks read."""

from collections.abc import Callable
from typing import Any

from moto.elbv2.models import FakeLoadBalancer, FakeTargetGroup

from .attributes import add_attributes


def _elbv2_attributes() -> str:
    """`GetAtt` attributes of load balancers and target groups that moto leaves unresolved.

    The full names (`app/<name>/<id>`, `targetgroup/<name>/<id>`) are the CloudWatch dimensions
    the service alarms watch; moto resolved them to nothing, which left the alarms without a
    load balancer dimension and the runtime stack's `alb-full-name` parameter empty.
    """

    def full_name(marker: str) -> Callable[[Any], str]:
        return lambda resource: resource.arn.split(":", 5)[5].split(marker, 1)[1]

    add_attributes(
        FakeLoadBalancer,
        {
            "DNSName": lambda lb: lb.dns_name,
            "LoadBalancerName": lambda lb: lb.name,
            "LoadBalancerFullName": full_name("loadbalancer/"),
            "CanonicalHostedZoneID": lambda lb: "Z35SXDOTRQ7X7K",
            "SecurityGroups": lambda lb: list(lb.security_groups),
        },
    )
    add_attributes(
        FakeTargetGroup,
        {
            "TargetGroupArn": lambda tg: tg.arn,
            "TargetGroupName": lambda tg: tg.name,
            "TargetGroupFullName": lambda tg: "targetgroup/" + tg.arn.split(":targetgroup/", 1)[1],
            "LoadBalancerArns": lambda tg: list(tg.load_balancer_arns),
        },
    )
    return "AWS::ElasticLoadBalancingV2::LoadBalancer, TargetGroup: full names and other GetAtt attributes"


def _internal_dns_name() -> str:
    """An internal load balancer's DNS name starts with `internal-`, as AWS names it.

    moto names every load balancer as an internet-facing one. The edge stack's VPC origin and the
    distribution's origin carry the internal load balancer's name, so it should read as one.
    """
    original = FakeLoadBalancer.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if self.scheme == "internal" and not self.dns_name.startswith("internal-"):
            self.dns_name = f"internal-{self.dns_name}"

    FakeLoadBalancer.__init__ = init
    return "AWS::ElasticLoadBalancingV2::LoadBalancer: internal-<name> DNS names for internal schemes"


def apply() -> list[str]:
    return [_elbv2_attributes(), _internal_dns_name()]
