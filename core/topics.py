"""Tags shown in the page's language: each tag's `TopicLabel` there, else its own name."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    pk: int
    slug: str
    name: str


def labelled(tags, locale):
    """``[Topic]`` for ``tags`` (Tag objects or ``{"pk", "slug", "name"}``), named in
    ``locale`` (a Locale or its id), sorted by name (one query). A tag without a label keeps
    its own name, with a capital first letter like the labels."""
    from .models import TopicLabel

    tags = [tag if isinstance(tag, dict) else vars(tag) | {"pk": tag.pk} for tag in tags]
    if not tags:
        return []
    labels = dict(
        TopicLabel.objects.filter(
            tag_id__in=[tag["pk"] for tag in tags], locale=locale
        ).values_list("tag_id", "label")
    )
    topics = [
        Topic(
            tag["pk"],
            tag["slug"],
            labels.get(tag["pk"]) or tag["name"][:1].upper() + tag["name"][1:],
        )
        for tag in tags
    ]
    return sorted(topics, key=lambda topic: topic.name.casefold())
