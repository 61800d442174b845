"""A CloudFormation `DistributionConfig` in the shape CloudFront's API (and moto's model) takes.

The two spell the same settings differently: CloudFormation writes lists where the API wraps them
in `{Quantity, Items}`, says `IPV6Enabled` for `IsIPV6Enabled`, `AcmCertificateArn` for
`ACMCertificateArn`, `OriginSSLProtocols` for `OriginSslProtocols` and `OriginCustomHeaders` for
`CustomHeaders`. moto's distribution reads only the API's shape, so the template's config is
translated before it is handed over. moto's origin also drops `VpcOriginConfig`; `apply()` keeps it.
"""

from typing import Any

from moto.cloudfront.models import Origin


def _items(values: Any) -> dict[str, Any]:
    values = list(values or [])
    return {"Quantity": len(values), "Items": values} if values else {"Quantity": 0}


def _flag(value: Any, default: bool) -> bool:
    if value is None:
        return default
    return str(value).lower() == "true"


def _origin(origin: dict[str, Any]) -> dict[str, Any]:
    converted = {key: value for key, value in origin.items() if key != "OriginCustomHeaders"}
    converted["CustomHeaders"] = _items(origin.get("OriginCustomHeaders"))
    custom = origin.get("CustomOriginConfig")
    if custom is not None:
        converted["CustomOriginConfig"] = {
            **{key: value for key, value in custom.items() if key != "OriginSSLProtocols"},
            "OriginSslProtocols": _items(custom.get("OriginSSLProtocols", ["TLSv1.2"])),
        }
    return converted


def _behaviour(behaviour: dict[str, Any]) -> dict[str, Any]:
    lists = ("AllowedMethods", "CachedMethods", "TrustedSigners", "TrustedKeyGroups")
    converted = {key: value for key, value in behaviour.items() if key not in lists}
    cached = behaviour.get("CachedMethods", ["GET", "HEAD"])
    converted["AllowedMethods"] = {
        **_items(behaviour.get("AllowedMethods", ["GET", "HEAD"])),
        "CachedMethods": _items(cached),
    }
    for key in ("TrustedSigners", "TrustedKeyGroups"):
        if key in behaviour:
            converted[key] = _items(behaviour[key])
    converted["Compress"] = _flag(behaviour.get("Compress"), False)
    return converted


def _viewer_certificate(certificate: dict[str, Any]) -> dict[str, Any]:
    acm = certificate.get("AcmCertificateArn")
    iam = certificate.get("IamCertificateId")
    converted: dict[str, Any] = {
        "CloudFrontDefaultCertificate": _flag(certificate.get("CloudFrontDefaultCertificate"), not (acm or iam)),
        "MinimumProtocolVersion": certificate.get("MinimumProtocolVersion", "TLSv1"),
    }
    if acm:
        converted["ACMCertificateArn"] = acm
    if iam:
        converted["IAMCertificateId"] = iam
    if acm or iam:
        converted["SSLSupportMethod"] = certificate.get("SslSupportMethod", "sni-only")
    return converted


def api_distribution_config(config: dict[str, Any], caller_reference: str) -> dict[str, Any]:
    """The API's `DistributionConfig` for CloudFormation's; `caller_reference` stands in for the one the API needs."""
    renamed = ("IPV6Enabled", "Aliases", "Origins", "DefaultCacheBehavior", "CacheBehaviors", "ViewerCertificate")
    renamed += ("CustomErrorResponses", "Restrictions", "Logging")
    converted = {key: value for key, value in config.items() if key not in renamed}
    converted["CallerReference"] = caller_reference
    converted["Comment"] = config.get("Comment", "")
    converted["Enabled"] = _flag(config.get("Enabled"), True)
    converted["IsIPV6Enabled"] = _flag(config.get("IPV6Enabled"), False)
    converted["Aliases"] = _items(config.get("Aliases"))
    origins = [_origin(origin) for origin in config.get("Origins", [])]
    converted["Origins"] = {"Quantity": len(origins), "Items": origins}
    converted["DefaultCacheBehavior"] = _behaviour(config.get("DefaultCacheBehavior", {}))
    converted["CacheBehaviors"] = _items([_behaviour(b) for b in config.get("CacheBehaviors", [])])
    converted["CustomErrorResponses"] = _items(config.get("CustomErrorResponses"))
    converted["ViewerCertificate"] = _viewer_certificate(config.get("ViewerCertificate", {}))
    geo = config.get("Restrictions", {}).get("GeoRestriction")
    if geo:
        converted["Restrictions"] = {
            "GeoRestriction": {"RestrictionType": geo.get("RestrictionType", "none"), **_items(geo.get("Locations"))}
        }
    if "Logging" in config:
        converted["Logging"] = {"Enabled": True, "IncludeCookies": False, "Prefix": "", **config["Logging"]}
    return converted


def _vpc_origin_config_kept() -> str:
    """moto's `Origin` copies S3 and custom origin settings only; a VPC origin's id would vanish."""
    original = Origin.__init__

    def init(self: Any, origin: dict[str, Any]) -> None:
        original(self, origin)
        if "VpcOriginConfig" in origin:
            vpc = dict(origin["VpcOriginConfig"])
            vpc.setdefault("OriginReadTimeout", 30)
            vpc.setdefault("OriginKeepaliveTimeout", 5)
            self.vpc_origin_config = vpc

    Origin.__init__ = init
    return "CloudFront origins: VpcOriginConfig kept"


def apply() -> list[str]:
    return [_vpc_origin_config_kept()]
