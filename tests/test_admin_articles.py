"""Editing an article in the admin: text, photo, curation, and addresses that never break."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from archive.models import Article, Decision, RelatedLink, SlugRedirect
from tests.support.clock import NEW_YEARS_EVE
from tests.support.editing import change_form_data

LEAD_SLUG = "lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter"


@pytest.fixture
def lead(seeded):
    return Article.objects.get(slug=LEAD_SLUG)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def change_url(article):
    return f"/admin/archive/article/{article.pk}/change/"


def save(client, article, **changes):
    """Submit the article's change form with these fields changed; return the response."""
    data = change_form_data(client.get(change_url(article)))
    data.update(changes)
    return client.post(change_url(article), data)


def jpeg(size=(1200, 800)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile("statkevich.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_the_change_page_shows_the_rendered_body_sanitised(editor_client, lead):
    response = save(editor_client, lead, body="**Bold claim.** <script>alert(1)</script>\n\nSecond paragraph.")
    assert response.status_code == 302

    page = editor_client.get(change_url(lead)).text

    assert '<div class="readonly"><p><strong>Bold claim.</strong> </p>\n<p>Second paragraph.</p></div>' in page
    assert "<script>alert(1)</script>" not in page


def test_the_change_page_shows_the_source_file_the_article_came_from(editor_client, lead, seed_page_path):
    page = editor_client.get(change_url(lead)).text

    assert f">{seed_page_path.name}</a>" in page
    assert 'lead in <a href="/admin/archive/sourcefile/' in page


def test_editing_title_caption_and_credits_is_saved(editor_client, lead):
    save(
        editor_client,
        lead,
        title="Lukashenko wants to be at the centre of the Russo-American conflict",
        photo_caption="Alexander Lukashenko",
        photo_credit="Sergei Grits",
        photo_agency="AP",
    )

    lead.refresh_from_db()
    assert (lead.title, lead.photo_caption, lead.photo_credit, lead.photo_agency, lead.slug) == (
        "Lukashenko wants to be at the centre of the Russo-American conflict",
        "Alexander Lukashenko",
        "Sergei Grits",
        "AP",
        LEAD_SLUG,
    )


def test_changing_a_slug_keeps_the_former_address_as_a_redirect(editor_client, lead):
    save(editor_client, lead, slug="lukashenko-epicenter")

    lead.refresh_from_db()
    assert lead.get_absolute_url() == "/articles/2016/04/22/lukashenko-epicenter/"
    assert list(SlugRedirect.objects.values_list("published_date", "old_slug", "article")) == [
        (lead.published_date, LEAD_SLUG, lead.pk)
    ]


def test_changing_a_slug_twice_keeps_both_former_addresses_leading_to_the_article(editor_client, lead):
    save(editor_client, lead, slug="lukashenko-epicenter")
    save(editor_client, lead, slug="lukashenko-and-the-west")

    assert sorted(SlugRedirect.objects.values_list("old_slug", "article")) == [
        (LEAD_SLUG, lead.pk),
        ("lukashenko-epicenter", lead.pk),
    ]


def test_going_back_to_a_former_slug_drops_its_redirect(editor_client, lead):
    save(editor_client, lead, slug="lukashenko-epicenter")
    save(editor_client, lead, slug=LEAD_SLUG)

    assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["lukashenko-epicenter"]


def test_a_former_address_of_another_article_cannot_be_taken(editor_client, lead, make_article):
    other = make_article("Another commentary of the same day", "2016-04-22")
    SlugRedirect.objects.create(published_date=lead.published_date, old_slug="taken-before", article=other)

    response = save(editor_client, lead, slug="taken-before")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"] == [
        "This address once belonged to another article and still leads there."
    ]
    lead.refresh_from_db()
    assert lead.slug == LEAD_SLUG


def test_a_title_that_would_duplicate_another_article_of_the_day_is_refused(editor_client, lead, make_article):
    make_article("Another commentary of the same day", "2016-04-22")

    response = save(editor_client, lead, title="ANOTHER commentary of the same day")

    assert response.context["adminform"].form.errors["title"] == [
        "Another article of the same day has this title; the archive holds each article once."
    ]


def test_the_similar_items_can_be_reordered_and_extended(editor_client, lead, make_article):
    extra = make_article("A third commentary", "2018-01-05")
    data = change_form_data(editor_client.get(change_url(lead)))
    data.update(
        {
            "related_links-0-position": "1",
            "related_links-1-related": str(extra.pk),
            "related_links-1-position": "0",
            "related_links-TOTAL_FORMS": "2",
        }
    )

    assert editor_client.post(change_url(lead), data).status_code == 302

    assert list(RelatedLink.objects.filter(lead=lead).values_list("related__title", "position")) == [
        ("A third commentary", 0),
        ("Belarusian authorities resumed arrests of opposition", 1),
    ]


def test_a_person_added_by_an_editor_is_recorded_as_the_editors_decision(editor_client, lead):
    response = editor_client.get(change_url(lead))

    assert response.context["inline_admin_formsets"][0].formset.empty_form["decision"].value() == Decision.ADDED


def test_an_uploaded_image_gets_its_renditions(editor_client, lead, media):
    assert save(editor_client, lead, image=jpeg()).status_code == 302

    lead.refresh_from_db()
    assert (lead.image_width, lead.image_height) == (1200, 800)
    assert [(r["format"], r["width"]) for r in lead.image_renditions] == [
        ("webp", 480),
        ("webp", 960),
        ("webp", 1200),
        ("jpeg", 480),
        ("jpeg", 960),
        ("jpeg", 1200),
    ]
    assert all((media / r["path"]).is_file() for r in lead.image_renditions)
    assert (
        "1200 × 800 pixels uploaded; 480, 960, 1200 pixels wide, as jpeg and webp"
        in editor_client.get(change_url(lead)).text
    )


def image_files(media, article):
    """The original and every rendition of the article's image, as paths under MEDIA_ROOT."""
    article.refresh_from_db()
    return [media / article.image.name, *(media / r["path"] for r in article.image_renditions)]


def test_replacing_the_image_removes_the_former_original_and_renditions_once_saved(
    editor_client, lead, media, django_capture_on_commit_callbacks
):
    save(editor_client, lead, image=jpeg())
    first = image_files(media, lead)

    with django_capture_on_commit_callbacks(execute=True):
        save(editor_client, lead, image=jpeg((400, 300)))

    lead.refresh_from_db()
    assert [(r["format"], r["width"], r["height"]) for r in lead.image_renditions] == [
        ("webp", 400, 300),
        ("jpeg", 400, 300),
    ]
    assert [path.exists() for path in first] == [False] * 7
    assert all(path.is_file() for path in image_files(media, lead))


def test_clearing_the_image_removes_its_original_and_renditions(
    editor_client, lead, media, django_capture_on_commit_callbacks
):
    save(editor_client, lead, image=jpeg())
    first = image_files(media, lead)

    with django_capture_on_commit_callbacks(execute=True):
        save(editor_client, lead, **{"image-clear": "on"})

    lead.refresh_from_db()
    assert (lead.image.name, lead.image_renditions) == ("", [])
    assert [path.exists() for path in first] == [False] * 7


def test_deleting_an_article_removes_its_original_and_renditions(
    client, django_user_model, lead, media, django_capture_on_commit_callbacks
):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    save(client, lead, image=jpeg())
    files = image_files(media, lead)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/archive/article/{lead.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert [path.exists() for path in files] == [False] * 7


def photo_with_location(kind="JPEG", size=(1200, 800)):
    """A photograph as a phone writes it: the camera, where it was taken, a comment."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (53.0, 54.0, 7.5),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (27.0, 33.0, 55.0),
    }
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 90, 160)).save(buffer, kind, exif=exif)
    return buffer.getvalue()


@pytest.mark.time_machine(NEW_YEARS_EVE, tick=False)
def test_an_uploaded_original_is_named_by_the_archive_and_keeps_no_location(editor_client, lead, media):
    upload = SimpleUploadedFile("IMG_0042 at home.JPEG", photo_with_location(), content_type="image/jpeg")

    save(editor_client, lead, image=upload)

    lead.refresh_from_db()
    folder, name = lead.image.name.rsplit("/", 1)
    assert folder == "articles/2025"
    assert re.fullmatch(rf"{LEAD_SLUG}-[0-9a-f]{{12}}\.jpg", name)
    with Image.open(media / lead.image.name) as stored:
        assert (stored.format, stored.size, dict(stored.getexif())) == ("JPEG", (1200, 800), {})
    assert b"Phone maker" not in (media / lead.image.name).read_bytes()


def test_a_png_with_html_inside_named_pdf_is_kept_as_the_png_it_is_without_the_html(editor_client, lead, media):
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (250, 250, 250)).save(buffer, "PNG")
    polyglot = buffer.getvalue() + b"<html><script>alert(document.cookie)</script></html>"

    save(editor_client, lead, image=SimpleUploadedFile("poly.pdf", polyglot, content_type="application/pdf"))

    lead.refresh_from_db()
    assert lead.image.name.endswith(".png")
    stored = (media / lead.image.name).read_bytes()
    assert b"<html>" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.format, image.size) == ("PNG", (600, 400))


def test_a_text_file_named_jpg_is_refused_with_a_message(editor_client, lead, media):
    fake = SimpleUploadedFile("photo.jpg", b"Not a photograph at all.\n", content_type="image/jpeg")

    response = save(editor_client, lead, image=fake)

    assert response.context["adminform"].form.errors["image"] == [
        "The file is not an image, whatever its name says: its content is not JPEG, PNG or WebP."
    ]
    lead.refresh_from_db()
    assert (lead.image.name, lead.image_renditions) == ("", [])
    assert list(media.iterdir()) == []
