"""Demo consultations: one adopted position with signatories and a response, one in
consultation with a forum discussion. Run after the demo people exist."""

import datetime

from django.utils import timezone

from forum import posting
from forum.models import Topic
from kb import consultation
from kb.models import (
    Endorsement,
    PolicyPositionPage,
    PositionRecipient,
    PositionResponse,
    PositionVersion,
)
from members.models import Membership, User

ADOPTED = "acceso-asilo"
CONSULTING = "flujos-mixtos-local"


def _position(slug):
    return PolicyPositionPage.objects.filter(slug=slug, locale__language_code="es").first()


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def build_adopted(coordinator):
    position = _position(ADOPTED)
    if position is None or PositionVersion.objects.filter(position=position).exists():
        return
    adopted_on = position.date_adopted or datetime.date(2019, 6, 20)
    consulted = consultation.open_consultation(
        position, by=coordinator, deadline=timezone.localdate()
    )
    consulted.opened_at = _at(adopted_on - datetime.timedelta(days=30))
    consulted.deadline = adopted_on - datetime.timedelta(days=2)
    consulted.save()
    PolicyPositionPage.objects.filter(translation_key=position.translation_key).update(
        first_published_at=_at(adopted_on - datetime.timedelta(days=60))
    )
    version = consultation.adopt_position(position, by=coordinator, on=_at(adopted_on))
    # The organisations that signed before versioning signed this first version.
    Endorsement.objects.filter(position=position, version__isnull=True).update(
        version=version, decided_at=_at(adopted_on - datetime.timedelta(days=5))
    )
    position = PolicyPositionPage.objects.get(pk=position.pk)
    position.recipients = [
        PositionRecipient(
            institution="Comisión Mexicana de Ayuda a Refugiados (COMAR)",
            sent_at=adopted_on + datetime.timedelta(days=7),
        ),
        PositionRecipient(
            institution="Instituto Nacional de Migración (INM)",
            sent_at=adopted_on + datetime.timedelta(days=7),
        ),
    ]
    position.responses = [
        PositionResponse(
            institution="Comisión Mexicana de Ayuda a Refugiados (COMAR)",
            date=adopted_on + datetime.timedelta(days=45),
            summary="La COMAR acusa recibo y propone una mesa de trabajo sobre los plazos de "
            "resolución de las solicitudes en Tapachula.",
        )
    ]
    position.save_revision(user=coordinator).publish(user=coordinator)


def build_consulting(coordinator):
    position = _position(CONSULTING)
    if position is None or PositionVersion.objects.filter(position=position).exists():
        return
    opened = consultation.open_consultation(
        position, by=coordinator, deadline=timezone.localdate() + datetime.timedelta(days=30)
    )
    topic = Topic.objects.filter(kb_page=position).first()
    members = list(Membership.objects.select_related("user", "organisation").order_by("pk"))
    if topic:
        replies = [
            "En Oaxaca los municipios no distinguen entre personas en tránsito y solicitantes "
            "de asilo; proponemos añadirlo a la recomendación 1.",
            "De acuerdo. Sobre la recomendación 2: ¿quién coordina a nivel municipal?",
        ]
        for membership, text in zip(members[:2], replies, strict=False):
            posting.reply(topic, author=membership.user, source=text, language="es")
    admins = [m for m in members if m.role == "admin"]
    decisions = [
        (Endorsement.Decision.ENDORSE, ""),
        (Endorsement.Decision.ENDORSE_WITH_COMMENT, "Con la propuesta de Oaxaca incorporada."),
    ]
    for membership, (decision, comment) in zip(admins, decisions, strict=False):
        consultation.decide(
            opened.version,
            membership.organisation,
            by=membership.user,
            decision=decision,
            comment=comment,
        )


def build():
    coordinator = User.objects.filter(network_roles__role="coordinator").order_by("pk").first()
    if coordinator is None:
        return
    build_adopted(coordinator)
    build_consulting(coordinator)
