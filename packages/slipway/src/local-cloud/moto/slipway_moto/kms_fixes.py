"""The KMS key of the CodePipeline stacks as CloudFormation describes it."""

from typing import Any

from moto.kms.models import Key

from .cfn_rewrites import convert_tags_on_create


def _kms_key_tags() -> str:
    """`AWS::KMS::Key` takes `Tags` as CloudFormation's `Key`/`Value` pairs.

    moto's handler passes them on to its KMS backend unchanged, and that backend stores tags in
    the KMS API's own shape, `TagKey`/`TagValue`, so any tagged key failed with `KeyError: 'TagKey'`
    and took its stack down. Every Slipway stack tags its resources, so the pipeline stacks'
    artifact keys always have tags. The pairs are renamed here; `ListResourceTags` then shows them.
    """
    convert_tags_on_create(Key, _kms_tags)
    return "AWS::KMS::Key: Tags given as CloudFormation's Key/Value pairs"


def _kms_tags(tags: Any) -> Any:
    return [_kms_tag(tag) for tag in tags] if isinstance(tags, list) else tags


def _kms_tag(tag: Any) -> Any:
    if isinstance(tag, dict) and "Key" in tag:
        return {"TagKey": tag["Key"], "TagValue": tag.get("Value", "")}
    return tag


def apply() -> list[str]:
    return [_kms_key_tags()]
