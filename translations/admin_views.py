"""Admin views: the translation status of each translated page, and the glossary check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.models import Page

from translations import glossary, provenance
from translations.forms import StatusForm
from translations.models import Provenance

PAGE_SIZE = 50


def _translated_pages():
    return Provenance.objects.select_related(
        "page__locale", "source_page__locale", "reviewed_by"
    ).order_by("page__path", "page__locale__language_code")


def status_index(request):
    """Every translated page with its status, newest changes of the originals flagged."""
    paginator = Paginator(_translated_pages(), PAGE_SIZE)
    rows = paginator.get_page(request.GET.get("p"))
    for row in rows:
        source = row.source_page
        row.out_of_date = bool(
            source
            and source.last_published_at
            and row.page.last_published_at
            and source.last_published_at > row.page.last_published_at
        )
    return render(
        request,
        "translations/admin/status_index.html",
        {"page_title": _("Translation status"), "header_icon": "globe", "rows": rows},
    )


def edit_status(request, page_id):
    """Mark a translation machine-made, reviewed (by the editor, now) or official."""
    page = get_object_or_404(Page, pk=page_id).specific
    source = provenance.source_of(page)
    if source is None:
        raise Http404(_("This page is an original, not a translation."))
    current = Provenance.objects.filter(page=page).first()
    form = StatusForm(
        request.POST or None,
        initial={"status": current.status if current else Provenance.Status.TRANSLATED},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            provenance.set_status(page, form.cleaned_data["status"], by=request.user)
            messages.success(request, _("Translation status saved."))
            return redirect("translations_admin:status_index")
        status = 400
    elif not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return render(
        request,
        "translations/admin/edit_status.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "globe",
            "page": page,
            "source": source,
            "provenance": current,
            "form": form,
            "mismatches": glossary.page_mismatches(page, source),
        },
        status=status,
    )


def glossary_check(request):
    """Translated pages whose wording departs from the glossary, term by term."""
    language = request.GET.get("language", "")
    rows = _translated_pages().filter(page__live=True, source_page__isnull=False)
    if language:
        rows = rows.filter(page__locale__language_code=language)
    paginator = Paginator(rows, PAGE_SIZE)
    chunk = paginator.get_page(request.GET.get("p"))
    report = []
    for row in chunk:
        found = glossary.page_mismatches(row.page, row.source_page)
        if found:
            report.append({"provenance": row, "mismatches": found})
    return render(
        request,
        "translations/admin/glossary_check.html",
        {
            "page_title": _("Glossary check"),
            "header_icon": "spell-check",
            "report": report,
            "chunk": chunk,
            "language": language,
        },
    )
