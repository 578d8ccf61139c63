"""The "Translate" button of a post: a POST that asks for the translation, then back to the post.

Routed by ``ForumIndexPage`` (``p/<id>/translation/``). Whoever may read the post may ask
for its translation, in the language they are browsing; the topic page then shows it
(``?translate=<id>``, see ``forum.templatetags.forum_translation``).
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import permissions, reading, translation
from forum.models import Post


def post_url(request, index, post: Post, *, translated: bool) -> str:
    """The post where the reader was (``next``), else on its topic page; translated or not."""
    from forum.views import _category_for

    url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        url = _category_for(index, post.topic).topic_url(post.topic, reading.page_of(post.position))
    url, _hash, _anchor = url.partition("#")
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if (k, v) != ("translate", str(post.pk))]
    if translated:
        query.append(("translate", str(post.pk)))
    url = urlunsplit(parts._replace(query=urlencode(query)))
    return f"{url}#post-{post.position}"


@require_POST
def translate(request, index, post_id: int):
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=post_id)
    if not permissions.can(request.user, "read", post):
        if not request.user.is_authenticated:
            return redirect_to_login(post_url(request, index, post, translated=False))
        raise PermissionDenied
    try:
        translation.request_translation(post, get_language(), by=request.user)
    except translation.Unavailable as unavailable:
        messages.error(request, unavailable.message)
        return redirect(post_url(request, index, post, translated=False))
    except ValueError:
        return HttpResponseBadRequest(_("This post is already in your language."))
    return redirect(post_url(request, index, post, translated=True))
