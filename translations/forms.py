from django import forms
from django.utils.translation import gettext_lazy as _

from translations.models import Provenance


class StatusForm(forms.Form):
    """An editor's verdict on a translation."""

    status = forms.ChoiceField(
        label=_("Translation status"),
        choices=Provenance.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the statuses listed.")},
    )
