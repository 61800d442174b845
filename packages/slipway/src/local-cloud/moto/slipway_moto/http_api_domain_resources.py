"""An HTTP API's custom domain: the regional domain name and the mapping of an API's stage onto it.

Made through moto's apigatewayv2 backend, so `get-domain-names` and `get-api-mappings` answer.
The domain's regional name (`d-….execute-api.<region>.amazonaws.com`) and hosted zone are what a
Route 53 alias points at; nothing answers on them locally.
"""

import string
from typing import Any

from moto.apigatewayv2.exceptions import ApiMappingNotFound, DomainNameNotFound
from moto.core.utils import pascal_to_camelcase, remap_nested_keys
from moto.moto_api._internal import mock_random

from .added_resource import AddedResource, register
from .http_api_checks import HttpApiInvalid
from .http_api_resources import api_named, backend, tag_map

# API Gateway's regional endpoints' Route 53 hosted zones, from AWS's "Amazon API Gateway endpoints
# and quotas" page (general reference). A region missing here has no `RegionalHostedZoneId`.
_REGIONAL_HOSTED_ZONES = {
    "us-east-1": "Z1UJRXOUMOOFQ8",
    "us-east-2": "ZOJJZC49E0EPZ",
    "us-west-1": "Z2MUQ32089INYE",
    "us-west-2": "Z2OJLYMUO9EFXC",
    "ca-central-1": "Z19DQILCV0OWEC",
    "eu-central-1": "Z1U9ULNL0V5AJ3",
    "eu-west-1": "ZLY8HYME6SFDD",
    "eu-west-2": "ZJ5UAJN8Y3Z2Q",
    "eu-west-3": "Z3KY65QIEKYHQQ",
    "ap-south-1": "Z3VO1THU9YC4UR",
    "ap-northeast-1": "Z1YSHQZHG15GKL",
    "ap-northeast-2": "Z20JF4UZKIW1U8",
    "ap-northeast-3": "Z2YQB5RD63NC85",
    "ap-southeast-1": "ZL327KTPIQFUL",
    "ap-southeast-2": "Z2RPCDW04V8134",
    "sa-east-1": "ZCMLWB8V5SYIT",
}


def _configurations(properties: dict[str, Any], regional_name: str, region_name: str) -> list[dict[str, Any]]:
    """The domain's configurations as the API returns them, with the regional name and zone filled in."""
    given = list(properties.get("DomainNameConfigurations") or [])
    if not given or not all(configuration.get("CertificateArn") for configuration in given):
        raise HttpApiInvalid(
            "DomainNameConfigurations[0].CertificateArn is required: pass the ARN of an ACM certificate for the "
            "domain in the API's region"
        )
    zone = _REGIONAL_HOSTED_ZONES.get(region_name)
    return [
        {
            "endpointType": "REGIONAL",
            "securityPolicy": "TLS_1_2",
            **remap_nested_keys(configuration, pascal_to_camelcase),
            "apiGatewayDomainName": regional_name,
            "domainNameStatus": "AVAILABLE",
            **({"hostedZoneId": zone} if zone else {}),
        }
        for configuration in given
    ]


@register
class HttpApiDomainName(AddedResource):
    """Ref: the domain name; `RegionalDomainName`, `RegionalHostedZoneId`, `DomainNameArn`."""

    TYPE = "AWS::ApiGatewayV2::DomainName"
    CREATE_ONLY = ("DomainName",)

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        domain_name = properties.get("DomainName")
        if not domain_name:
            raise HttpApiInvalid("DomainName is required: give the custom domain, like api.example.com")
        apis = backend(account_id, region_name)
        if domain_name in apis.domain_names:
            raise HttpApiInvalid(f"DomainName: '{domain_name}' already exists in {region_name}; use another name")
        alphabet = string.ascii_lowercase + string.digits
        label = "".join(mock_random.choice(alphabet) for _ in range(10))
        regional_name = f"d-{label}.execute-api.{region_name}.amazonaws.com"
        domain = apis.create_domain_name(
            domain_name=domain_name,
            domain_name_configurations=_configurations(properties, regional_name, region_name),
            mutual_tls_authentication=remap_nested_keys(
                properties.get("MutualTlsAuthentication") or {}, pascal_to_camelcase
            ),
            tags=tag_map(properties.get("Tags")),
        )
        attributes = {"RegionalDomainName": regional_name, "DomainNameArn": domain.domain_name_arn}
        if region_name in _REGIONAL_HOSTED_ZONES:
            attributes["RegionalHostedZoneId"] = _REGIONAL_HOSTED_ZONES[region_name]
        return cls(domain_name, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        # A new certificate or security policy changes the domain in place; its regional name stays.
        domain = backend(account_id, region_name).get_domain_name(original.physical_id)
        regional_name = original.attributes["RegionalDomainName"]
        domain.domain_name_configurations = _configurations(properties, regional_name, region_name)
        domain.tags = tag_map(properties.get("Tags"))
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            backend(self.account_id, self.region_name).delete_domain_name(self.physical_id)
        except DomainNameNotFound:
            pass


@register
class HttpApiMapping(AddedResource):
    """Ref and `ApiMappingId`: the mapping's id. The domain, the API and its stage must exist."""

    TYPE = "AWS::ApiGatewayV2::ApiMapping"
    CREATE_ONLY = ("DomainName",)

    @staticmethod
    def _make(properties: dict[str, Any], account_id: str, region_name: str) -> Any:
        apis = backend(account_id, region_name)
        domain_name = properties["DomainName"]
        if domain_name not in apis.domain_names:
            raise HttpApiInvalid(
                f"DomainName: no custom domain '{domain_name}' in {region_name}; pass the Ref of an "
                "AWS::ApiGatewayV2::DomainName"
            )
        api = api_named(account_id, region_name, properties["ApiId"])
        if properties["Stage"] not in api.stages:
            raise HttpApiInvalid(
                f"Stage: API {api.api_id} has no stage '{properties['Stage']}'; pass the Ref of its "
                "AWS::ApiGatewayV2::Stage"
            )
        return apis.create_api_mapping(
            api_id=api.api_id,
            api_mapping_key=properties.get("ApiMappingKey", ""),
            domain_name=domain_name,
            stage=properties["Stage"],
        )

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        mapping = cls._make(properties, account_id, region_name)
        attributes = {"ApiMappingId": mapping.api_mapping_id}
        return cls(mapping.api_mapping_id, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        # The API, stage and key change in place and the mapping keeps its id, as on AWS.
        mappings = backend(account_id, region_name).api_mappings
        kept = mappings.pop(original.physical_id, None)
        try:
            mapping = cls._make(properties, account_id, region_name)
        except HttpApiInvalid:
            if kept is not None:
                mappings[original.physical_id] = kept
            raise
        mappings.pop(mapping.api_mapping_id, None)
        mapping.api_mapping_id = original.physical_id
        mappings[original.physical_id] = mapping
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            apis = backend(self.account_id, self.region_name)
            apis.delete_api_mapping(self.physical_id, self.properties["DomainName"])
        except ApiMappingNotFound:
            pass
