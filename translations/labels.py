"""What a reader is told about the language and the kind of text of the page they read."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext, pgettext
from wagtail.models import Page

from kb import content_version
from translations.models import Provenance

Status = Provenance.Status


def from_language(code: str) -> str:
    """ "from Spanish", inflected as the reader's language needs it."""
    return {
        "es": pgettext("translated from", "from Spanish"),
        "de": pgettext("translated from", "from German"),
        "en": pgettext("translated from", "from English"),
    }.get(code, code)


def in_language(code: str) -> str:
    """ "in Spanish", inflected as the reader's language needs it."""
    return {
        "es": pgettext("written in", "in Spanish"),
        "de": pgettext("written in", "in German"),
        "en": pgettext("written in", "in English"),
    }.get(code, code)


@dataclass
class ReaderNotice:
    """The page's language, whether it stands in for a missing translation, and its provenance."""

    reader_language: str
    content_language: str
    provenance: Provenance | None = None
    source_url: str | None = None
    out_of_date: bool = False

    @property
    def is_fallback(self) -> bool:
        return self.content_language != self.reader_language

    def fallback_text(self) -> str:
        return gettext(
            "This page is not yet available %(in_reader_language)s; "
            "it is shown %(in_content_language)s."
        ) % {
            "in_reader_language": in_language(self.reader_language),
            "in_content_language": in_language(self.content_language),
        }

    def provenance_text(self) -> str:
        """The label near the title: what kind of translation this is."""
        provenance = self.provenance
        if provenance is None:
            return ""
        source = from_language(provenance.source_page.locale.language_code)
        if provenance.status == Status.MACHINE:
            return gettext("Machine translation %(from_language)s") % {"from_language": source}
        if provenance.status == Status.OFFICIAL:
            return gettext("Official version")
        if provenance.status == Status.REVIEWED and provenance.reviewed_at:
            return gettext("Translation %(from_language)s reviewed by %(name)s on %(date)s") % {
                "from_language": source,
                "name": reviewer_name(provenance.reviewed_by),
                "date": _date(provenance.reviewed_at),
            }
        return gettext("Translation %(from_language)s") % {"from_language": source}


def _date(value) -> str:
    return date_format(localtime(value), "DATE_FORMAT")


def reviewer_name(user) -> str:
    """A reviewer as readers may see them: their name, never their address."""
    if user is None or getattr(user, "deleted_at", None):
        return gettext("a former editor")
    return user.get_full_name() or gettext("an editor of the network")


def _shows_page_itself(request) -> bool:
    """False on a routable page's sub-views (e.g. a forum topic): the label is the page's."""
    match = getattr(request, "routable_resolver_match", None)
    return match is None or match.route in ("", "^$")


def _with_notice_relations(pages):
    # Not the reviewer: only a reviewed translation reads them, and their name may
    # change without any page changing.
    return pages.select_related(
        "locale", "alias_of__locale", "translation_provenance__source_page__locale"
    )


def live_translations(request, page) -> dict:
    """Live translations of ``page`` (itself included) by language code, with what the
    reader notice needs: cached until a page or a provenance changes (the kb version),
    and kept for the request, shared with the language switcher."""
    memo = request.__dict__.setdefault("_puente_translations", {}) if request else {}
    if page.pk not in memo:
        pages = Page.objects.filter(translation_key=page.translation_key, live=True)
        rows = content_version.remember(
            ["page-translations", str(page.translation_key)],
            lambda: list(_with_notice_relations(pages)),
        )
        memo[page.pk] = {p.locale.language_code: p for p in rows}
    return memo[page.pk]


def reader_notice(request, page) -> ReaderNotice | None:
    """What to tell the reader of ``page``, read with its translations and kept for the request."""
    if not isinstance(page, Page) or page.pk is None:
        return None
    memo = request.__dict__.setdefault("_puente_reader_notice", {}) if request else {}
    if page.pk in memo:
        return memo[page.pk]
    row = next((p for p in live_translations(request, page).values() if p.pk == page.pk), None)
    if row is None:  # a draft or a preview: not among the live translations
        row = _with_notice_relations(Page.objects.filter(pk=page.pk)).first()
    notice = None
    if row is not None:
        # An alias (wagtail-localize's synchronised trees) shows its source's text as it is.
        written_in = (row.alias_of or row).locale.language_code
        notice = ReaderNotice(reader_language=get_language(), content_language=written_in)
        try:
            provenance = row.translation_provenance
        except ObjectDoesNotExist:
            provenance = None
        source = provenance.source_page if provenance else None
        if source is not None and source.live and _shows_page_itself(request):
            notice.provenance = provenance
            notice.source_url = source.get_url(request)
            notice.out_of_date = bool(
                source.last_published_at
                and page.last_published_at
                and source.last_published_at > page.last_published_at
            )
    memo[page.pk] = notice
    return notice
