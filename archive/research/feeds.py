"""Atom feeds: every article, one person's, one topic's; newest first, each entry linking to its permanent URL.

A feed's title, subtitle and page follow the interface's language (`/ru/feeds/…`); its entries are the same in
every language, each identified by its article's one permanent address."""

import datetime
import io

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.xmlutils import SimplerXMLGenerator

from archive.index.filters import Filters
from archive.index.kept import Kept
from archive.index.results import IndexedArticles
from archive.models import MINSK, PERSONS, TOPICS
from archive.serving.languages import permanent_addresses
from archive.serving.public import generation

ENTRIES = 50
# The moment an archive that never changed was last modified, for a feed that has no entry.
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class AtomFeed(Atom1Feed):
    """Atom 1.0 whose `updated` without entries is the archive's last change: Django's is the clock's time, which
    would change the body of an empty feed on every request."""

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.feed["archive_changed"]

    def write(self, outfile, encoding):
        # Written whole: Django's generator writes each tag and text on its own, three thousand writes to the
        # response for fifty entries, which cost as much as the rest of the feed.
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())

    def write_items(self, handler):
        for item in self.items:
            # Markup written as it was kept: the generator's one call that writes its text unescaped.
            handler.ignorableWhitespace(item["written"])

    def written(self, item):
        """The entry's XML, as Django's generator writes it in a feed."""
        buffer = io.StringIO()
        handler = SimplerXMLGenerator(buffer, "utf-8", short_empty_elements=True)
        handler.startElement("entry", self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement("entry")
        return buffer.getvalue()


# Most of a feed is the same from one request to the next: each entry is made and written once, and kept under
# all it shows (the card's digest, the article's last change, the site's address), which any change to it changes.
KEPT_ENTRIES = 2000
_entries = Kept(KEPT_ENTRIES)


class ArticlesFeed(Feed):
    feed_type = AtomFeed
    subtitle = _("The latest political commentary in the archive.")

    def title(self):
        return gettext(settings.ARCHIVE_SITE_NAME)

    def author_name(self):
        return settings.ARCHIVE_PUBLISHER

    def link(self):
        return reverse("archive:article_list")

    def filters(self, obj):
        return Filters()

    def items(self, obj):
        # The framework makes the feed's own elements; its entries are added kept, by `get_feed`.
        return ()

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        _, changed_at = generation(request)
        feed.feed["archive_changed"] = changed_at or NEVER
        domain, secure = get_current_site(request).domain, request.is_secure()
        for card in IndexedArticles(self.filters(obj), changes=True)[:ENTRIES]:
            key = (card.stamp, card.updated_at, domain, secure)
            feed.items.append(_entries.get(key, lambda card=card: self.entry(card, domain, secure)))
        return feed

    def entry(self, card, domain, secure):
        """The entry of a card, with what Django's syndication framework gives an item that has no enclosure,
        author, comments or rights of its own, and its XML."""
        link = add_domain(domain, self.item_link(card), secure)
        made = AtomFeed(title="", link="", description="")
        made.add_item(
            title=self.item_title(card),
            link=link,
            description=self.item_description(card),
            unique_id=link,
            enclosures=[],
            pubdate=self.item_pubdate(card),
            updateddate=self.item_updateddate(card),
            categories=self.item_categories(card),
        )
        item = made.items[0]
        return {**item, "written": made.written(item)}

    def item_link(self, item):
        with permanent_addresses():
            return item.get_absolute_url()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom marks the summary as HTML; escaping keeps the author's `<` and `&` as text in every reader.
        return escape(item.summary)

    def item_pubdate(self, item):
        published = item.published
        if isinstance(published, datetime.datetime):
            return published
        # Atom needs a moment; a dateline without a time is dated from the start of its day in Minsk.
        return datetime.datetime.combine(published, datetime.time.min, tzinfo=MINSK)

    def item_updateddate(self, item):
        # RFC 4287 requires one `updated` in every entry: the moment the article last changed.
        return item.updated_at

    def item_categories(self, item):
        return [m.person.name for m in item.public_mentions] + [t.topic.name for t in item.public_topics]


class SubjectFeed(ArticlesFeed):
    """One person's or one topic's articles."""

    def __init__(self, kind, about):
        self.kind = kind
        # The subtitle: commentary "about" a person, "on" a topic.
        self.about = about

    def get_object(self, request, slug):
        return get_object_or_404(self.kind.model, slug=slug)

    def title(self, obj):
        return f"{obj.display_name} — {gettext(settings.ARCHIVE_SITE_NAME)}"

    def subtitle(self, obj):
        return self.about % {"name": obj.display_name}

    def link(self, obj):
        return obj.get_absolute_url()

    def filters(self, obj):
        return Filters(**{self.kind.field: (obj.slug,)})


articles_feed = ArticlesFeed()
person_feed = SubjectFeed(PERSONS, _("Commentary about %(name)s, newest first."))
topic_feed = SubjectFeed(TOPICS, _("Commentary on %(name)s, newest first."))
