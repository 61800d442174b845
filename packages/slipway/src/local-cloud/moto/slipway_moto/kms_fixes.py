"""The KMS key of the CodePipeline stacks as CloudFormation describes it."""

from typing import Any

from moto.kms.models import Key


def _kms_key_tags() -> str:
    """`AWS::KMS::Key` takes `Tags` as CloudFormation's `Key`/`Value` pairs.

    moto's handler passes them on to its KMS backend unchanged, and that backend stores tags in
    the KMS API's own shape, `TagKey`/`TagValue`, so any tagged key failed with `KeyError: 'TagKey'`
    and took its stack down. Every Slipway stack tags its resources, so the pipeline stacks'
    artifact keys always have tags. The pairs are renamed here; `ListResourceTags` then shows them.
    """
    original = Key.create_from_cloudformation_json.__func__

    def create(
        cls: Any,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> Any:
        properties = cloudformation_json.get("Properties", {})
        tags = properties.get("Tags")
        if isinstance(tags, list):
            properties["Tags"] = [_kms_tag(tag) for tag in tags]
        return original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)

    Key.create_from_cloudformation_json = classmethod(create)
    return "AWS::KMS::Key: Tags given as CloudFormation's Key/Value pairs"


def _kms_tag(tag: Any) -> Any:
    if isinstance(tag, dict) and "Key" in tag:
        return {"TagKey": tag["Key"], "TagValue": tag.get("Value", "")}
    return tag


def apply() -> list[str]:
    return [_kms_key_tags()]
