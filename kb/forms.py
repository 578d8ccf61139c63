"""Forms of the consultation: a decision on a version, a deadline for a new consultation."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kb.models import Endorsement


class DecisionForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Endorsement.Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you endorse with a comment."),
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["organisation"].choices = [(o.pk, o.title) for o in organisations]

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") == Endorsement.Decision.ENDORSE_WITH_COMMENT
            and not (data.get("comment") or "").strip()
        ):
            self.add_error("comment", _("Write the comment that goes with your endorsement."))
        return data

    @property
    def chosen_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]


class ConsultationForm(forms.Form):
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class AdoptionForm(forms.Form):
    """The version number the coordinator saw on the confirmation page."""

    number = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
