"""Demo people: a coordinator, a moderator, and an admin, an editor and a member for
three organisations. All share one documented password (demo database only)."""

from allauth.account.models import EmailAddress

from members.models import Membership, NetworkRole, User

# bandit: the demo's published password (README), demo database only
DEMO_PASSWORD = "puente-demo-2026"  # noqa: S105 - printed on purpose, demo database only  # nosec B105
DOMAIN = "demo.puente.local"
ORGANISATION_COUNT = 3
LANGUAGES = ["es", "de", "en"]


def person(username, first_name, last_name, language="es") -> User:
    email = f"{username}@{DOMAIN}"
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "username": username,
            "first_name": first_name,
            "last_name": last_name,
            "preferred_language": language,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def organisations():
    from kb.models import OrganisationPage

    return list(
        OrganisationPage.objects.live()
        .filter(locale__language_code="es")
        .order_by("path")[:ORGANISATION_COUNT]
    )


def build() -> list[tuple[str, str]]:
    """Create the demo people (again, safely); return (email, what they are) pairs."""
    accounts = []
    coordinator = person("coordinacion", "Carmen", "Coordinadora")
    NetworkRole.objects.get_or_create(user=coordinator, role="coordinator")
    accounts.append((coordinator.email, "coordinator"))
    moderator = person("moderacion", "Moritz", "Moderator", "de")
    NetworkRole.objects.get_or_create(user=moderator, role="moderator")
    accounts.append((moderator.email, "forum moderator"))
    for number, organisation in enumerate(organisations(), start=1):
        for role, first_name in (("admin", "Alma"), ("editor", "Elena"), ("member", "Mario")):
            user = person(
                f"{role}{number}",
                first_name,
                organisation.title[:60],
                LANGUAGES[(number - 1) % len(LANGUAGES)],
            )
            Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"role": role}
            )
            accounts.append((user.email, f"{role} · {organisation.title}"))
    return accounts


def existing() -> list[tuple[str, str]]:
    """The demo accounts present in this database, for printing."""
    found = []
    for user in User.objects.filter(email__endswith=f"@{DOMAIN}", is_active=True).order_by("pk"):
        roles = [r.get_role_display() for r in user.network_roles.all()]
        roles += [
            f"{m.get_role_display()} · {m.organisation.title}"
            for m in user.memberships.select_related("organisation")
        ]
        found.append((user.email, ", ".join(str(r) for r in roles)))
    return found
