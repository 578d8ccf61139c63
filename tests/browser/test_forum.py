"""Forum in a real browser: a draft survives a reload, a topic with an image, a quoting
reply with an @mention from the autocomplete, notification and unread marker; flag queue."""

import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client


def forum_user(username, codename):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="pw",
        first_name=username.title(),
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="forum", codename=codename)
    )
    return user


def png_bytes() -> bytes:
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(output, "PNG")
    return output.getvalue()


def log_in(tab, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    tab.context.clear_cookies()
    tab.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_topic_reply_with_quote_notification_and_unread(browser_page, live_server, live_demo):
    tab = browser_page
    ana = forum_user("ana", "participate")
    beto = forum_user("beto", "participate")
    log_in(tab, live_server, ana)
    tab.goto(live_server.url + "/es/foro/reintegracion-economica/")
    tab.get_by_role("link", name="Nuevo tema").click()
    question = "¿Alguien participa en las ferias de empleo?"
    tab.get_by_role("textbox", name="Tu texto").fill(question)
    tab.reload()  # the draft in progress survives
    tab.wait_for_function("document.querySelector('textarea[data-forum-draft]').value !== ''")
    assert tab.get_by_role("textbox", name="Tu texto").input_value() == question
    tab.get_by_label("Título").fill("Ferias de empleo en Monterrey")
    tab.get_by_label("Adjuntar archivos o imágenes").set_input_files(
        files=[{"name": "feria.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    tab.get_by_text("feria.png (1 KB)").wait_for()  # the script names the chosen file
    tab.get_by_role("button", name="Crear tema").click()
    tab.get_by_role("heading", name="Ferias de empleo en Monterrey").wait_for()
    topic_url = tab.url
    image = tab.locator("#post-1 .forum-post__attachments img")
    image.wait_for()
    assert image.evaluate("img => img.decode().then(() => img.naturalWidth)") == 40

    log_in(tab, live_server, beto)
    tab.goto(topic_url)
    tab.get_by_role("link", name="Citar").first.click()
    text = tab.get_by_role("textbox", name="Tu texto")
    assert "> ¿Alguien participa" in text.input_value()
    text.press("Control+End")
    text.press_sequentially("\nSí, cada mes. @an")
    tab.get_by_role("option", name=re.compile(r"^@ana ·")).wait_for()
    text.press("Enter")  # picks the highlighted member
    text.press_sequentially("te paso los datos.")
    assert text.input_value().endswith("@ana te paso los datos.")
    tab.get_by_role("button", name="Enviar respuesta").click()
    tab.locator("#post-2").wait_for()
    assert tab.locator("#post-2 blockquote").count() == 1

    log_in(tab, live_server, ana)
    tab.goto(live_server.url + "/es/foro/notifications/")
    assert tab.locator(".forum-notification--unread").count() >= 1
    tab.goto(live_server.url + "/es/foro/reintegracion-economica/")
    assert tab.locator(".badge--unread").count() == 1
    tab.locator(".badge--unread").click()
    tab.wait_for_url("**#post-2")


def test_moderator_handles_flag_from_queue(browser_page, live_server, live_demo):
    from forum import posting
    from forum.models import CategoryPage, Post

    tab = browser_page
    author = forum_user("autor", "participate")
    flagger = forum_user("denuncia", "participate")
    moderator = forum_user("moderadora", "moderate")
    category = CategoryPage.objects.get(slug="reintegracion-economica")
    topic = posting.create_topic(
        category, author=author, title="Oferta sospechosa", source="Gana dinero rápido"
    )

    log_in(tab, live_server, flagger)
    tab.goto(live_server.url + category.topic_url(topic))
    tab.get_by_role("link", name="Reportar").click()
    tab.get_by_label("¿Por qué debería revisar").fill("Parece una estafa")
    tab.get_by_role("button", name="Reportar").click()
    tab.get_by_text("Gracias. La moderación revisará").wait_for()

    log_in(tab, live_server, moderator)
    tab.goto(live_server.url + "/es/foro/moderation/")
    assert "Parece una estafa" in tab.content()
    tab.get_by_role("button", name="Ocultar publicación").click()
    tab.get_by_text("No hay publicaciones reportadas").wait_for()
    assert Post.objects.get(topic=topic, position=1).is_hidden
