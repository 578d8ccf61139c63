from allauth.account import forms as account_forms
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from members import avatars, notifications, permissions
from members.models import Invitation, JoinRequest, Membership, OrganisationRole, User


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Language for the site and emails"), choices=settings.LANGUAGES
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation: Invitation, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            probe = User(
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(forms.ModelForm):
    avatar_upload = forms.FileField(
        label=_("Avatar"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 5 MB. It is shown to members only."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    remove_avatar = forms.BooleanField(label=_("Remove my avatar"), required=False)
    forum_email = forms.ChoiceField(
        label=_("Forum emails"),
        choices=notifications.FREQUENCY_CHOICES,
        help_text=_("How often the forum emails you about topics you follow and mentions."),
    )

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "languages_spoken",
            "bio",
            "preferred_language",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum_email"].initial = notifications.email_frequency(self.instance)

    def clean_avatar_upload(self):
        upload = self.cleaned_data.get("avatar_upload")
        return avatars.process(upload) if upload else None

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("remove_avatar") and user.avatar:
            user.avatar.delete(save=False)
            user.avatar = ""
        if self.cleaned_data.get("avatar_upload"):
            if user.avatar:
                user.avatar.delete(save=False)
            upload = self.cleaned_data["avatar_upload"]
            user.avatar.save(upload.name, upload, save=False)
        if commit:
            user.save()
            notifications.set_email_frequency(user, self.cleaned_data["forum_email"])
        return user


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationRole.choices)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("The email and the first pages are in this language."),
    )

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = translation.get_language()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(
            user__email__iexact=email,
            organisation__translation_key=self.organisation.translation_key,
        ).exists():
            raise forms.ValidationError(
                _("This person is already a member of the organisation."), code="member"
            )
        return email


class OrganisationChoiceField(forms.ModelChoiceField):
    """An id beyond the database's integers is an invalid choice, not an OverflowError."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["name", "email", "organisation", "message", "language"]
        field_classes = {"organisation": OrganisationChoiceField}
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = permissions.organisation_model().objects.live()
        here = organisations.filter(locale__language_code=translation.get_language())
        self.fields["organisation"].queryset = (here if here.exists() else organisations).order_by(
            "title"
        )
        self.fields["language"].initial = translation.get_language()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email, is_active=True).exists():
            raise forms.ValidationError(
                _(
                    "There is already an account with this address. Sign in, or reset your "
                    "password if you forgot it."
                ),
                code="exists",
            )
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationRole.choices)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my profile are deleted for good.")
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong")
        return password


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), required=False, max_length=100)


class RequestReauthenticationCodeForm(account_forms.RequestReauthenticationCodeForm):
    """allauth's form, whose address field has no label of its own to translate."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].label = _("Send the code to")
