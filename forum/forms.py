"""Forms of the forum; the rules live in the domain modules, not here."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from forum.conf import forum_settings
from forum.models import EmailPreference, Subscription


class PostForm(forms.Form):
    source = forms.CharField(
        label=_("Your text"),
        widget=forms.Textarea(attrs={"rows": 10, "data-forum-draft": "1"}),
        help_text=_(
            "Formatting: Markdown (CommonMark). **bold**, _italic_, [link](https://…), > quote."
        ),
    )
    language = forms.ChoiceField(label=_("Language of your text"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limit is enforced by forum.limits with a clear message; no hard cut in the browser.
        self.fields["source"].widget.attrs["data-max-length"] = forum_settings.MAX_POST_LENGTH


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    field_order = ["title", "source", "language"]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should a moderator look at this post?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SuspendForm(forms.Form):
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=3650, initial=7)
    reason = forms.CharField(label=_("Reason"), max_length=500)


class LevelForm(forms.Form):
    level = forms.ChoiceField(label=_("Notifications"), choices=Subscription.Level.choices)


class EmailPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Email about the forum"), choices=EmailPreference.Frequency.choices
    )
