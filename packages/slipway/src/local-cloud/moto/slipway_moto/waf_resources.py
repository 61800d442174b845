"""The edge stack's web ACL, through moto's WAFv2 backend.

moto's WAFv2 has the API but no CloudFormation handler. A CLOUDFRONT web ACL lives where the API
keeps it (the partition's global backend, ARN in us-east-1), so `GetWebACL` with Scope CLOUDFRONT
finds what a stack made. Rules are stored, never evaluated.
"""

from typing import Any

from moto.utilities.utils import get_partition
from moto.wafv2.exceptions import WAFNonexistentItemException
from moto.wafv2.models import wafv2_backends

from .added_resource import AddedResource, register, tag_list


def _backend(scope: str, account_id: str, region_name: str) -> Any:
    # The API keeps CLOUDFRONT web ACLs in the global backend, whatever region it was called in.
    return wafv2_backends[account_id][get_partition(region_name) if scope == "CLOUDFRONT" else region_name]


def web_acl_exists(arn: str, account_id: str, region_name: str) -> bool:
    """Whether `arn` names a CLOUDFRONT web ACL: what a distribution's `WebACLId` must be."""
    return arn in _backend("CLOUDFRONT", account_id, region_name).wacls


def _rules(properties: dict[str, Any]) -> list[dict[str, Any]]:
    """CloudFormation may hand numbers over as strings; the API's rules carry integers."""
    rules = []
    for rule in properties.get("Rules", []):
        rule = dict(rule)
        rule["Priority"] = int(rule["Priority"])
        rate = rule.get("Statement", {}).get("RateBasedStatement")
        if rate is not None:
            statement = {**rule["Statement"], "RateBasedStatement": {**rate, "Limit": int(rate["Limit"])}}
            if "EvaluationWindowSec" in rate:
                statement["RateBasedStatement"]["EvaluationWindowSec"] = int(rate["EvaluationWindowSec"])
            rule["Statement"] = statement
        rules.append(rule)
    return rules


@register
class WebACL(AddedResource):
    """Its Ref is `<name>|<id>|<scope>`, as CloudFormation gives."""

    TYPE = "AWS::WAFv2::WebACL"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        scope = properties.get("Scope")
        if scope not in ("CLOUDFRONT", "REGIONAL"):
            raise ValueError(f"Scope: '{scope}' is not a web ACL scope; use CLOUDFRONT or REGIONAL")
        acl_name = properties.get("Name", name)
        acl = _backend(scope, account_id, region_name).create_web_acl(
            name=acl_name,
            visibility_config=properties["VisibilityConfig"],
            default_action=properties["DefaultAction"],
            scope=scope,
            description=properties.get("Description"),
            tags=tag_list(properties.get("Tags")),
            rules=_rules(properties),
            association_config=properties.get("AssociationConfig"),
            captcha_config=properties.get("CaptchaConfig"),
            challenge_config=properties.get("ChallengeConfig"),
            custom_response_bodies=properties.get("CustomResponseBodies"),
            token_domains=properties.get("TokenDomains"),
        )
        attributes = {
            "Arn": acl.arn,
            "Id": acl.id,
            "Capacity": acl.capacity,
            "LabelNamespace": acl.label_namespace,
        }
        return cls(f"{acl_name}|{acl.id}|{scope}", attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        # A new name or scope replaces the web ACL; rules, actions and the rest change in place.
        acl_name, acl_id, scope = original.physical_id.split("|")
        if properties.get("Name", acl_name) != acl_name or properties.get("Scope") != scope:
            return super().update(original, name, properties, account_id, region_name)
        backend = _backend(scope, account_id, region_name)
        acl = backend.get_web_acl(original.attributes["Arn"], None, None)
        backend.update_web_acl(
            name=acl_name,
            _id=acl_id,
            default_action=properties["DefaultAction"],
            rules=_rules(properties),
            description=properties.get("Description"),
            visibility_config=properties["VisibilityConfig"],
            lock_token=acl.lock_token,
            custom_response_bodies=properties.get("CustomResponseBodies"),
            captcha_config=properties.get("CaptchaConfig"),
            challenge_config=properties.get("ChallengeConfig"),
            token_domains=properties.get("TokenDomains"),
            association_config=properties.get("AssociationConfig"),
        )
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        acl_name, acl_id, scope = self.physical_id.split("|")
        backend = _backend(scope, self.account_id, self.region_name)
        try:
            acl = backend.get_web_acl(self.attributes["Arn"], None, None)
        except WAFNonexistentItemException:
            return
        backend.delete_web_acl(acl_name, scope, acl_id, acl.lock_token)
