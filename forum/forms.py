"""Forms of the forum; the rules live in the domain modules, not here."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from forum.conf import forum_settings
from forum.models import EmailPreference, Subscription


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files; ``forum.attachments`` checks them, with the post's limits."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class PostForm(forms.Form):
    source = forms.CharField(
        label=_("Your text"),
        widget=forms.Textarea(attrs={"rows": 10, "data-forum-draft": "1"}),
        help_text=_(
            "Formatting: Markdown (CommonMark). **bold**, _italic_, [link](https://…), > quote."
        ),
    )
    language = forms.ChoiceField(label=_("Language of your text"), choices=settings.LANGUAGES)
    attachments = MultipleFileField(
        label=_("Attach files or images"),
        required=False,
        help_text=_(
            "Images (JPEG, PNG, WebP, GIF), PDF, plain text and office documents. "
            "Images are resized and their metadata (e.g. location) removed."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limit is enforced by forum.limits with a clear message; no hard cut in the browser.
        self.fields["source"].widget.attrs["data-max-length"] = forum_settings.MAX_POST_LENGTH
        self.fields["attachments"].widget.attrs.update(
            {
                "data-max-bytes": forum_settings.MAX_ATTACHMENT_BYTES,
                "data-too-large": _("A file is larger than allowed."),
                "accept": "image/jpeg,image/png,image/webp,image/gif,application/pdf,text/plain,"
                ".txt,.csv,.docx,.xlsx,.pptx,.odt,.ods,.odp",
            }
        )


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    field_order = ["title", "source", "language", "attachments"]


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
