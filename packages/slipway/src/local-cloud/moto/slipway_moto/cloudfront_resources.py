"""The edge stack's CloudFront resources: VPC origins, cache policies and the distribution.

moto's CloudFront backend keeps distributions but has no CloudFormation handler for any CloudFront
type, and no API at all for VPC origins or cache policies. The distribution is created through the
backend, so `GetDistribution` shows what the template set; VPC origins and cache policies are
recorded beside it with the ids and attributes CloudFormation documents, and a distribution naming
one that does not exist fails as it would on AWS. Nothing serves traffic.
"""

from typing import Any

from moto.cloudfront.models import cloudfront_backends
from moto.core.utils import iso_8601_datetime_with_milliseconds
from moto.moto_api._internal import mock_random
from moto.utilities.utils import get_partition

from .added_resource import AddedResource, register, tag_list
from .backend_records import records_on
from .cloudfront_config import api_distribution_config
from .waf_resources import web_acl_exists

_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _backend(account_id: str, region_name: str) -> Any:
    # CloudFront is global: moto keeps one backend per partition.
    return cloudfront_backends[account_id][get_partition(region_name)]


def records(account_id: str, region_name: str, kind: str) -> dict[str, dict[str, Any]]:
    """Recorded VPC origins or cache policies, kept on the backend so a reset clears them too."""
    return records_on(_backend(account_id, region_name), kind)


def _arn(account_id: str, region_name: str, path: str) -> str:
    return f"arn:{get_partition(region_name)}:cloudfront::{account_id}:{path}"


def _random(prefix: str, alphabet: str, length: int) -> str:
    return prefix + "".join(mock_random.choice(alphabet) for _ in range(length))


def _now() -> str:
    return iso_8601_datetime_with_milliseconds()


class _InvalidReference(ValueError):
    pass


class _RecordedConfig(AddedResource):
    """A CloudFront object kept in the emulator's records under its id, with the template's config.

    CloudFront changes such an object's settings in place, so an update keeps the id; subclasses
    name their records (`RECORDS`) and the property holding the config (`CONFIG`).
    """

    RECORDS = ""
    CONFIG = ""

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        record = records(account_id, region_name, cls.RECORDS).get(original.physical_id)
        attributes = {**original.attributes, "LastModifiedTime": _now()}
        if record is not None:
            record.update({"config": properties.get(cls.CONFIG) or {}, **attributes})
        return cls(original.physical_id, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        records(self.account_id, self.region_name, self.RECORDS).pop(self.physical_id, None)


@register
class VpcOrigin(_RecordedConfig):
    """Its Ref is the id (`vo_` and 22 characters, as CloudFront gives)."""

    TYPE = "AWS::CloudFront::VpcOrigin"
    RECORDS = "slipway_vpc_origins"
    CONFIG = "VpcOriginEndpointConfig"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        endpoint = properties.get(cls.CONFIG) or {}
        for field in ("Name", "Arn"):
            if not endpoint.get(field):
                raise _InvalidReference(
                    f"VpcOriginEndpointConfig.{field} is required: name the VPC origin and its load balancer's ARN"
                )
        origin_id = _random("vo_", _ALPHANUMERIC + _ALPHANUMERIC.lower(), 22)
        now = _now()
        attributes = {
            "Id": origin_id,
            "Arn": _arn(account_id, region_name, f"vpcorigin/{origin_id}"),
            "CreatedTime": now,
            "LastModifiedTime": now,
            "Status": "Deployed",
        }
        records(account_id, region_name, cls.RECORDS)[origin_id] = {"config": endpoint, **attributes}
        return cls(origin_id, attributes, properties, account_id, region_name)


@register
class CachePolicy(_RecordedConfig):
    """Its Ref is the policy's id, a UUID like AWS's managed policies have."""

    TYPE = "AWS::CloudFront::CachePolicy"
    RECORDS = "slipway_cache_policies"
    CONFIG = "CachePolicyConfig"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        config = properties.get(cls.CONFIG) or {}
        if not config.get("Name"):
            raise _InvalidReference("CachePolicyConfig.Name is required: give the cache policy a name")
        policy_id = str(mock_random.uuid4())
        attributes = {"Id": policy_id, "LastModifiedTime": _now()}
        records(account_id, region_name, cls.RECORDS)[policy_id] = {"config": config, **attributes}
        return cls(policy_id, attributes, properties, account_id, region_name)


def _check_references(config: dict[str, Any], account_id: str, region_name: str) -> None:
    """CloudFront refuses a distribution whose VPC origin or web ACL does not exist; so does the emulator."""
    vpc_origins = records(account_id, region_name, VpcOrigin.RECORDS)
    for index, origin in enumerate(config.get("Origins", [])):
        vpc_origin_id = (origin.get("VpcOriginConfig") or {}).get("VpcOriginId")
        if vpc_origin_id is not None and vpc_origin_id not in vpc_origins:
            raise _InvalidReference(
                f"DistributionConfig.Origins[{index}].VpcOriginConfig.VpcOriginId: no VPC origin '{vpc_origin_id}'; "
                "pass the Id of an AWS::CloudFront::VpcOrigin"
            )
    web_acl = config.get("WebACLId")
    if web_acl and not web_acl_exists(web_acl, account_id, region_name):
        raise _InvalidReference(
            f"DistributionConfig.WebACLId: no CLOUDFRONT web ACL '{web_acl}'; pass the Arn of an "
            "AWS::WAFv2::WebACL with Scope CLOUDFRONT"
        )


@register
class Distribution(AddedResource):
    """Its Ref is the distribution id (`E` and 13 characters); `DomainName` is `<d…>.cloudfront.net`."""

    TYPE = "AWS::CloudFront::Distribution"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        config = properties.get("DistributionConfig") or {}
        _check_references(config, account_id, region_name)
        backend = _backend(account_id, region_name)
        dist, _, _ = backend.create_distribution(api_distribution_config(config, f"{name}-{mock_random.uuid4()}"), [])
        # moto's ids start with any letter; CloudFront's start with E.
        backend.distributions.pop(dist.distribution_id)
        dist.distribution_id = dist.id = _random("E", _ALPHANUMERIC, 13)
        dist.arn = _arn(account_id, region_name, f"distribution/{dist.id}")
        dist.domain_name = _random("d", _ALPHANUMERIC.lower(), 13) + ".cloudfront.net"
        backend.distributions[dist.id] = dist
        if properties.get("Tags"):
            backend.tag_resource(dist.arn, tag_list(properties["Tags"]))
        _certificate_source(dist)
        attributes = {"Id": dist.id, "DomainName": dist.domain_name}
        return cls(dist.id, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        # Every DistributionConfig change is made in place: the id and domain name stay.
        config = properties.get("DistributionConfig") or {}
        _check_references(config, account_id, region_name)
        backend = _backend(account_id, region_name)
        dist, _ = backend.get_distribution(original.physical_id)
        reference = dist.distribution_config.caller_reference
        backend.update_distribution(api_distribution_config(config, reference), original.physical_id, if_match=True)
        _certificate_source(dist)
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        _backend(self.account_id, self.region_name).distributions.pop(self.physical_id, None)


def _certificate_source(dist: Any) -> None:
    """moto says every certificate is CloudFront's own; one from ACM is `acm`, as GetDistribution shows it."""
    certificate = dist.distribution_config.ViewerCertificate
    if certificate.acm_certificate_arn:
        certificate.cloud_front_default_certificate = False
        certificate.certificate_source = "acm"
        certificate.certificate = certificate.acm_certificate_arn
