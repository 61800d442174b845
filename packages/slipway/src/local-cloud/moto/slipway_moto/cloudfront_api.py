"""`GetVpcOrigin` and `GetCachePolicy` for the VPC origins and cache policies a stack recorded.

moto's CloudFront has no API for either, so a recorded one could be read only through its stack.
These two reads answer from the records `cloudfront_resources.py` keeps on the backend, in the
API's shapes, so the SDK sees what a deploy made; nothing else about them is answered.
"""

from typing import Any

from moto.cloudfront import urls
from moto.cloudfront.exceptions import CloudFrontException
from moto.cloudfront.responses import CloudFrontResponse
from moto.core.responses import ActionResult

from .cloudfront_resources import records


def _items(values: Any) -> dict[str, Any]:
    values = list(values or [])
    return {"Quantity": len(values), "Items": values} if values else {"Quantity": 0}


def _vpc_origin(record: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation lists the TLS versions; the API wraps them in Quantity and Items."""
    config = record["config"]
    endpoint = {key: value for key, value in config.items() if key != "OriginSSLProtocols"}
    endpoint["OriginSslProtocols"] = _items(config.get("OriginSSLProtocols", ["TLSv1.2"]))
    endpoint["HTTPPort"] = int(config.get("HTTPPort", 80))
    endpoint["HTTPSPort"] = int(config.get("HTTPSPort", 443))
    keys = ("Id", "Arn", "Status", "CreatedTime", "LastModifiedTime")
    return {**{key: record[key] for key in keys}, "VpcOriginEndpointConfig": endpoint}


def _cache_policy_config(config: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation lists cookies, headers and query strings; the API wraps them in Quantity and Items."""
    parameters = dict(config.get("ParametersInCacheKeyAndForwardedToOrigin") or {})
    parts = (("CookiesConfig", "Cookies"), ("HeadersConfig", "Headers"), ("QueryStringsConfig", "QueryStrings"))
    for part, names in parts:
        if part in parameters:
            given = dict(parameters[part])
            if names in given:
                given[names] = _items(given[names])
            parameters[part] = given
    converted = {**config, "ParametersInCacheKeyAndForwardedToOrigin": parameters}
    for ttl in ("DefaultTTL", "MaxTTL", "MinTTL"):
        if ttl in config:
            converted[ttl] = int(config[ttl])
    return converted


def _get_vpc_origin(self: Any) -> ActionResult:
    record = records(self.current_account, self.partition, "slipway_vpc_origins").get(self._get_param("Id"))
    if record is None:
        raise CloudFrontException("EntityNotFound", "The VPC origin does not exist.")
    return ActionResult({"VpcOrigin": _vpc_origin(record), "ETag": record["LastModifiedTime"]})


def _get_cache_policy(self: Any) -> ActionResult:
    record = records(self.current_account, self.partition, "slipway_cache_policies").get(self._get_param("Id"))
    if record is None:
        raise CloudFrontException("NoSuchCachePolicy", "The cache policy does not exist.")
    config = _cache_policy_config(record["config"])
    policy = {"Id": record["Id"], "LastModifiedTime": record["LastModifiedTime"], "CachePolicyConfig": config}
    return ActionResult({"CachePolicy": policy, "ETag": record["LastModifiedTime"]})


def apply() -> list[str]:
    urls.url_paths["{0}/2020-05-31/vpc-origin/(?P<vpc_origin_id>[^/]+)$"] = CloudFrontResponse.dispatch
    urls.url_paths["{0}/2020-05-31/cache-policy/(?P<cache_policy_id>[^/]+)$"] = CloudFrontResponse.dispatch
    CloudFrontResponse.get_vpc_origin = _get_vpc_origin
    CloudFrontResponse.get_cache_policy = _get_cache_policy
    return ["CloudFront: GetVpcOrigin and GetCachePolicy answer from what stacks recorded"]
