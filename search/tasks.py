"""Background tasks that update the index; signals enqueue them after the commit."""

from django_tasks import task

from search import indexing


@task()
def update_object(
    model_label: str, pk: str, with_descendants: bool = False, with_dependents: bool = True
) -> None:
    """Index one object again (and, for a page, its descendants when asked)."""
    indexing.update_by_key(model_label, pk, with_dependents=with_dependents)
    if with_descendants:
        from wagtail.models import Page

        page = Page.objects.filter(pk=pk).first()
        if page is not None:
            for descendant in page.get_descendants().specific().iterator():
                indexing.update(descendant)


@task()
def remove_objects(keys: list[str]) -> None:
    indexing.remove(keys)


@task()
def rebuild_index() -> int:
    return indexing.rebuild()
