"""Page view restrictions read once per kb version, not on every request."""

from wagtail.models import PageViewRestriction

from kb import content_version


class CachedViewRestrictions:
    """A page whose ``get_view_restrictions()`` (asked by Wagtail before serving it, two
    queries) comes from the ids cached under the kb version, which every change to a
    restriction or a page raises; most pages have none, and then cost no query."""

    def get_view_restrictions(self):
        if self.pk is None:
            return super().get_view_restrictions()
        restrictions = super().get_view_restrictions
        ids = content_version.remember(
            ["view-restrictions", self.pk],
            lambda: list(restrictions().values_list("pk", flat=True)),
        )
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
